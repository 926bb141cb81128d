using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;
using Xunit.Abstractions;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>
/// SendGrid delivers each mail one to five times, interleaved with other mails and concurrently, each
/// post in a form with its own multipart boundary: every mail is one case, acknowledged once.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Faults")]
public sealed class RedeliveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task A_mail_delivered_one_to_five_times_is_one_case()
    {
        var scale = FaultScale.Current;
        var random = new Random(500);
        await using var runner = await RunnerClient.StartAsync(azurite, "redeliver" + Guid.NewGuid().ToString("N")[..8]);
        using var http = FaultClients.Client(runner.BaseAddress);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var mails = Enumerable.Range(0, scale.RedeliveredMails)
            .Select(i => (Sender: $"again-{tag}-{i}@example.com", Mime: FaultClients.Mime($"again-{tag}-{i}@example.com", $"<{tag}.{i}@redeliver.example>", "Reklamasjon", $"Mus nummer {i} slutter å virke.")))
            .ToArray();
        var posts = mails.SelectMany(m => Enumerable.Repeat(m, random.Next(1, 6))).OrderBy(_ => random.Next()).ToArray();

        var answers = new List<HttpStatusCode>();
        var gate = new SemaphoreSlim(8);
        var started = DateTimeOffset.UtcNow;
        await Task.WhenAll(posts.Select(async post =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await http.SendAsync(FaultClients.SendGridPost(post.Mime));
                lock (answers)
                {
                    answers.Add(response.StatusCode);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        var senders = mails.Select(m => m.Sender).ToArray();
        var (acks, doubled, last) = await FaultClients.WaitForAcknowledgementsAsync(http, senders, TimeSpan.FromMinutes(scale.IsFull ? 8 : 3));
        var list = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints");
        var casesBySender = list.GetProperty("cases").EnumerateArray()
            .GroupBy(c => c.GetProperty("customer").GetString()!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

        var lost = senders.Count(s => !acks.ContainsKey(s));
        var extraCases = senders.Sum(s => Math.Max(0, casesBySender.GetValueOrDefault(s) - 1));
        var twice = acks.Values.Count(n => n > 1);
        var wrong = answers.Count(a => a != HttpStatusCode.OK);
        var figure = string.Create(CultureInfo.InvariantCulture,
            $"{posts.Length} posts of {mails.Length} mails ({(double)posts.Length / mails.Length:0.0} each): {extraCases} extra cases, every acknowledgement within {((last ?? started) - started).TotalSeconds:0} s");
        output.WriteLine(figure);
        FaultTable.Write("mail redelivered", scale, posts.Length, answers.Count(a => a == HttpStatusCode.OK), lost, twice + doubled + extraCases, wrong, figure);
        Assert.Equal(0, wrong);
        Assert.Equal(0, lost);
        Assert.Equal(0, extraCases);
        Assert.Equal(0, twice + doubled);
    }
}
