using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;
using ComplaintFunctions.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// Mail in, through the local runner: SendGrid Inbound Parse (raw and parsed mode) and raw MIME
/// on the inbox queue. Each mail of the corpus gives what its expected.json says, seen as staff see it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MailIntakeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Secret = "local-inbound-secret";
    static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "Corpus");
    static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusFolder, "expected.json"))).RootElement;
    // One task hub for the whole class: each test starts its own runner on it, like a restart, so the
    // orchestrations of the cases made below are there for every test.
    static readonly string TaskHub = "mail" + Guid.NewGuid().ToString("N")[..8];
    RunnerClient runner = null!;

    // Each test restarts the runner on the class's task hub: the first work after a restart can wait for
    // the engine's partition leases, as on the host, so a mail's acknowledgement is waited for longer.
    static readonly TimeSpan FirstWorkAfterRestart = TimeSpan.FromSeconds(75);

    public async Task InitializeAsync()
    {
        runner = await RunnerClient.StartAsync(azurite, TaskHub, new Dictionary<string, string?>
        {
            // The corpus replies carry Message-IDs signed with its own test key.
            ["Links:SigningKey"] = Expected.GetProperty("signingKey").GetString(),
            ["Mail:MessageIdDomain"] = Expected.GetProperty("messageIdDomain").GetString(),
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
        });

        // The cases the corpus answers, with their customers, as if they had come in earlier.
        var store = runner.Services.GetRequiredService<ComplaintStore>();
        var durable = runner.Services.GetRequiredService<DurableTaskClient>();
        foreach (var known in Expected.GetProperty("cases").EnumerateArray())
        {
            var number = CaseNumber.Parse(known.GetProperty("caseNumber").GetString()!);
            var details = new ComplaintDetails(
                new Customer(null, known.GetProperty("customer").GetString()!, null, known.GetProperty("language").GetString()!, Country.NO),
                new Purchase(null, null, null, null, null), ComplaintCategory.Claim, "Earlier complaint.");
            if (await store.TryCreateAsync(Complaint.Open(number, Channel.Email, details, DateTimeOffset.UtcNow), null))
            {
                await durable.ScheduleNewOrchestrationInstanceAsync(
                    ComplaintCaseOrchestration.Name,
                    new CaseFlow { CaseNumber = number.Value },
                    new StartOrchestrationOptions(ComplaintCaseOrchestration.InstanceIdFor(number)));
            }
        }
    }

    public async Task DisposeAsync() => await runner.DisposeAsync();

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var mail in Expected.GetProperty("mails").EnumerateArray())
        {
            data.Add(mail.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Each_corpus_mail_gives_its_expected_outcome_through_SendGrid_raw_mode(string file)
    {
        var expected = Expected.GetProperty("mails").EnumerateArray().Single(m => m.GetProperty("file").GetString() == file);
        var outcome = expected.GetProperty("outcome").GetString();
        var from = expected.TryGetProperty("from", out var f) ? f.GetString()! : null;

        var response = await PostRawAsync(await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, file)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        switch (outcome)
        {
            case "new-case":
                var ack = await runner.WaitForMailAsync(m => m.To.Contains(from!) && m.Subject.Contains("[K-", StringComparison.Ordinal), FirstWorkAfterRestart);
                var caseNumber = System.Text.RegularExpressions.Regex.Match(ack.Subject, @"K-\d{4}-\d{4}-\d{3}").Value;
                var view = await StaffCaseAsync(caseNumber);
                Assert.Equal("email", view.GetProperty("summary").GetProperty("channel").GetString());
                Assert.Equal(expected.GetProperty("category").GetString(), view.GetProperty("summary").GetProperty("category").GetString());
                Assert.Contains(view.GetProperty("trail").EnumerateArray(), e => e.GetProperty("kind").GetString() == "category-suggested");
                if (expected.TryGetProperty("refused", out var refused))
                {
                    Assert.NotEqual(refused[0].GetString(), caseNumber);
                }

                if (expected.TryGetProperty("attachments", out var attachments))
                {
                    var note = view.GetProperty("trail").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "attachments").GetProperty("summary").GetString();
                    Assert.Contains("kvittering.pdf", note, StringComparison.Ordinal);
                    Assert.Equal(attachments.GetArrayLength(), note!.Split(',').Length);
                }

                break;

            case "reply":
                var replyCase = expected.GetProperty("case").GetString()!;
                await RunnerClient.EventuallyAsync(async () =>
                {
                    var trail = (await StaffCaseAsync(replyCase)).GetProperty("trail").EnumerateArray();
                    return trail.Any(e => e.GetProperty("kind").GetString() == "customer-replied") ? "found" : null;
                }, $"the reply on {replyCase}");
                Assert.Equal([replyCase], await OpenCasesOfAsync(from!));
                break;

            default:
                if (expected.TryGetProperty("case", out var keptOn))
                {
                    await RunnerClient.EventuallyAsync(async () =>
                    {
                        var trail = (await StaffCaseAsync(keptOn.GetString()!)).GetProperty("trail").EnumerateArray();
                        return trail.Any(e => e.GetProperty("kind").GetString() == "mail-kept") ? "found" : null;
                    }, "the kept mail on its case");
                }
                else
                {
                    var marker = from ?? "(unreadable)";
                    await RunnerClient.EventuallyAsync(async () =>
                    {
                        var review = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/inbox/review");
                        return review.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("from").GetString()!.Contains(marker, StringComparison.OrdinalIgnoreCase)) ? "found" : null;
                    }, "the mail in the review list");
                }

                if (from is not null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    var ownCase = expected.TryGetProperty("case", out var c) ? c.GetString()! : "none";
                    Assert.DoesNotContain(await runner.MailAsync(), m => m.To.Contains(from) && m.Subject.Contains("[K-", StringComparison.Ordinal) && !m.Subject.Contains(ownCase, StringComparison.Ordinal));
                }

                break;
        }
    }

    [Fact]
    public async Task The_same_mail_delivered_three_times_opens_one_case()
    {
        var mime = WithMessageId(await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, "01-plain-text-en.eml")), out var from, "thrice");

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.Equal(HttpStatusCode.OK, (await PostRawAsync(mime)).StatusCode);
        }

        await runner.WaitForMailAsync(m => m.To.Contains(from), FirstWorkAfterRestart);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await OpenCasesOfAsync(from));
        Assert.Single(await runner.MailAsync(), m => m.To.Contains(from));
    }

    [Fact]
    public async Task Parsed_mode_honours_charsets_so_Nordic_letters_arrive_intact()
    {
        var latin1 = Encoding.Latin1;
        var from = $"aase-{Guid.NewGuid():N}@example.no";
        using var form = new MultipartFormDataContent();
        void Field(string name, byte[] value) => form.Add(new ByteArrayContent(value), name);
        Field("headers", Encoding.ASCII.GetBytes($"Message-ID: <{Guid.NewGuid():N}@example.no>\nFrom: {from}\nTo: kundeservice@example.no\nSubject: x\n"));
        Field("from", Encoding.UTF8.GetBytes($"Åse Løvås <{from}>"));
        Field("to", Encoding.UTF8.GetBytes("kundeservice@example.no"));
        Field("subject", latin1.GetBytes("Reklamasjon: kjøleskapet går ikke"));
        Field("text", latin1.GetBytes("Døra på kjøleskapet lukker ikke. Æ, ø og å skal komme fram."));
        Field("charsets", Encoding.ASCII.GetBytes("""{"to":"UTF-8","from":"UTF-8","subject":"iso-8859-1","text":"iso-8859-1"}"""));
        Field("envelope", Encoding.ASCII.GetBytes($$"""{"to":["kundeservice@example.no"],"from":"{{from}}"}"""));

        var response = await runner.Http.PostAsync($"/api/inbound/sendgrid?key={Secret}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = await runner.WaitForMailAsync(m => m.To.Contains(from), FirstWorkAfterRestart);
        var view = await StaffCaseAsync(System.Text.RegularExpressions.Regex.Match(ack.Subject, @"K-\d{4}-\d{4}-\d{3}").Value);
        Assert.Contains("Døra på kjøleskapet lukker ikke. Æ, ø og å skal komme fram.", view.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("kjøleskapet går ikke", view.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Åse Løvås", view.GetProperty("customer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Raw_mime_put_on_the_inbox_queue_by_another_forwarder_goes_the_same_way()
    {
        var mime = WithMessageId(await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, "11-nb-iso-8859-1-qp.eml")), out var from, "queue");
        var queue = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient("complaint-inbox");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync(BinaryData.FromBytes(mime));

        var ack = await runner.WaitForMailAsync(m => m.To.Contains(from), FirstWorkAfterRestart);
        Assert.StartsWith("Vi har mottatt klagen din", ack.Subject, StringComparison.Ordinal);
        var view = await StaffCaseAsync(System.Text.RegularExpressions.Regex.Match(ack.Subject, @"K-\d{4}-\d{4}-\d{3}").Value);
        Assert.Equal("Åse Løvås", view.GetProperty("customer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_message_that_cannot_be_handled_ends_in_the_poison_queue_not_lost()
    {
        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var inbox = queues.GetQueueClient("complaint-inbox");
        var poison = queues.GetQueueClient("complaint-inbox-poison");
        await inbox.CreateIfNotExistsAsync();
        var marker = Guid.NewGuid().ToString("N");

        // A reference to a stored mail that is not there: reading it fails every time.
        await inbox.SendMessageAsync($$"""{"rawMailBlob":"sendgrid/missing-{{marker}}","format":"SendGridForm","contentType":"multipart/form-data; boundary=x"}""");

        await RunnerClient.EventuallyAsync(async () =>
        {
            await poison.CreateIfNotExistsAsync();
            var peeked = await poison.PeekMessagesAsync(32);
            return peeked.Value.Any(m => m.Body.ToString().Contains(marker, StringComparison.Ordinal)) ? "poisoned" : null;
        }, "the message in complaint-inbox-poison", TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task Without_the_secret_the_endpoint_refuses_and_stores_nothing()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "email" } };
        var response = await runner.Http.PostAsync("/api/inbound/sendgrid", form);
        var wrong = await runner.Http.PostAsync("/api/inbound/sendgrid?key=guess", new MultipartFormDataContent { { new StringContent("x"), "email" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Basic_auth_with_the_secret_is_accepted()
    {
        var mime = WithMessageId(await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, "13-nb-utf8-base64.eml")), out var from, "basic");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/sendgrid") { Content = RawForm(mime) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"sendgrid:{Secret}")));

        Assert.Equal(HttpStatusCode.OK, (await runner.Http.SendAsync(request)).StatusCode);
        await runner.WaitForMailAsync(m => m.To.Contains(from), FirstWorkAfterRestart);
    }

    [Fact]
    public async Task A_post_over_30_MB_is_refused_with_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbound/sendgrid?key={Secret}")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(new byte[31 * 1024 * 1024]), "email" } },
        };
        request.Headers.ExpectContinue = true;

        var response = await runner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("30 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    async Task<HttpResponseMessage> PostRawAsync(byte[] mime) =>
        await runner.Http.PostAsync($"/api/inbound/sendgrid?key={Secret}", RawForm(mime));

    // SendGrid's raw mode: the whole message in the "email" field, beside a few envelope fields.
    internal static MultipartFormDataContent RawForm(byte[] mime) => new()
    {
        { new ByteArrayContent(mime), "email" },
        { new StringContent("kundeservice@example.no"), "to" },
        { new StringContent("""{"to":["kundeservice@example.no"]}"""), "envelope" },
    };

    /// <summary>A corpus mail with a fresh Message-ID and sender, so the test owns its case.</summary>
    internal static byte[] WithMessageId(byte[] mime, out string from, string tag)
    {
        var text = Encoding.Latin1.GetString(mime);
        var oldFrom = System.Text.RegularExpressions.Regex.Match(text, @"^From:.*?<?([\w.+-]+@[\w.-]+)>?\s*$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        from = $"{tag}-{Guid.NewGuid():N}@{oldFrom.Split('@')[1]}";
        text = text.Replace(oldFrom, from, StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"^Message-ID:.*$", $"Message-ID: <{Guid.NewGuid():N}@{tag}.example>", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return Encoding.Latin1.GetBytes(text);
    }

    async Task<JsonElement> StaffCaseAsync(string caseNumber) =>
        await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{caseNumber}");

    async Task<string[]> OpenCasesOfAsync(string customer)
    {
        var list = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints");
        return list.GetProperty("cases").EnumerateArray()
            .Where(c => string.Equals(c.GetProperty("customer").GetString(), customer, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.GetProperty("caseNumber").GetString()!)
            .ToArray();
    }
}
