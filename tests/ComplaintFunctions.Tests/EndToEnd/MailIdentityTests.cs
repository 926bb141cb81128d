using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// Which deliveries are the same mail, through the local runner: a SendGrid redelivery (a new multipart
/// boundary) is one mail, also after the first delivery never reached the queue; two different mails
/// that share a Message-ID are two.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MailIdentityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Secret = "local-inbound-secret";
    RunnerClient runner = null!;

    public async Task InitializeAsync() => runner = await RunnerClient.StartAsync(azurite, "mailid" + Guid.NewGuid().ToString("N")[..8]);

    public async Task DisposeAsync() => await runner.DisposeAsync();

    [Fact]
    public async Task A_redelivery_after_the_first_post_never_reached_the_queue_becomes_a_case()
    {
        var from = Address("retry");
        var mime = Mime(from, $"<{Guid.NewGuid():N}@retry.example>", "The screen was dead on arrival", "The monitor I got yesterday does not start. Order 12345.");

        // The first delivery, as the endpoint keeps it before queueing: stored, and then the queue send failed
        // (SendGrid got a 503 and retries). SendGrid's retry is the same mail in a form with another boundary.
        var (firstBody, firstType) = await RawFormAsync(mime, "first-delivery-boundary");
        var rawMail = runner.Services.GetRequiredService<RawMailStore>();
        await rawMail.StoreAsync(await MailIdentity.OfSendGridPostAsync(firstBody, firstType), firstBody, RawMailFormat.SendGridForm, firstType, CancellationToken.None);

        var retry = await PostAsync(await RawFormAsync(mime, "second-delivery-boundary"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var ack = await runner.WaitForMailAsync(m => m.To.Contains(from) && m.Subject.Contains("[K-", StringComparison.Ordinal));
        var view = await StaffCaseAsync(CaseNumberIn(ack.Subject));
        Assert.Contains("does not start", view.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Single(await OpenCasesOfAsync(from));
    }

    [Fact]
    public async Task Two_different_mails_with_one_Message_ID_both_become_cases_in_raw_mode()
    {
        var messageId = $"<{Guid.NewGuid():N}@shared.example>";
        var first = Address("first");
        var second = Address("second");

        var a = await PostAsync(await RawFormAsync(Mime(first, messageId, "Keyboard faulty", "Several keys stopped working."), "a"));
        var b = await PostAsync(await RawFormAsync(Mime(second, messageId, "Printer broken", "The printer jams on every page."), "b"));

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        var firstAck = await runner.WaitForMailAsync(m => m.To.Contains(first) && m.Subject.Contains("[K-", StringComparison.Ordinal));
        var secondAck = await runner.WaitForMailAsync(m => m.To.Contains(second) && m.Subject.Contains("[K-", StringComparison.Ordinal));
        Assert.NotEqual(CaseNumberIn(firstAck.Subject), CaseNumberIn(secondAck.Subject));
        Assert.Contains("printer jams", (await StaffCaseAsync(CaseNumberIn(secondAck.Subject))).GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_different_mails_with_one_Message_ID_both_become_cases_in_parsed_mode()
    {
        var messageId = $"<{Guid.NewGuid():N}@shared-parsed.example>";
        var first = Address("pfirst");
        var second = Address("psecond");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await ParsedFormAsync(first, messageId, "Kjøleskapet lekker vann.", "p1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await ParsedFormAsync(second, messageId, "Vaskemaskinen sentrifugerer ikke.", "p2"))).StatusCode);

        var firstAck = await runner.WaitForMailAsync(m => m.To.Contains(first) && m.Subject.Contains("[K-", StringComparison.Ordinal));
        var secondAck = await runner.WaitForMailAsync(m => m.To.Contains(second) && m.Subject.Contains("[K-", StringComparison.Ordinal));
        Assert.NotEqual(CaseNumberIn(firstAck.Subject), CaseNumberIn(secondAck.Subject));
    }

    [Fact]
    public async Task A_parsed_mode_redelivery_with_another_boundary_and_no_Message_ID_is_one_mail()
    {
        var from = Address("again");

        foreach (var boundary in new[] { "one", "two", "three" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(await ParsedFormAsync(from, null, "Skjermen har døde piksler.", boundary))).StatusCode);
        }

        await runner.WaitForMailAsync(m => m.To.Contains(from));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await runner.MailAsync(), m => m.To.Contains(from));
        Assert.Single(await OpenCasesOfAsync(from));
    }

    static string Address(string tag) => $"{tag}-{Guid.NewGuid():N}@example.com";

    static byte[] Mime(string from, string messageId, string subject, string text) => Encoding.ASCII.GetBytes(
        $"Return-Path: <{from}>\r\nMessage-ID: {messageId}\r\nDate: Mon, 3 Mar 2025 08:41:10 +0100\r\nFrom: Pat Doe <{from}>\r\n"
        + $"To: Customer service <kundeservice@example.no>\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n"
        + $"Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello,\r\n\r\n{text}\r\n\r\nPat Doe\r\n");

    // SendGrid's raw mode, as it is on the wire: the form's bytes and its content type (with the boundary).
    static async Task<(byte[] Body, string ContentType)> RawFormAsync(byte[] mime, string boundary)
    {
        using var form = new MultipartFormDataContent(boundary)
        {
            { new ByteArrayContent(mime), "email" },
            { new StringContent("kundeservice@example.no"), "to" },
            { new StringContent("""{"to":["kundeservice@example.no"]}"""), "envelope" },
        };
        return (await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString());
    }

    // SendGrid's parsed mode; the spam score differs between deliveries, as SendGrid's own fields may.
    static async Task<(byte[] Body, string ContentType)> ParsedFormAsync(string from, string? messageId, string text, string boundary)
    {
        using var form = new MultipartFormDataContent(boundary);
        void Field(string name, string value) => form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), name);
        Field("headers", (messageId is null ? string.Empty : $"Message-ID: {messageId}\n") + $"From: {from}\nTo: kundeservice@example.no\nSubject: Reklamasjon\n");
        Field("from", $"Pat Doe <{from}>");
        Field("to", "kundeservice@example.no");
        Field("subject", "Reklamasjon");
        Field("text", text);
        Field("charsets", """{"to":"UTF-8","from":"UTF-8","subject":"UTF-8","text":"UTF-8"}""");
        Field("envelope", $$"""{"to":["kundeservice@example.no"],"from":"{{from}}"}""");
        Field("spam_score", boundary.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString());
    }

    async Task<HttpResponseMessage> PostAsync((byte[] Body, string ContentType) post)
    {
        var content = new ByteArrayContent(post.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(post.ContentType);
        return await runner.Http.PostAsync($"/api/inbound/sendgrid?key={Secret}", content);
    }

    static string CaseNumberIn(string subject) => Regex.Match(subject, @"K-\d{4}-\d{4}-\d{3}").Value;

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
