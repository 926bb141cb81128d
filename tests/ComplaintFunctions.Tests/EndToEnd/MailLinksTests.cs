using System.Net;
using System.Text.RegularExpressions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// Every link in every mail works for the person who gets it, who has no function key: a whole case
/// is walked from report to close, with the reminders and escalations on short clocks, and then
/// each link of each mail is opened with a plain GET.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class MailLinksTests(AzuriteFixture azurite)
{
    const string Ombudsman = "kundeombud@example.no";
    const string DisputeContact = "tvister@example.no";
    const string Management = "ledelse@example.no";

    [Fact]
    public async Task Every_link_of_every_mail_of_a_whole_case_opens_without_a_key()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "links" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string?>
        {
            ["CustomerService:FirstResponseTarget"] = "00:00:06",
            ["CustomerService:ReminderLead"] = "00:00:03",
            ["Disputes:OmbudsmanReviewTarget"] = "00:00:06",
            ["Disputes:OmbudsmanReminderLead"] = "00:00:03",
            ["Disputes:BodyReminderEvery"] = "00:00:04",
            ["Disputes:ComplianceDeadline"] = "00:00:03",
        });
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();

        // Customer service misses its target: the team is reminded, the team lead hears.
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.MailAsync(CaseDriver.Team, "Påminnelse");
        await driver.MailAsync(CaseDriver.Lead, "Frist passert");
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "The damage is not covered; we offer a discount of 10 %.")).Status);

        // Not satisfied: the ombudsman is late too, then decides.
        var final = await driver.CustomerMailAsync("Our final answer");

        // The mail goes out a moment before the stage changes; a customer that quick would get 409.
        await driver.WaitForStageAsync("final-answer");
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(CaseDriver.LinkAfter(final, "review the case:"), "The damage was there on delivery.")).Status);
        var caseFile = await driver.MailAsync(Ombudsman, "Case for review");
        await driver.MailAsync(Ombudsman, "Reminder: review of");
        await driver.MailAsync(Management, "Ombudsman review of");
        var decided = await runner.Http.PostAsync(CaseDriver.LinkAfter(caseFile, "nothing happens until you press its button):"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["choice"] = "upheld",
            ["text"] = "The photos show transport damage after delivery.",
            ["amount"] = "4999",
        }));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        // The customer takes it to Forbrukertilsynet; the body is slow, decides, and the retailer is late to follow.
        var decision = await driver.CustomerMailAsync("The customer ombudsman's decision");
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(CaseDriver.LinkAfter(decision, "I am taking the case to Forbrukertilsynet (the Norwegian Consumer Authority):"))).Status);
        var notice = await driver.MailAsync(DisputeContact, $"{driver.CaseNumber} goes to");
        await driver.MailAsync(Ombudsman, $"{driver.CaseNumber} goes to");
        await driver.MailAsync(CaseDriver.TeamLeadForNotices, $"{driver.CaseNumber} goes to");
        await driver.CustomerMailAsync("Your case with");
        await driver.MailAsync(DisputeContact, "Still with");
        var outcome = await runner.Http.PostAsync(CaseDriver.LinkAfter(notice, "record it here:"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["choice"] = "customer",
            ["text"] = "The retailer should replace the screen.",
        }));
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        await driver.MailAsync(DisputeContact, "Follow");
        var escalation = await driver.MailAsync(Management, "Management:");
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(CaseDriver.LinkAfter(escalation, "confirm it here:"))).Status);
        await driver.CustomerMailAsync("We have followed the recommendation");
        await driver.WaitForStageAsync("closed");

        var mails = (await runner.MailAsync()).Where(m => m.Subject.Contains(driver.CaseNumber, StringComparison.Ordinal)).ToList();
        var viewLinks = 0;
        foreach (var mail in mails)
        {
            Assert.DoesNotMatch(@"\{\w+\}", mail.Text ?? string.Empty);
            foreach (var link in LinksIn(mail))
            {
                var uri = new Uri(link);
                if (uri.Authority != runner.BaseAddress.Authority)
                {
                    // Someone else's site (a dispute body's, a manufacturer's): not ours to open in a test.
                    continue;
                }

                Assert.DoesNotContain("/api/staff/", uri.AbsolutePath, StringComparison.Ordinal);
                using var response = await runner.Http.GetAsync(uri);
                var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                var status = (int)response.StatusCode;
                Assert.True(status != 401 && status < 500, $"'{mail.Subject}' links {link}, which answers {status}.");
                if (uri.AbsolutePath.StartsWith("/api/view/", StringComparison.Ordinal))
                {
                    viewLinks++;
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"The view link in '{mail.Subject}' answers {status}:\n{page}");
                    Assert.Contains(driver.CaseNumber, page, StringComparison.Ordinal);
                    Assert.True(
                        page.Contains("<h1>Case file ", StringComparison.Ordinal) || page.Contains("Hva som har skjedd, i rekkefølge", StringComparison.Ordinal),
                        $"The view link in '{mail.Subject}' shows neither a case file nor the case:\n{page}");
                }
            }
        }

        // Each mail that shows staff the case or its file has its view link.
        foreach (var (to, subject, shows) in new[]
        {
            (CaseDriver.Lead, "Frist passert", "Hva som har skjedd, i rekkefølge"),
            (Ombudsman, "Case for review", "For the customer ombudsman"),
            (Ombudsman, "Reminder: review of", "For the customer ombudsman"),
            (Management, "Ombudsman review of", "Hva som har skjedd, i rekkefølge"),
            (DisputeContact, $"{driver.CaseNumber} goes to", "For Forbrukertilsynet"),
            (Ombudsman, $"{driver.CaseNumber} goes to", "For Forbrukertilsynet"),
            (CaseDriver.TeamLeadForNotices, $"{driver.CaseNumber} goes to", "For Forbrukertilsynet"),
            (DisputeContact, "Still with", "For Forbrukertilsynet"),
            (Management, "Management:", "For Forbrukertilsynet"),
        })
        {
            var mail = mails.First(m => m.To.Contains(to) && m.Subject.StartsWith(subject, StringComparison.Ordinal));
            var view = Assert.Single(LinksIn(mail), l => l.Contains("/api/view/", StringComparison.Ordinal));
            Assert.Contains(shows, WebUtility.HtmlDecode(await runner.Http.GetStringAsync(view)), StringComparison.Ordinal);
        }

        Assert.True(viewLinks >= 9, $"Only {viewLinks} view links were opened.");
    }

    [Fact]
    public async Task A_view_link_that_is_forged_cut_expired_or_early_gets_a_page_saying_what_to_do()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "views" + Guid.NewGuid().ToString("N")[..8]);
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.MailAsync(CaseDriver.Team, "Ny klage");
        var tokens = runner.Services.GetRequiredService<ViewTokens>();
        var number = CaseNumber.Parse(driver.CaseNumber);
        var good = tokens.Issue(number, CaseViews.Case, ActionRoles.TeamLead, DateTimeOffset.UtcNow.AddHours(1));
        var actionToken = runner.Services.GetRequiredService<ActionTokens>().Issue(number, "agent-answer", ActionRoles.Agent, DateTimeOffset.UtcNow.AddHours(1), Guid.NewGuid());

        async Task<(HttpStatusCode Status, string Page)> OpenAsync(string token)
        {
            using var response = await runner.Http.GetAsync($"/api/view/{token}");
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var (shown, page) = await OpenAsync(good);
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.Contains("Laderen sluttet å virke", page, StringComparison.Ordinal);
        Assert.Contains("Denne siden viser bare saken", page, StringComparison.Ordinal);

        foreach (var (token, status, says) in new[]
        {
            (good[..^1] + (good[^1] == 'A' ? 'B' : 'A'), HttpStatusCode.Forbidden, "Denne lenken er ikke gyldig"),
            (good[..(good.Length / 2)], HttpStatusCode.Forbidden, "Denne lenken er ikke gyldig"),
            ("not-a-token", HttpStatusCode.Forbidden, "Denne lenken er ikke gyldig"),
            (actionToken, HttpStatusCode.Forbidden, "Denne lenken er ikke gyldig"),
            (tokens.Issue(number, CaseViews.Case, ActionRoles.TeamLead, DateTimeOffset.UtcNow.AddMinutes(-1)), HttpStatusCode.Gone, "Denne lenken er utløpt"),
            (tokens.Issue(number, CaseViews.CaseFileFor(CaseViews.ForOmbudsman), ActionRoles.Ombudsman, DateTimeOffset.UtcNow.AddHours(1)), HttpStatusCode.NotFound, "Saksdokumentene er ikke laget ennå"),
        })
        {
            var (answered, text) = await OpenAsync(token);
            Assert.Equal(status, answered);
            Assert.Contains(says, text, StringComparison.Ordinal);
        }

        // A view token is not an action token either.
        using var asAction = await runner.Http.GetAsync($"/api/actions/{good}");
        Assert.Equal(HttpStatusCode.Forbidden, asAction.StatusCode);
    }

    /// <summary>Every URL in the mail's text and in its HTML's links.</summary>
    static HashSet<string> LinksIn(SeenMail mail)
    {
        var links = new HashSet<string>(StringComparer.Ordinal);
        links.UnionWith(TextLink().Matches(mail.Text ?? string.Empty).Select(m => m.Value));
        links.UnionWith(HtmlLink().Matches(mail.Html ?? string.Empty).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)));
        return links;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex TextLink();

    [GeneratedRegex("href=\"(?<url>[^\"]+)\"")]
    private static partial Regex HtmlLink();
}
