using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Intake;
using ComplaintFunctions.Links;
using ComplaintFunctions.Privacy;
using ComplaintFunctions.StaffConsole;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.Privacy;

/// <summary>
/// Erasure, legal hold, export and retention through the runner, on Azurite: what staff see in the console, what the
/// customer's status link says, and that nothing of the customer is left anywhere in the storage account.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ErasureTests(AzuriteFixture azurite)
{
    const string Secret = "local-inbound-secret";
    static readonly StaffPerson Lead = new("00000000-0000-0000-0000-00000000b001", "Kari Lund", "kari.lund@example.no", [ActionRoles.TeamLead]);
    static readonly StaffPerson Agent = new("00000000-0000-0000-0000-00000000a001", "Ola Hansen", "ola.hansen@example.no", [ActionRoles.Agent]);

    [Fact]
    public async Task After_erasure_of_a_web_case_and_a_mailed_case_with_an_attachment_and_a_reply_nothing_of_the_customer_is_left_anywhere()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "er" + Guid.NewGuid().ToString("N")[..8]);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var email = $"ragnhild-{tag}@example.no";
        var name = $"Ragnhild Sletteby{tag}";
        var phone = "+4741" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var described = $"Ladekabelen smelta {tag}";
        var replied = $"Her er kvitteringen som lovet {tag}";
        var attached = $"KVITTERING-{tag}";

        // A web case, withdrawn (so closed).
        var web = await new CaseDriver(runner, email).ReportAsync(new { name, email, phone, description = described, category = "claim", country = "NO", language = "en", orderNumber = $"ORD-{tag}" });
        await WithdrawAsync(runner, web);

        // A mailed case with an attachment and a reply to it, then withdrawn.
        var mailed = await MailAsync(runner, email, name, $"The phone is dead {tag}", $"The screen stays black. {described}", attached, web.CaseNumber);
        var ack = await StatusMailAsync(runner, mailed);
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync($"/api/inbound/sendgrid?key={Secret}", RawForm(Mime(email, name, $"Re: {ack.Subject}", replied, null), email))).StatusCode);
        await RunnerClient.EventuallyAsync(async () => (await StoredTextsAsync(mailed.CaseNumber)).Any(t => t.Contains(replied, StringComparison.Ordinal)) ? "ok" : null, "the reply on the case");
        await WithdrawAsync(runner, mailed);
        var needles = new[] { email, name, phone, described, replied, attached, $"ORD-{tag}" };
        var before = await FindAsync(needles);
        Assert.All(needles, needle => Assert.Contains(before, f => f.EndsWith(": " + needle, StringComparison.Ordinal)));

        var reportBefore = await ReportOfAsync(web.CaseNumber, mailed.CaseNumber);

        // A team lead erases every case of the address, with a reason.
        using var lead = await SignedInAsync(runner, Lead);
        var page = await lead.GetStringAsync("/api/console/privacy");
        var results = await PostAsync(lead, "/api/console/privacy/erase", FormToken(page, "/api/console/privacy/erase"), new() { ["email"] = email, ["reason"] = "The customer asked by phone, ticket 4411", ["confirm"] = "on" });
        Assert.Equal(HttpStatusCode.OK, results.Status);
        Assert.Contains($"data-case=\"{web.CaseNumber}\" data-outcome=\"erased\"", results.Page, StringComparison.Ordinal);
        Assert.Contains($"data-case=\"{mailed.CaseNumber}\" data-outcome=\"erased\"", results.Page, StringComparison.Ordinal);

        // Nothing of the customer in any table, blob or queue message of the account, Durable's own included.
        Assert.Empty(await FindAsync(needles));
        // The reports read the same: what they count is kept.
        Assert.Equal(reportBefore, await ReportOfAsync(web.CaseNumber, mailed.CaseNumber));

        // The case still opens, as erased, with its anonymised trail and the proof of the erasure.
        var casePage = await lead.GetStringAsync($"/api/console/cases/{mailed.CaseNumber}");
        Assert.Contains("id=\"erased\"", casePage, StringComparison.Ordinal);
        Assert.Contains("erased: Personal data erased by team-lead:Kari Lund (The customer asked by phone, ticket 4411)", WebUtility.HtmlDecode(casePage), StringComparison.Ordinal);
        Assert.Contains("id=\"no-steps\"", casePage, StringComparison.Ordinal);
        var trail = await mailed.TrailAsync();
        Assert.Single(trail, e => e.GetProperty("kind").GetString() == "erased");
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "stage-changed" && e.GetProperty("actor").GetString() == "customer");

        // The facts stay on the row.
        var row = (await azurite.Account.Tables.GetTableClient(TableNames.Complaints).GetEntityAsync<TableEntity>(web.CaseNumber, "case")).Value;
        Assert.Equal(("claim", "NO", "webform", "closed", true), (row.GetString("Category"), row.GetString("Country"), row.GetString("Channel"), row.GetString("Stage"), row.GetBoolean("Erased")));
        Assert.NotNull(row.GetDateTimeOffset("ClosedAt"));
        Assert.NotNull(row.GetDateTimeOffset("ErasedAt"));

        // The customer's status link says what became of the case, in their language.
        var status = RunnerClient.LinkIn(await StatusMailAsync(runner, web), "/api/complaints/");
        using var request = new HttpRequestMessage(HttpMethod.Get, status);
        request.Headers.Accept.ParseAdd("text/html");
        var statusPage = await (await runner.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains(StatusTexts.Erased("en").Message, WebUtility.HtmlDecode(statusPage), StringComparison.Ordinal);

        // Writing about the erased case again opens a new case; nothing is added to the erased one.
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync($"/api/inbound/sendgrid?key={Secret}", RawForm(Mime(email, name, $"Re: {ack.Subject}", "One more thing.", null), email))).StatusCode);
        var again = await runner.WaitForMailAsync(m => m.To.Contains(email) && CaseNumberIn().IsMatch(m.Subject) && !m.Subject.Contains(web.CaseNumber, StringComparison.Ordinal) && !m.Subject.Contains(mailed.CaseNumber, StringComparison.Ordinal), TimeSpan.FromSeconds(40));
        Assert.NotEqual(mailed.CaseNumber, CaseNumberIn().Match(again.Subject).Value);
        Assert.Empty(await StoredTextsAsync(mailed.CaseNumber));
    }

    [Fact]
    public async Task Erasure_is_refused_with_the_reason_for_an_open_case_and_under_a_legal_hold_until_the_hold_is_lifted()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "eh" + Guid.NewGuid().ToString("N")[..8]);
        using var lead = await SignedInAsync(runner, Lead);
        var open = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        await open.MailAsync(CaseDriver.Team, "Ny klage");
        var refused = await EraseCaseAsync(lead, open.CaseNumber);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains(ConsoleTexts.For("nb").RefusedOpen, WebUtility.HtmlDecode(refused.Page), StringComparison.Ordinal);

        // An agent is not offered the personal-data forms, and cannot post them.
        using var agent = await SignedInAsync(runner, Agent);
        Assert.DoesNotContain("/erase\"", await agent.GetStringAsync($"/api/console/cases/{open.CaseNumber}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/console/privacy")).StatusCode);

        var closed = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        await WithdrawAsync(runner, closed);
        var casePage = await lead.GetStringAsync($"/api/console/cases/{closed.CaseNumber}");
        var held = await PostAsync(lead, $"/api/console/cases/{closed.CaseNumber}/hold", FormToken(casePage, $"/api/console/cases/{closed.CaseNumber}/hold"), new() { ["hold"] = "on", ["reason"] = "Court case 26-118" });
        Assert.Contains(ConsoleTexts.For("nb").LegalHoldOn, WebUtility.HtmlDecode(held.Page), StringComparison.Ordinal);
        var underHold = await EraseCaseAsync(lead, closed.CaseNumber);
        Assert.Equal(HttpStatusCode.Conflict, underHold.Status);
        Assert.Contains(ConsoleTexts.For("nb").RefusedLegalHold, WebUtility.HtmlDecode(underHold.Page), StringComparison.Ordinal);

        casePage = await lead.GetStringAsync($"/api/console/cases/{closed.CaseNumber}");
        await PostAsync(lead, $"/api/console/cases/{closed.CaseNumber}/hold", FormToken(casePage, $"/api/console/cases/{closed.CaseNumber}/hold"), new() { ["hold"] = "off", ["reason"] = "The court case ended" });
        var erased = await EraseCaseAsync(lead, closed.CaseNumber);
        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.Contains("id=\"erased\"", erased.Page, StringComparison.Ordinal);
        var kinds = (await closed.TrailAsync()).Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["legal-hold-set", "legal-hold-lifted", "erased"], kinds.Where(k => k is "legal-hold-set" or "legal-hold-lifted" or "erased"));
    }

    [Fact]
    public async Task The_export_of_an_address_holds_every_case_of_it_as_a_page_and_as_json()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "ex" + Guid.NewGuid().ToString("N")[..8]);
        var email = CaseDriver.NewCustomer();
        var first = await new CaseDriver(runner, email).ReportAsync(new { name = "Kari Nordmann", email, description = "Første sak: laderen.", category = "claim", country = "NO" });
        var second = await new CaseDriver(runner, email).ReportAsync(new { name = "Kari Nordmann", email, description = "Andre sak: skjermen.", category = "doa", country = "NO" });
        var other = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        await second.MailAsync(CaseDriver.Team, "Ny klage");

        using var lead = await SignedInAsync(runner, Lead);
        var page = await lead.GetStringAsync("/api/console/privacy");
        var json = await PostAsync(lead, "/api/console/privacy/export", FormToken(page, "/api/console/privacy/export"), new() { ["email"] = email, ["format"] = "json" });
        var report = JsonDocument.Parse(json.Page).RootElement;
        var cases = report.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(new[] { first.CaseNumber, second.CaseNumber }.Order(), cases.Select(c => c.GetProperty("caseNumber").GetString()).Order());
        Assert.Contains(cases, c => c.GetProperty("description").GetString() == "Andre sak: skjermen." && c.GetProperty("trail").GetArrayLength() > 0);
        Assert.DoesNotContain(other.CaseNumber, json.Page, StringComparison.Ordinal);

        page = await lead.GetStringAsync("/api/console/privacy");
        var readable = await PostAsync(lead, "/api/console/privacy/export", FormToken(page, "/api/console/privacy/export"), new() { ["email"] = email, ["format"] = "page" });
        Assert.Contains(ConsoleTexts.For("nb").ExportOf.Replace("{email}", email, StringComparison.Ordinal), WebUtility.HtmlDecode(readable.Page), StringComparison.Ordinal);
        Assert.Contains("Første sak: laderen.", WebUtility.HtmlDecode(readable.Page), StringComparison.Ordinal);
        Assert.Contains($"data-case=\"{second.CaseNumber}\"", readable.Page, StringComparison.Ordinal);
    }

    /// <summary>The first mail to the customer about the case with its status link (the acknowledgement, in whatever language the case has).</summary>
    internal static Task<SeenMail> StatusMailAsync(RunnerClient runner, CaseDriver driver) =>
        runner.WaitForMailAsync(m => m.To.Contains(driver.CustomerEmail) && m.Subject.Contains(driver.CaseNumber, StringComparison.Ordinal) && (m.Text ?? string.Empty).Contains("/api/complaints/", StringComparison.Ordinal), TimeSpan.FromSeconds(40));

    internal static async Task WithdrawAsync(RunnerClient runner, CaseDriver driver)
    {
        var acknowledgement = await StatusMailAsync(runner, driver);
        using var request = new HttpRequestMessage(HttpMethod.Get, RunnerClient.LinkIn(acknowledgement, "/api/complaints/"));
        request.Headers.Accept.ParseAdd("text/html");
        var status = await (await runner.Http.SendAsync(request)).Content.ReadAsStringAsync();
        var withdraw = WithdrawLink().Match(status).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync(withdraw, new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "Solved." }))).StatusCode);
        await driver.WaitForStageAsync("closed");
    }

    /// <summary>A complaint by mail (raw mode, as SendGrid posts it), with an attachment when <paramref name="attachment"/> is given; the case it opened.</summary>
    static async Task<CaseDriver> MailAsync(RunnerClient runner, string email, string name, string subject, string body, string? attachment, string otherCase)
    {
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync($"/api/inbound/sendgrid?key={Secret}", RawForm(Mime(email, name, subject, body, attachment), email))).StatusCode);
        var ack = await runner.WaitForMailAsync(m => m.To.Contains(email) && CaseNumberIn().IsMatch(m.Subject) && !m.Subject.Contains(otherCase, StringComparison.Ordinal), TimeSpan.FromSeconds(40));
        return new CaseDriver(runner, email).UseCase(CaseNumberIn().Match(ack.Subject).Value);
    }

    static byte[] Mime(string email, string name, string subject, string body, string? attachment)
    {
        var boundary = "b-" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder()
            .Append("From: ").Append(name).Append(" <").Append(email).Append(">\r\nTo: kundeservice@example.no\r\nSubject: ").Append(subject)
            .Append("\r\nMessage-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@example.no>\r\nMIME-Version: 1.0\r\n");
        if (attachment is null)
        {
            text.Append("Content-Type: text/plain; charset=utf-8\r\n\r\n").Append(body).Append("\r\n");
        }
        else
        {
            text.Append("Content-Type: multipart/mixed; boundary=\"").Append(boundary).Append("\"\r\n\r\n--").Append(boundary)
                .Append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").Append(body).Append("\r\n--").Append(boundary)
                .Append("\r\nContent-Type: text/plain; name=\"kvittering.txt\"\r\nContent-Disposition: attachment; filename=\"kvittering.txt\"\r\n\r\n").Append(attachment)
                .Append("\r\n--").Append(boundary).Append("--\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    static MultipartFormDataContent RawForm(byte[] mime, string from) => new()
    {
        { new ByteArrayContent(mime), "email" },
        { new StringContent("kundeservice@example.no"), "to" },
        { new StringContent($$"""{"to":["kundeservice@example.no"],"from":"{{from}}"}"""), "envelope" },
    };

    async Task<IEnumerable<string>> StoredTextsAsync(string caseNumber)
    {
        var table = azurite.Account.Tables.GetTableClient(TableNames.CaseTexts);
        var texts = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(x => x.PartitionKey == CaseNumber.Parse(caseNumber).Digits))
        {
            texts.Add(row.GetString("Text") ?? string.Empty);
        }

        return texts;
    }

    /// <summary>Where in the whole account any of <paramref name="needles"/> is found: every table's rows, every blob (gzip opened), every queue message (base64 read).</summary>
    Task<List<string>> FindAsync(IReadOnlyList<string> needles) => FindAsync(azurite, needles);

    internal static async Task<List<string>> FindAsync(AzuriteFixture azurite, IReadOnlyList<string> needles)
    {
        var found = new List<string>();
        void Look(string where, string text)
        {
            foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add($"{where}: {needle}");
            }
        }

        var tables = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                Look($"table {table.Name} {row.PartitionKey}/{row.RowKey}", string.Join("\n", row.Select(p => $"{p.Key}={p.Value}")) + Unzipped(row));
            }
        }

        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                Look($"blob {container.Name}/{blob.Name}", blob.Name + string.Join(",", blob.Metadata.Values) + Text(content));
            }
        }

        var queues = new QueueServiceClient(azurite.ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                var body = message.Body.ToString();
                Look($"queue {queue.Name}", body + FromBase64(body));
            }
        }

        return found;
    }

    static string Unzipped(TableEntity row) =>
        string.Concat(row.Select(p => p.Value).OfType<byte[]>().Select(Text));

    static string Text(byte[] content)
    {
        if (content.Length > 2 && content[0] == 0x1f && content[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(content) + Encoding.Latin1.GetString(content);
    }

    static string FromBase64(string text)
    {
        try
        {
            return Text(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    /// <summary>An HTTP client signed in to the console as <paramref name="person"/> (the cookie the sign-in sets, made by the app's own sessions).</summary>
    static Task<HttpClient> SignedInAsync(RunnerClient runner, StaffPerson person)
    {
        var response = new DefaultHttpContext().Response;
        runner.Services.GetRequiredService<StaffSessions>().SignIn(response, person);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, UseCookies = false }) { BaseAddress = runner.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", response.Headers.SetCookie.ToString().Split(';')[0]);
        return Task.FromResult(client);
    }

    static async Task<(HttpStatusCode Status, string Page)> EraseCaseAsync(HttpClient lead, string caseNumber)
    {
        var page = await lead.GetStringAsync($"/api/console/cases/{caseNumber}");
        return await PostAsync(lead, $"/api/console/cases/{caseNumber}/erase", FormToken(page, $"/api/console/cases/{caseNumber}/erase"), new() { ["reason"] = "Asked by the customer" });
    }

    static async Task<(HttpStatusCode Status, string Page)> PostAsync(HttpClient client, string path, string token, Dictionary<string, string> fields)
    {
        fields["form"] = token;
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    static string FormToken(string page, string action)
    {
        var match = Regex.Match(page, $"action=\"{Regex.Escape(action)}\"><input type=\"hidden\" name=\"form\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"No form posting to {action} on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("id=\"withdraw\" href=\"([^\"]+)\"")]
    private static partial Regex WithdrawLink();

    [GeneratedRegex(@"K-\d{4}-\d{4}-\d{3}")]
    private static partial Regex CaseNumberIn();

    /// <summary>Today's report of these cases, every table as its CSV file.</summary>
    async Task<string> ReportOfAsync(params string[] caseNumbers)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = ComplaintFunctions.Domain.Reports.ReportPeriod.Of(today.AddDays(-1), today.AddDays(1), TimeZoneInfo.Utc);
        var (cases, _) = await new ComplaintFunctions.Reports.ReportReader(new AppTables(azurite.Account)).ReadAsync(period, CancellationToken.None);
        var report = ComplaintFunctions.Domain.Reports.ComplaintReport.Compute(period, cases.Where(c => caseNumbers.Contains(c.CaseNumber)),
            new ComplaintFunctions.Domain.Reports.ReportRules(TimeSpan.FromHours(8), c => new ComplaintFunctions.Domain.Service.BusinessCalendar(c)));
        Assert.Equal(caseNumbers.Length, report.All.Received);
        return string.Join("\n", ComplaintFunctions.Reports.ReportFunctions.Tables.Select(t => ComplaintFunctions.Reports.ReportCsv.Write(report, t, ComplaintFunctions.Reports.ReportTexts.For("en"))));
    }
}
