using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Intake;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// Idempotency keys through the local runner: bound to the body they came with (another body gets a
/// 422 naming the key, never someone else's case) and scoped by channel (a client's key never meets
/// an agent's or a mail's).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyKeyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    RunnerClient runner = null!;

    public async Task InitializeAsync() => runner = await RunnerClient.StartAsync(azurite, "idem" + Guid.NewGuid().ToString("N")[..8]);

    public async Task DisposeAsync() => await runner.DisposeAsync();

    static string NewAddress() => $"kunde-{Guid.NewGuid():N}@example.no";

    [Fact]
    public async Task The_same_key_with_another_persons_complaint_is_refused_with_422_naming_the_key()
    {
        var key = "retry-" + Guid.NewGuid().ToString("N");
        var kari = NewAddress();
        var ola = NewAddress();

        var first = await PostAsync(runner.Http, "/api/complaints", key, new { name = "Kari", email = kari, description = "Skjermen var død ved levering." });
        var other = await PostAsync(runner.Http, "/api/complaints", key, new { name = "Ola", email = ola, description = "Laderen blir varm." });
        var again = await PostAsync(runner.Http, "/api/complaints", key, new { name = "Kari", email = kari, description = "Skjermen var død ved levering." });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal((HttpStatusCode)422, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var problem = await other.Content.ReadAsStringAsync();
        Assert.Contains(key, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("caseNumber", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/complaints/", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var kariCase = await CaseNumberOf(first);
        Assert.Equal(kariCase, await CaseNumberOf(again));

        // Nothing dropped in silence: Ola was told, and with a new key his complaint is his own case.
        var fresh = await PostAsync(runner.Http, "/api/complaints", "retry-" + Guid.NewGuid().ToString("N"), new { name = "Ola", email = ola, description = "Laderen blir varm." });
        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
        var olaCase = await CaseNumberOf(fresh);
        Assert.NotEqual(kariCase, olaCase);
        var olaMail = await runner.WaitForMailAsync(m => m.To.Contains(ola));
        Assert.Contains(olaCase, olaMail.Subject, StringComparison.Ordinal);
        // Kari's case may sit on a control queue whose lease is taken later: wait for her mail, then
        // make sure the retried post did not give her a second one.
        await runner.WaitForMailAsync(m => m.To.Contains(kari));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await runner.MailAsync(), m => m.To.Contains(kari));
    }

    [Fact]
    public async Task A_key_used_on_the_web_form_and_by_an_agent_opens_two_cases()
    {
        var key = "shared-" + Guid.NewGuid().ToString("N");
        var customer = NewAddress();
        var called = NewAddress();

        var web = await PostAsync(runner.Http, "/api/complaints", key, new { email = customer, description = "Pakken kom aldri." });
        var staff = await PostAsync(runner.StaffHttp, "/api/staff/complaints", key, new { email = called, description = "Kunden ringte: printeren er defekt.", channel = "phone" });

        Assert.Equal(HttpStatusCode.Accepted, web.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, staff.StatusCode);
        var staffCase = await CaseNumberOf(staff);
        Assert.NotEqual(await CaseNumberOf(web), staffCase);
        await runner.WaitForMailAsync(m => m.To.Contains(called) && m.Subject.Contains(staffCase, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_web_post_with_a_mails_internal_key_does_not_capture_that_mail()
    {
        var sender = $"mail-{Guid.NewGuid():N}@example.com";
        var messageId = $"<{Guid.NewGuid():N}@forwarder.example>";
        var mime = Encoding.ASCII.GetBytes(
            $"Return-Path: <{sender}>\r\nMessage-ID: {messageId}\r\nDate: Mon, 3 Mar 2025 08:41:10 +0100\r\nFrom: Pat Doe <{sender}>\r\n"
            + "To: kundeservice@example.no\r\nSubject: Keyboard faulty\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Several keys stopped working after two weeks.\r\n");
        // The key the pipeline itself uses for the case this mail opens.
        var mailKey = "mail:" + RawMailStore.IdentityHash(RawMailStore.IdentityOf(messageId, mime));
        var intruder = NewAddress();

        var web = await PostAsync(runner.Http, "/api/complaints", mailKey, new { email = intruder, description = "Noe annet helt." });
        Assert.Equal(HttpStatusCode.Accepted, web.StatusCode);
        var queue = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient("complaint-inbox");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(BinaryData.FromBytes(mime));

        // The mail opens its own case, acknowledged to its sender.
        var ack = await runner.WaitForMailAsync(m => m.To.Contains(sender) && m.Subject.Contains("[K-", StringComparison.Ordinal));
        Assert.DoesNotContain(await CaseNumberOf(web), ack.Subject, StringComparison.Ordinal);
        var view = await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{Regex.Match(ack.Subject, @"K-\d{4}-\d{4}-\d{3}").Value}");
        Assert.Equal(sender, view.GetProperty("customer").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_retry_after_an_attempt_that_stored_the_case_but_never_claimed_the_key_is_that_case_not_a_second()
    {
        var key = "cut-" + Guid.NewGuid().ToString("N");
        var email = NewAddress();
        var body = new { name = "Kari", email, description = "Skjermen var død ved levering." };

        // What an attempt killed between storing the case and claiming its key leaves behind: the case
        // row under the number the key gives, no key, no orchestration.
        var intake = runner.Services.GetRequiredService<ComplaintFunctions.Intake.ComplaintIntake>();
        var number = intake.CaseNumberFor(IdempotencyScope.Web, key);
        var check = ComplaintSubmissionRules.Check(new ComplaintSubmission { Name = "Kari", Email = email, Description = "Skjermen var død ved levering." }, DateOnly.FromDateTime(DateTime.UtcNow));
        var stored = Complaint.Open(number, Channel.WebForm, check.Details!, DateTimeOffset.UtcNow.AddSeconds(-5));
        Assert.True(await runner.Services.GetRequiredService<ComplaintStore>().TryCreateAsync(stored, key));

        var retry = await PostAsync(runner.Http, "/api/complaints", key, body);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(number.Value, await CaseNumberOf(retry));
        var ack = await runner.WaitForMailAsync(m => m.To.Contains(email));
        Assert.Contains(number.Value, ack.Subject, StringComparison.Ordinal);
        var list = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints");
        Assert.Single(list.GetProperty("cases").EnumerateArray(), c => c.GetProperty("customer").GetString() == email);
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request);
    }

    static async Task<string> CaseNumberOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
}
