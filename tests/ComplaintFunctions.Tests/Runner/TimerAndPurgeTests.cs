using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;
using LocalFunctionsRunner;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.Runner;

/// <summary>The runner runs timer triggers and purges Durable instances as the host does, for any app.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerAndPurgeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_timer_function_runs_at_start_when_asked_and_then_on_its_schedule_from_the_settings_through_the_apps_middleware()
    {
        var folder = Directory.CreateTempSubdirectory("probe-timer-").FullName;
        var options = ProbeApp.RunnerOptions(azurite.ConnectionString, folder, "timer");
        options.Settings["Probe:Timer"] = "*/2 * * * * *";
        try
        {
            await using var runner = await FunctionsRunner.StartAsync(options);
            var log = runner.Services.GetRequiredService<ProbeLog>();
            var ticks = await RunnerClient.EventuallyAsync(() => Task.FromResult(log.Lines.Count(l => l.StartsWith("tick", StringComparison.Ordinal)) >= 3 ? log.Lines.Where(l => l.StartsWith("tick", StringComparison.Ordinal)).ToList() : null), "three ticks", TimeSpan.FromSeconds(15));
            Assert.All(ticks, t => Assert.StartsWith("tick via middleware:ProbeTimer next ", t, StringComparison.Ordinal));
            Assert.All(ticks, t => Assert.EndsWith("client True", t, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_durable_client_purges_a_finished_instance_with_its_history_as_under_the_host()
    {
        var folder = Directory.CreateTempSubdirectory("probe-purge-").FullName;
        var options = ProbeApp.RunnerOptions(azurite.ConnectionString, folder, "purge");
        try
        {
            await using var runner = await FunctionsRunner.StartAsync(options);
            using var http = new HttpClient { BaseAddress = runner.BaseAddress };
            var client = runner.Services.GetRequiredService<DurableTaskClient>();
            var started = await (await http.PostAsync("/api/probe/versioned", null)).Content.ReadFromJsonAsync<JsonElement>();
            var id = started.GetProperty("id").GetString()!;
            await RunnerClient.EventuallyAsync(async () => await client.GetInstanceAsync(id) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } m ? m : null, "the orchestration's end");

            Assert.Equal(1, (await client.PurgeInstanceAsync(id)).PurgedInstanceCount);
            Assert.Null(await client.GetInstanceAsync(id));
            Assert.Equal(0, (await client.PurgeInstanceAsync(id)).PurgedInstanceCount);

            // And by filter: the finished instances created in a time range.
            var second = (await (await http.PostAsync("/api/probe/versioned", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await RunnerClient.EventuallyAsync(async () => await client.GetInstanceAsync(second) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } m ? m : null, "the second orchestration's end");
            var purged = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow, [OrchestrationRuntimeStatus.Completed]));
            Assert.True(purged.PurgedInstanceCount >= 1);
            Assert.Null(await client.GetInstanceAsync(second));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
