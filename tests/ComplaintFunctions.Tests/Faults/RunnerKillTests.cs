using System.Globalization;
using System.Net.Http.Json;
using ComplaintFunctions.Tests.Support;
using Xunit.Abstractions;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>
/// The runner is killed with SIGKILL at random points while complaints and mails arrive, and started
/// again each time; clients retry as browsers (same Idempotency-Key) and SendGrid (same mail, new
/// boundary) do. Every accepted input is acknowledged exactly once. A mail given to SendGrid twice is
/// allowed only in the one window the README names (killed after SendGrid took it, before the ledger
/// said so), and then the log says it was sent again under the same Message-ID.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Faults")]
public sealed class RunnerKillTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_runner_at_random_points_loses_and_doubles_nothing()
    {
        var scale = FaultScale.Current;
        var random = new Random(20261201);
        var hub = "kill" + Guid.NewGuid().ToString("N")[..8];
        var settings = scale.VisibilitySettings();
        settings["CustomerService:MailRetryFirstInterval"] = "00:00:01";
        var visibility = scale.Visibility;
        await using var runner = await RunnerProcess.StartAsync(azurite.ConnectionString, hub, settings);
        using var http = FaultClients.Client(runner.BaseAddress);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var complaints = Enumerable.Range(0, scale.CrashComplaints).Select(i => $"kill-{tag}-{i}@example.no").ToArray();
        var mails = Enumerable.Range(0, scale.CrashMails).Select(i => $"kill-mail-{tag}-{i}@example.com").ToArray();

        // Inputs keep arriving over the whole time the runner is being killed, a few at a time.
        var killing = true;
        var span = TimeSpan.FromSeconds(Math.Max(10, scale.Kills * 6));
        var gate = new SemaphoreSlim(8);
        async Task<ClientOutcome> Throttled(int index, int count, Func<Task<ClientOutcome>> send)
        {
            await Task.Delay(span * index / Math.Max(1, count));
            await gate.WaitAsync();
            try
            {
                return await send();
            }
            finally
            {
                gate.Release();
            }
        }

        var sending = complaints.Select((c, i) => Throttled(i, complaints.Length, () => FaultClients.ReportComplaintAsync(http, c, "Skjermen var død ved levering.", () => killing, TimeSpan.FromMinutes(8))))
            .Concat(mails.Select((m, i) => Throttled(i, mails.Length, () => FaultClients.DeliverMailAsync(http, m, "Reklamasjon", "Laderen blir varm og lukter brent.", () => killing, TimeSpan.FromMinutes(8)))))
            .ToArray();

        var restartedAt = DateTimeOffset.UtcNow;
        for (var kill = 0; kill < scale.Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 5000)));
            await runner.KillAsync();
            await runner.StartAsync();
            restartedAt = DateTimeOffset.UtcNow;
        }

        var outcomes = await Task.WhenAll(sending);
        killing = false;
        var accepted = outcomes.Where(o => o.Accepted).Select(o => o.Customer).ToArray();
        var (acks, doubled, last) = await FaultClients.WaitForAcknowledgementsAsync(http, accepted, visibility + TimeSpan.FromMinutes(scale.IsFull ? 4 : 2));

        var lost = accepted.Count(a => !acks.ContainsKey(a));
        var twice = acks.Values.Count(n => n > 1);
        var resent = FaultClients.ResentMailIds(runner.Lines);
        var wrong = outcomes.SelectMany(o => o.WrongAnswers).ToArray();
        var afterLast = last is { } l ? Math.Max(0, (l - restartedAt).TotalSeconds) : double.NaN;
        var figure = string.Create(CultureInfo.InvariantCulture,
            $"{scale.Kills} SIGKILLs (queue visibility {visibility.TotalSeconds:0} s): last acknowledgement {afterLast:0} s after the last restart; {doubled} mail(s) given to SendGrid twice, {resent.Count} logged re-send(s) in the named window");
        output.WriteLine(figure);
        foreach (var w in wrong.Take(10))
        {
            output.WriteLine("wrong answer: " + w);
        }

        foreach (var missing in accepted.Where(a => !acks.ContainsKey(a)))
        {
            output.WriteLine("lost: " + await FaultDiagnostics.DescribeAsync(azurite, http, runner.Lines, hub, missing));
        }

        foreach (var (customer, count) in acks.Where(a => a.Value > 1))
        {
            var theirs = (await http.GetFromJsonAsync<List<SeenMail>>("/dev/mail", System.Text.Json.JsonSerializerOptions.Web) ?? []).Where(m => m.To.Contains(customer));
            output.WriteLine($"twice: {customer} ({count}): " + string.Join(" | ", theirs.Select(m => $"{m.MailId} {m.Subject} {m.Time:O}")));
        }

        FaultTable.Write("runner killed", scale, outcomes.Length, accepted.Length, lost, twice, wrong.Length, figure);
        Assert.Empty(wrong);
        Assert.Equal(outcomes.Length, accepted.Length);
        Assert.Equal(0, lost);
        Assert.Equal(0, twice);
        Assert.True(doubled <= resent.Count, $"{doubled} mails were given to SendGrid twice, but only {resent.Count} re-sends after a cut-short attempt were logged.");
    }
}
