using System.Net.Http.Json;
using LocalFunctionsRunner.Storage;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

[Collection(AzuriteCollection.Name)]
public sealed class RestartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_case_waiting_on_its_timer_goes_on_after_the_runner_restarts()
    {
        var hub = "restart" + Guid.NewGuid().ToString("N")[..8];
        var port = AzuriteProcess.FreePort();
        var settings = new Dictionary<string, string?> { ["CustomerService:ProgressAfter"] = "00:00:20" };
        var email = $"restart-{Guid.NewGuid():N}@example.no";
        await using var runner = await RunnerClient.StartAsync(azurite, hub, settings, port);

        await runner.Http.PostAsJsonAsync("/api/complaints", new { email, description = "Maskinen starter ikke.", language = "en" });
        var acknowledgement = await runner.WaitForMailAsync(m => m.To.Contains(email));
        Assert.StartsWith("We have received your complaint", acknowledgement.Subject, StringComparison.Ordinal);

        // Once the team has the case and its clock is on the staff list, the orchestration waits on its
        // timers; stop everything but the storage.
        await runner.WaitForMailAsync(m => m.To.Contains("kundeservice-team@example.no") && m.Subject.Contains(acknowledgement.Subject[^16..^1], StringComparison.Ordinal));
        await RunnerClient.EventuallyAsync(
            async () =>
            {
                var list = await runner.StaffHttp.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/staff/complaints");
                return list.GetProperty("cases").EnumerateArray().Any(c => c.GetProperty("customer").GetString() == email && c.GetProperty("dueAt").ValueKind == System.Text.Json.JsonValueKind.String) ? "idle" : null;
            },
            "the case waiting on its clock");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await runner.StopRunnerAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var restartedAt = DateTimeOffset.UtcNow;
        await runner.StartRunnerAsync(azurite, hub, settings, port);

        var progress = await runner.WaitForMailAsync(m => m.To.Contains(email) && m.Subject.StartsWith("Your complaint is still being handled", StringComparison.Ordinal), TimeSpan.FromSeconds(45));
        Assert.Contains(acknowledgement.Subject[^17..], progress.Subject, StringComparison.Ordinal);
        Assert.True(progress.Time >= restartedAt, "The progress mail should come from the restarted runner.");
    }
}
