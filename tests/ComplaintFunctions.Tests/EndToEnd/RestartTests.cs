using System.Net.Http.Json;
using ComplaintFunctions.LocalHost.Storage;
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

        // The orchestration now waits on its progress timer; stop everything but the storage.
        await runner.StopRunnerAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var restartedAt = DateTimeOffset.UtcNow;
        await runner.StartRunnerAsync(azurite, hub, settings, port);

        var progress = await runner.WaitForMailAsync(m => m.To.Contains(email) && m.Subject.StartsWith("Your complaint is still being handled", StringComparison.Ordinal), TimeSpan.FromSeconds(45));
        Assert.Contains(acknowledgement.Subject[^17..], progress.Subject, StringComparison.Ordinal);
        Assert.True(progress.Time >= restartedAt, "The progress mail should come from the restarted runner.");
    }
}
