using System.Diagnostics;
using System.Globalization;
using ComplaintFunctions.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>
/// Storage goes away during intake (the gate in front of Azurite is closed) and comes back: nothing
/// accepted is lost, every refusal is a 503 with <c>Retry-After</c>, nobody is acknowledged twice, and
/// the runner carries on by itself once storage is back.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Faults")]
public sealed class StorageOutageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Storage_that_goes_away_during_intake_loses_nothing_and_refuses_with_503()
    {
        var scale = FaultScale.Current;
        foreach (var outage in scale.Outages)
        {
            await RunAsync(scale, outage);
        }
    }

    async Task RunAsync(FaultScale scale, TimeSpan outage)
    {
        await using var gate = StorageGate.Before(azurite.Endpoints);
        using var logs = new CapturingLoggerProvider();
        var hub = "outage" + Guid.NewGuid().ToString("N")[..8];
        // A queue message whose delete or update failed while storage was away comes back after its visibility timeout.
        var visibility = scale.Visibility;
        var settings = scale.VisibilitySettings();
        await using var runner = await RunnerClient.StartAsync(gate.ConnectionString, hub, settings, logging: b => b.AddProvider(logs));
        using var http = FaultClients.Client(runner.BaseAddress);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var complaints = Enumerable.Range(0, scale.OutageComplaints).Select(i => $"outage-{tag}-{i}@example.no").ToArray();
        var mails = Enumerable.Range(0, Math.Max(2, scale.OutageComplaints / 4)).Select(i => $"outage-mail-{tag}-{i}@example.com").ToArray();

        // Inputs arrive spread over the time before, during and after the outage.
        var span = outage + TimeSpan.FromSeconds(6);
        var clock = Stopwatch.StartNew();
        var sending = complaints.Select((c, i) => SpreadAsync(i, complaints.Length, span, () => FaultClients.ReportComplaintAsync(http, c, "Skjermen var død ved levering.", () => false, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(2))))
            .Concat(mails.Select((m, i) => SpreadAsync(i, mails.Length, span, () => FaultClients.DeliverMailAsync(http, m, "Reklamasjon", "Laderen blir varm og lukter brent.", () => false, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(2)))))
            .ToArray();

        await Task.Delay(TimeSpan.FromSeconds(3));
        gate.Close();
        await Task.Delay(outage);
        gate.Open();
        var back = DateTimeOffset.UtcNow;

        var outcomes = await Task.WhenAll(sending);
        var accepted = outcomes.Where(o => o.Accepted).Select(o => o.Customer).ToArray();
        var (acks, doubled, last) = await FaultClients.WaitForAcknowledgementsAsync(http, accepted, visibility + TimeSpan.FromMinutes(3));

        var lost = accepted.Count(a => !acks.ContainsKey(a));
        var twice = acks.Values.Count(n => n > 1);
        var wrong = outcomes.SelectMany(o => o.WrongAnswers).ToArray();
        var refused = outcomes.Sum(o => o.Unavailable);
        var recovery = last is { } l ? Math.Max(0, (l - back).TotalSeconds) : double.NaN;
        var resent = FaultClients.ResentMailIds(logs.Lines.Select(l => l.AllText()));
        var figure = string.Create(CultureInfo.InvariantCulture, $"storage away {outage.TotalSeconds:0} s: {refused} answers were 503 with Retry-After, last acknowledgement {recovery:0} s after it came back; {doubled} mail(s) given to SendGrid twice, {resent.Count} logged re-send(s) in the named window");
        output.WriteLine(figure);
        foreach (var w in wrong.Take(10))
        {
            output.WriteLine("wrong answer: " + w);
        }

        foreach (var missing in accepted.Where(a => !acks.ContainsKey(a)))
        {
            output.WriteLine("lost: " + await FaultDiagnostics.DescribeAsync(azurite, http, logs.Lines.Select(l => l.AllText()), hub, missing));
        }

        FaultTable.Write($"storage away {outage.TotalSeconds:0} s", scale, outcomes.Length, accepted.Length, lost, twice, wrong.Length, figure);
        Assert.Empty(wrong);
        Assert.Equal(outcomes.Length, accepted.Length);
        Assert.Equal(0, lost);
        Assert.Equal(0, twice);

        // A mail SendGrid took while the ledger could not be written is sent again: the named window, logged.
        Assert.True(doubled <= resent.Count, $"{doubled} mails were given to SendGrid twice, but only {resent.Count} re-sends after a cut-short attempt were logged.");
    }

    static async Task<ClientOutcome> SpreadAsync(int index, int count, TimeSpan span, Func<Task<ClientOutcome>> send)
    {
        await Task.Delay(span * index / Math.Max(1, count));
        return await send();
    }
}
