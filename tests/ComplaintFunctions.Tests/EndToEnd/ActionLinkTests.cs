using System.Net;
using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using LocalFunctionsRunner.Storage;
using Microsoft.Extensions.DependencyInjection;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>The links in mails: a look never acts, and expired, used, forged and tampered links say so.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionLinkTests(AzuriteFixture azurite)
{
    async Task<(RunnerClient Runner, CaseDriver Driver, string FinalLink)> CaseWithFinalLinkAsync(Dictionary<string, string?>? settings = null, string? hub = null, int port = 0)
    {
        var runner = await RunnerClient.StartAsync(azurite, hub ?? "links" + Guid.NewGuid().ToString("N")[..8], settings, port);
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        return (runner, driver, CaseDriver.LinkAfter(assignment, "Gi endelig svar:"));
    }

    [Fact]
    public async Task Opening_a_link_never_changes_anything_as_mail_scanners_open_them_all()
    {
        var (runner, driver, link) = await CaseWithFinalLinkAsync();
        await using var _ = runner;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await driver.OpenAsync(link)).Status);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("customer-service", await driver.StageAsync());
        Assert.DoesNotContain(await driver.TrailAsync(), e => e.GetProperty("kind").GetString() == "link-used");
        Assert.Equal(0, await driver.CountAsync(driver.CustomerEmail, "Our final answer"));
    }

    [Fact]
    public async Task A_customer_s_link_that_is_no_longer_possible_says_so_wholly_in_their_language_and_one_that_names_no_case_in_the_browser_s()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "links" + Guid.NewGuid().ToString("N")[..8]);
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(runner, email).ReportAsync(new
        {
            name = "Sven Berg", email, description = "Routern startar om hela tiden.", category = "support", manufacturer = "Acme AS", country = "SE", language = "sv",
        });
        var routed = await driver.CustomerMailAsync("Hjälp från tillverkaren");
        await driver.WaitForStageAsync("waiting-for-customer");
        var solved = CaseDriver.LinkAfter(routed, "Det är löst:");
        var help = CaseDriver.LinkAfter(routed, "Jag behöver fortfarande hjälp av er:");
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(solved)).Status);
        await driver.WaitForStageAsync("closed");

        // The other link of the same mail: the case has moved on. The customer reads it in Swedish, never the process's English reason.
        var (status, encoded) = await driver.OpenAsync(help);
        var page = WebUtility.HtmlDecode(encoded);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("<html lang=\"sv\"", page, StringComparison.Ordinal);
        Assert.Contains("Inte möjligt nu", page, StringComparison.Ordinal);
        Assert.Contains("ditt ärende har gått vidare", page, StringComparison.Ordinal);
        Assert.DoesNotContain("The case", page, StringComparison.Ordinal);

        // A link (or status link) that names no case is answered in the language the browser asks for.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/actions/not-a-token");
        forged.Headers.AcceptLanguage.ParseAdd("da-DK,da;q=0.9,en;q=0.5");
        var forgedPage = WebUtility.HtmlDecode(await (await runner.Http.SendAsync(forged)).Content.ReadAsStringAsync());
        Assert.Contains("Linket er ikke gyldigt", forgedPage, StringComparison.Ordinal);
        using var lost = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{driver.CaseNumber}?t=wrong");
        lost.Headers.Accept.ParseAdd("text/html");
        lost.Headers.AcceptLanguage.ParseAdd("fi");
        var lostAnswer = await runner.Http.SendAsync(lost);
        Assert.Equal(HttpStatusCode.NotFound, lostAnswer.StatusCode);
        Assert.Contains("Asiaa ei löytynyt", WebUtility.HtmlDecode(await lostAnswer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_used_link_answers_409_with_when_it_was_used()
    {
        var (runner, driver, link) = await CaseWithFinalLinkAsync();
        await using var _ = runner;

        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(link, "Refund approved.")).Status);
        var (again, page) = await driver.ActAsync(link, "Refund approved twice.");
        var (look, _) = await driver.OpenAsync(link);

        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(HttpStatusCode.Conflict, look);
        // A staff link's page is in the staff language (nb by default).
        Assert.Contains("Denne lenken er allerede brukt", page, StringComparison.Ordinal);
        await driver.CustomerMailAsync("Our final answer");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await driver.CountAsync(driver.CustomerEmail, "Our final answer"));
    }

    [Fact]
    public async Task An_expired_link_answers_410_and_says_what_to_do()
    {
        var (runner, driver, link) = await CaseWithFinalLinkAsync(new() { ["CustomerService:ActionLinkLifetime"] = "00:00:02" });
        await using var _ = runner;

        await Task.Delay(TimeSpan.FromSeconds(3));
        var (status, page) = await driver.OpenAsync(link);
        var (posted, _) = await driver.ActAsync(link, "Too late.");

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Equal(HttpStatusCode.Gone, posted);
        Assert.Contains("Denne lenken er utløpt", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("customer-service", await driver.StageAsync());
    }

    [Fact]
    public async Task Forged_cut_short_and_tampered_links_answer_403()
    {
        var (runner, driver, link) = await CaseWithFinalLinkAsync();
        await using var _ = runner;
        var token = link[(link.LastIndexOf('/') + 1)..];
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Split('.')[0])));
        var otherCase = payload.Replace(driver.CaseNumber, "K-0000-0000-000", StringComparison.Ordinal);
        var tampered = Base64Url(Encoding.UTF8.GetBytes(otherCase)) + "." + token.Split('.')[1];

        foreach (var bad in new[] { "not-a-token", token[..(token.Length / 2)], tampered, token[..^2] + "AA" })
        {
            var (status, page) = await driver.OpenAsync($"/api/actions/{bad}");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("not valid", page, StringComparison.Ordinal);
        }

        var (posted, _) = await driver.ActAsync($"/api/actions/{tampered}", "Hijack.");
        Assert.Equal(HttpStatusCode.Forbidden, posted);
        Assert.Equal("customer-service", await driver.StageAsync());
    }

    [Fact]
    public async Task A_post_the_form_reader_cannot_read_gets_a_page_and_leaves_the_link_unused()
    {
        var (runner, driver, link) = await CaseWithFinalLinkAsync();
        await using var stopped = runner;
        using var noBoundary = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nRefund.\r\n--x--\r\n"));
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, link)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("text=" + new string('a', 5 * 1024 * 1024)), writable: false)),
        };
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        chunked.Headers.TransferEncodingChunked = true;

        var unreadable = await runner.Http.PostAsync(link, noBoundary);
        var tooLarge = await runner.Http.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("boundary", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("1 MB", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(link, "Refund approved.")).Status);
    }

    [Fact]
    public async Task A_refused_link_opened_twenty_times_is_on_the_trail_once()
    {
        var (runner, driver, _) = await CaseWithFinalLinkAsync();
        await using var stopped = runner;
        // A link with our signature for a step its role may not take (the ombudsman's decision, for an agent).
        var tokens = runner.Services.GetRequiredService<ActionTokens>();
        var refusedLink = $"/api/actions/{tokens.Issue(CaseNumber.Parse(driver.CaseNumber), "ombudsman-decide", "agent", DateTimeOffset.UtcNow.AddHours(1), Guid.NewGuid())}";

        var looks = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            looks.Add((await driver.OpenAsync(refusedLink)).Status);
        }

        var (posted, page) = await driver.ActAsync(refusedLink, "Overturned.");

        Assert.All(looks, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Equal(HttpStatusCode.Forbidden, posted);
        Assert.Contains("Denne lenken gir ikke adgang til dette steget", page, StringComparison.Ordinal);
        var refusals = (await driver.TrailAsync()).Where(e => e.GetProperty("kind").GetString() == "link-refused").ToList();
        var line = Assert.Single(refusals);
        Assert.Equal("agent", line.GetProperty("actor").GetString());

        // Another refused link is a line of its own.
        var other = $"/api/actions/{tokens.Issue(CaseNumber.Parse(driver.CaseNumber), "ombudsman-decide", "agent", DateTimeOffset.UtcNow.AddHours(1), Guid.NewGuid())}";
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.OpenAsync(other)).Status);
        Assert.Equal(2, (await driver.TrailAsync()).Count(e => e.GetProperty("kind").GetString() == "link-refused"));
    }

    [Fact]
    public async Task After_a_key_rotation_old_links_work_during_the_grace_period_and_not_after()
    {
        var hub = "rotate" + Guid.NewGuid().ToString("N")[..8];
        var port = AzuriteProcess.FreePort();
        const string oldKey = "first-signing-key-0123456789-0123456789";
        const string newKey = "second-signing-key-0123456789-0123456789";
        var (runner, driver, link) = await CaseWithFinalLinkAsync(new() { ["Links:SigningKey"] = oldKey }, hub, port);
        await using var _ = runner;

        await runner.StopRunnerAsync();
        await runner.StartRunnerAsync(azurite, hub, new Dictionary<string, string?>
        {
            ["Links:SigningKey"] = newKey,
            ["Links:PreviousSigningKey"] = oldKey,
            ["Links:PreviousKeyValidUntil"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
        }, port);
        Assert.Equal(HttpStatusCode.OK, (await driver.OpenAsync(link)).Status);

        await runner.StopRunnerAsync();
        await runner.StartRunnerAsync(azurite, hub, new Dictionary<string, string?>
        {
            ["Links:SigningKey"] = newKey,
            ["Links:PreviousSigningKey"] = oldKey,
            ["Links:PreviousKeyValidUntil"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
        }, port);
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.OpenAsync(link)).Status);
    }

    static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
