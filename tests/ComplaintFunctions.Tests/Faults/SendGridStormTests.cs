using System.Globalization;
using ComplaintFunctions.Tests.Support;
using Xunit.Abstractions;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>
/// SendGrid in a storm (429 with Retry-After, 500, 503, connections that break, slow answers) while
/// complaints come in: every customer gets one acknowledgement, and no mail is given to SendGrid twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Faults")]
public sealed class SendGridStormTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    static readonly string[] Storm = ["429", "500", "drop", "503", "slow", "429", "500", "drop"];

    [Fact]
    public async Task Every_mail_goes_out_once_through_a_storm_of_SendGrid_failures()
    {
        var scale = FaultScale.Current;
        await using var runner = await RunnerClient.StartAsync(azurite, "storm" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string?>
        {
            ["CustomerService:MailRetryFirstInterval"] = "00:00:01",
            ["CustomerService:MailRetryAttempts"] = "10",
        });
        using var http = FaultClients.Client(runner.BaseAddress);

        // About as many failures as there are mails to send (acknowledgements and staff mails), spread over the mix above.
        var failures = Enumerable.Range(0, scale.StormComplaints * 2).Select(i => Storm[i % Storm.Length]).ToArray();
        var queued = await http.PostAsync("/dev/mail/fail-next?" + string.Join("&", failures.Select(f => "status=" + f)), null);
        queued.EnsureSuccessStatusCode();

        var tag = Guid.NewGuid().ToString("N")[..6];
        var customers = Enumerable.Range(0, scale.StormComplaints).Select(i => $"storm-{tag}-{i}@example.no").ToArray();
        var started = DateTimeOffset.UtcNow;
        var outcomes = await Task.WhenAll(customers.Select(c => FaultClients.ReportComplaintAsync(http, c, "Skjermen var død ved levering.", () => false, TimeSpan.FromMinutes(2))));
        var accepted = outcomes.Where(o => o.Accepted).Select(o => o.Customer).ToArray();
        var (acks, doubled, last) = await FaultClients.WaitForAcknowledgementsAsync(http, accepted, TimeSpan.FromMinutes(scale.IsFull ? 6 : 3));

        var lost = accepted.Count(a => !acks.ContainsKey(a));
        var twice = acks.Values.Count(n => n > 1);
        var wrong = outcomes.SelectMany(o => o.WrongAnswers).ToArray();
        var figure = string.Create(CultureInfo.InvariantCulture,
            $"{failures.Length} SendGrid failures (429, 500, 503, broken connections, slow): every acknowledgement within {((last ?? started) - started).TotalSeconds:0} s, {doubled} mail(s) given to SendGrid twice");
        output.WriteLine(figure);
        FaultTable.Write("SendGrid storm", scale, outcomes.Length, accepted.Length, lost, twice + doubled, wrong.Length, figure);
        Assert.Empty(wrong);
        Assert.Equal(0, lost);
        Assert.Equal(0, twice + doubled);
    }
}
