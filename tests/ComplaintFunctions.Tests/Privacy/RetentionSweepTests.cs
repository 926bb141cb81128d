using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Privacy;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.Privacy;

/// <summary>
/// The retention sweep through the runner, on an Azurite of its own: the sweep reads every closed case of the
/// account, and with a period of seconds it would erase the other tests' cases too.
/// </summary>
[Collection(RetentionCollection.Name)]
public sealed class RetentionSweepTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_retention_sweep_erases_only_cases_past_their_countrys_period_once_and_finishes_an_erasure_cut_short()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "rs" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string?>
        {
            ["Retention:EraseAfter:NO"] = "00:00:02",
            ["Retention:EraseAfter:SE"] = "3650.00:00:00",

        });
        var norwegian = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var sven = $"sven-{Guid.NewGuid():N}@example.se";
        var swedish = await new CaseDriver(runner, sven).ReportAsync(new { name = "Sven", email = sven, description = "Laddaren fungerar inte.", category = "claim", country = "SE", language = "en" });
        var openNorwegian = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        await ErasureTests.WithdrawAsync(runner, norwegian);
        await ErasureTests.WithdrawAsync(runner, swedish);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var sweep = runner.Services.GetRequiredService<RetentionSweep>();
        var durable = runner.Services.GetRequiredService<DurableTaskClient>();
        var complaints = runner.Services.GetRequiredService<ComplaintStore>();
        var first = await sweep.RunAsync(durable);
        Assert.True((await complaints.FindOnTheListAsync(CaseNumber.Parse(norwegian.CaseNumber), DateTimeOffset.UtcNow))!.Erased, $"Not erased by the sweep: {first}");
        Assert.False((await complaints.FindOnTheListAsync(CaseNumber.Parse(swedish.CaseNumber), DateTimeOffset.UtcNow))!.Erased);
        Assert.False((await complaints.FindOnTheListAsync(CaseNumber.Parse(openNorwegian.CaseNumber), DateTimeOffset.UtcNow))!.Erased);
        var proof = Assert.Single(await norwegian.TrailAsync(), e => e.GetProperty("kind").GetString() == "erased");
        Assert.Equal("system", proof.GetProperty("actor").GetString());
        Assert.Contains("Retention:EraseAfter:NO", proof.GetProperty("summary").GetString(), StringComparison.Ordinal);

        // A second sweep finds nothing of these cases to do (other tests' cases may have come due meanwhile).
        var trailBefore = (await norwegian.TrailAsync()).Length;
        await sweep.RunAsync(durable);
        Assert.Equal(trailBefore, (await norwegian.TrailAsync()).Length);
        Assert.False((await complaints.FindOnTheListAsync(CaseNumber.Parse(swedish.CaseNumber), DateTimeOffset.UtcNow))!.Erased);

        // An erasure stopped after its first step (marked, texts gone) is finished by the next run, as it began.
        var per = $"per-{Guid.NewGuid():N}@example.no";
        var cut = await new CaseDriver(runner, per).ReportAsync(new { name = "Per Avbrutt", email = per, description = "Avbrutt midt i.", category = "claim", country = "NO" });
        await ErasureTests.WithdrawAsync(runner, cut);
        var number = CaseNumber.Parse(cut.CaseNumber);
        await complaints.BeginErasureAsync(number, new ErasureMark(DateTimeOffset.UtcNow, "team-lead:Kari Lund", "asked by the customer"));
        var eraser = runner.Services.GetRequiredService<CaseEraser>();
        Assert.Equal(ErasureOutcome.Erased, (await eraser.EraseAsync(number, "system", "a second run", durable)).Outcome);
        Assert.Equal(ErasureOutcome.AlreadyErased, (await eraser.EraseAsync(number, "system", "a third run", durable)).Outcome);
        var line = Assert.Single(await cut.TrailAsync(), e => e.GetProperty("kind").GetString() == "erased");
        Assert.Equal("team-lead:Kari Lund", line.GetProperty("actor").GetString());
        Assert.Empty(await ErasureTests.FindAsync(azurite, ["Per Avbrutt", "Avbrutt midt i."]));
    }
}

[CollectionDefinition(Name)]
public sealed class RetentionCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite for the retention sweep";
}
