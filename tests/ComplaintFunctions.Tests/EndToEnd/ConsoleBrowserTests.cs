using System.Net.Http.Json;
using ComplaintFunctions.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// The staff console in a real headless Chromium (Debian's): people sign in at the local runner's stand-in
/// for Entra ID, work cases from the worklist and the case page, and never open a mail. Screenshots of the
/// worklist and the case page are kept under TestResults/screenshots.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsoleBrowserTests(AzuriteFixture azurite) : BrowserTests(azurite, "console")
{
    [Fact]
    public async Task An_agent_works_a_case_from_the_worklist_to_a_final_answer_and_the_lead_approves_it_on_the_case_page()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.CustomerMailAsync("We have received your complaint");

        var agent = await SignInAsync("person-ola-agent");
        Assert.Equal("Arbeidsliste", await agent.TextContentAsync("h1"));
        Assert.Equal("Ola Hansen (saksbehandler)", await agent.TextContentAsync("#signed-in"));
        await Screenshot(agent, "worklist");

        // Other tests' cases share this storage, so the agent finds the case as one would on a busy day: by its number.
        await agent.FillAsync("#q", driver.CaseNumber);
        await agent.ClickAsync("form[role=search] button");
        Assert.Equal("1 åpen sak · tider i Europe/Oslo", await agent.TextContentAsync("#count"));
        var row = agent.Locator($"tr[data-case='{driver.CaseNumber}']");
        Assert.Contains("hos kundeservice", await row.TextContentAsync(), StringComparison.Ordinal);
        await AssertReadableAsync(agent);

        await row.Locator("a").ClickAsync();
        Assert.Equal(driver.CaseNumber, (await agent.TextContentAsync("#case-number"))!.Trim());
        Assert.Contains("Laderen sluttet", await agent.TextContentAsync("#thread"), StringComparison.Ordinal);
        await Screenshot(agent, "case-page");
        await AssertReadableAsync(agent);

        // Ola takes the case, then writes the final answer with a refund above the approval limit.
        await agent.ClickAsync("#assign summary");
        await agent.ClickAsync("#assign-submit");
        Assert.Equal("Ola Hansen", await agent.TextContentAsync("#assigned"));
        await agent.ClickAsync("#step-agent-final summary");
        await agent.SelectOptionAsync("#agent-final-canned", "claim-repair");
        await agent.ClickAsync("#agent-final-use-canned");
        Assert.StartsWith("We accept the claim.", await agent.InputValueAsync("#agent-final-text"), StringComparison.Ordinal);
        await agent.FillAsync("#agent-final-text", "We replace the charger; bring the old one to the shop.");
        await agent.FillAsync("#agent-final-amount", "8 499,00");

        // The preview is the mail as the customer gets it: greeting, the text, the signature; nothing is sent.
        await agent.ClickAsync("#agent-final-preview-button");
        var preview = await agent.TextContentAsync("#agent-final-preview");
        Assert.Contains("Hello Kari Nordmann,", preview, StringComparison.Ordinal);
        Assert.Contains("We replace the charger", preview, StringComparison.Ordinal);
        Assert.Contains("Forhåndsvisning, ikke sendt", preview, StringComparison.Ordinal);
        Assert.Equal("We replace the charger; bring the old one to the shop.", await agent.InputValueAsync("#agent-final-text"));
        Assert.Equal(0, await driver.CountAsync(driver.CustomerEmail, "Our final answer"));
        await agent.ClickAsync("#agent-final-submit");
        Assert.Contains("Gi endelig svar", await agent.TextContentAsync("#done"), StringComparison.Ordinal);

        // The lead sees the answer and the amount on the case page, and approves there.
        var lead = await SignInAsync("person-kari-team-lead");
        await RunnerClient.EventuallyAsync(
            async () =>
            {
                await lead.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
                return await lead.Locator("#step-lead-approve").CountAsync() == 1 ? "ok" : null;
            },
            "the approval step on the lead's case page");
        var pending = await lead.TextContentAsync("#lead-approve-answer");
        Assert.Contains("We replace the charger", pending, StringComparison.Ordinal);
        Assert.Contains("499,00", pending, StringComparison.Ordinal);
        Assert.Contains("agent:Ola Hansen", pending, StringComparison.Ordinal);
        await lead.ClickAsync("#step-lead-approve summary");
        await lead.ClickAsync("#lead-approve-submit");
        Assert.Contains("Godkjenn det endelige svaret", await lead.TextContentAsync("#done"), StringComparison.Ordinal);

        var final = await driver.CustomerMailAsync("Our final answer");
        Assert.Contains("We replace the charger", final.Text, StringComparison.Ordinal);
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "step-taken" && e.GetProperty("actor").GetString() == "agent:Ola Hansen");
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "step-taken" && e.GetProperty("actor").GetString() == "team-lead:Kari Lund");
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "assigned" && e.GetProperty("summary").GetString() == "Assigned to Ola Hansen.");
    }

    [Fact]
    public async Task While_the_ombudsman_reviews_a_case_customer_service_is_refused_with_the_reason_and_the_ombudsman_decides()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.CustomerMailAsync("We have received your complaint");
        var agent = await SignInAsync("person-ola-agent");
        await agent.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
        await agent.ClickAsync("#step-agent-final summary");
        await agent.FillAsync("#agent-final-text", "The charger was damaged by water; this is not a defect.");
        await agent.ClickAsync("#agent-final-submit");

        // The customer asks for the ombudsman from the final answer's link.
        var final = await driver.CustomerMailAsync("Our final answer");
        var (status, _) = await driver.ActAsync(CaseDriver.LinkAfter(final, "review the case:"), "It was never near water.");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        await driver.WaitForStageAsync("ombudsman-review");

        var refused = await agent.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
        Assert.Equal(403, refused!.Status);
        Assert.Equal("Hos kundeombudsmannen", await agent.TextContentAsync("h1"));
        Assert.Contains("uavhengige", await agent.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.Contains(await driver.TrailAsync(), e => e.GetProperty("kind").GetString() == "access-refused" && e.GetProperty("actor").GetString() == "agent:Ola Hansen");

        var ombudsman = await SignInAsync("person-ingrid-ombudsman");
        await ombudsman.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
        Assert.Contains("It was never near water.", await ombudsman.TextContentAsync("#thread"), StringComparison.Ordinal);
        await ombudsman.ClickAsync("#step-ombudsman-decide summary");
        await ombudsman.FillAsync("#ombudsman-decide-text", "Nothing shows water damage; the charger is replaced.");
        await ombudsman.CheckAsync("#ombudsman-decide-choice-overturned");
        await ombudsman.ClickAsync("#ombudsman-decide-submit");
        Assert.Contains("Avgjør saken", await ombudsman.TextContentAsync("#done"), StringComparison.Ordinal);

        var decision = await driver.CustomerMailAsync("The customer ombudsman's decision");
        Assert.Contains("Nothing shows water damage", decision.Text, StringComparison.Ordinal);
        Assert.Contains(await driver.TrailAsync(), e => e.GetProperty("actor").GetString() == "ombudsman:Ingrid Dahl");
    }

    [Fact]
    public async Task Two_agents_answer_at_once_and_the_second_sees_the_first_answer_before_anything_is_sent()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.CustomerMailAsync("We have received your complaint");
        var ola = await SignInAsync("person-ola-agent");
        var siri = await SignInAsync("person-siri-agent");
        foreach (var page in new[] { ola, siri })
        {
            await page.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
            await page.ClickAsync("#step-agent-answer summary");
        }

        await ola.FillAsync("#agent-answer-text", "Please send us a photo of the charger's label.");
        await siri.FillAsync("#agent-answer-text", "We are looking into it.");
        await ola.ClickAsync("#agent-answer-submit");
        Assert.NotNull(await ola.QuerySelectorAsync("#done"));

        var posted = siri.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/steps/agent-answer", StringComparison.Ordinal));
        await siri.ClickAsync("#agent-answer-submit");
        Assert.Equal(409, (await posted).Status);
        var problem = await siri.TextContentAsync("#problem");
        Assert.Contains("saken endret seg mens du skrev", problem, StringComparison.Ordinal);
        Assert.Contains("Please send us a photo", problem, StringComparison.Ordinal);
        Assert.Equal("We are looking into it.", await siri.InputValueAsync("#agent-answer-text"));
        Assert.Equal(1, await CountAnswersAsync(driver));

        // Having read it, Siri sends hers after all: now it goes.
        await siri.ClickAsync("#agent-answer-submit");
        Assert.NotNull(await siri.QuerySelectorAsync("#done"));
        await RunnerClient.EventuallyAsync(async () => await CountAnswersAsync(driver) == 2 ? "ok" : null, "the second answer");
    }

    [Fact]
    public async Task Without_signing_in_the_console_sends_you_to_sign_in_and_back_to_the_case_you_asked_for()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
        Assert.Contains("Local only", await page.TextContentAsync("#local-only"), StringComparison.Ordinal);
        await page.CheckAsync("#person-per-dispute-contact");
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#case-number");
        Assert.Equal(driver.CaseNumber, (await page.TextContentAsync("#case-number"))!.Trim());
        Assert.NotNull(await page.QuerySelectorAsync("#no-steps"));

        // Signed out, the console's pages are closed again.
        await page.GotoAsync(Url("/api/console/sign-out"));
        await page.GotoAsync(Url("/api/console"));
        Assert.NotNull(await page.QuerySelectorAsync("#local-only"));
    }

    [Fact]
    public async Task The_attachments_of_a_mailed_complaint_open_through_the_console_and_never_without_signing_in()
    {
        var mime = MailIntakeTests.WithMessageId(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "04-mixed-pdf-jpg-nb.eml")), out var from, "attach");
        var posted = await Runner.Http.PostAsync("/api/inbound/sendgrid?key=local-inbound-secret", MailIntakeTests.RawForm(mime));
        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);
        var ack = await Runner.WaitForMailAsync(m => m.To.Contains(from) && m.Subject.Contains("[K-", StringComparison.Ordinal));
        var caseNumber = System.Text.RegularExpressions.Regex.Match(ack.Subject, @"K-\d{4}-\d{4}-\d{3}").Value;

        var agent = await SignInAsync("person-ola-agent");
        await agent.GotoAsync(Url($"/api/console/cases/{caseNumber}"));
        Assert.Equal(2, await agent.Locator("#attachments a").CountAsync());
        var href = await agent.Locator("#attachments a", new() { HasText = "kvittering.pdf" }).GetAttributeAsync("href");
        var pdf = await agent.Context.APIRequest.GetAsync(Url(href!));
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("nosniff", pdf.Headers["x-content-type-options"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync())[..4], StringComparison.Ordinal);

        // Without a sign-in the address leads to the sign-in, never to the file.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Runner.BaseAddress };
        var refused = await anonymous.GetAsync(href);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/api/console/sign-in", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_sent_to_the_manufacturer_by_a_wrong_category_is_corrected_on_its_page_and_comes_back_to_the_team()
    {
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(Runner, email).ReportAsync(new
        {
            name = "Sven Berg", email, description = "The router restarts every hour since I got it.", category = "support", manufacturer = "Acme AS", country = "NO", language = "en",
        });
        await driver.CustomerMailAsync("Help from the manufacturer");
        await driver.WaitForStageAsync("waiting-for-customer");

        var agent = await SignInAsync("person-ola-agent");
        await agent.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
        await agent.ClickAsync("#step-agent-correct summary");
        await agent.SelectOptionAsync("#agent-correct-category", "claim");
        await agent.SelectOptionAsync("#agent-correct-country", "SE");
        await agent.SelectOptionAsync("#agent-correct-language", "sv");
        await agent.FillAsync("#agent-correct-text", "A defect, not a question: it restarts by itself.");
        await AssertReadableAsync(agent);
        await agent.ClickAsync("#agent-correct-submit");
        Assert.Contains("Rett kategori, land eller språk", await agent.TextContentAsync("#done"), StringComparison.Ordinal);

        // Not a new complaint: the team reads why it comes back, with the checks of the corrected case.
        var back = await driver.MailAsync(CaseDriver.Team, "Tatt tilbake fra produsentens support");
        Assert.Contains("A defect, not a question", back.Text, StringComparison.Ordinal);
        Assert.Contains("Kategori: reklamasjon", back.Text, StringComparison.Ordinal);
        Assert.Contains("Kontroller:", back.Text, StringComparison.Ordinal);
        await driver.WaitForStageAsync("customer-service");

        await agent.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
        Assert.Equal("reklamasjon", await agent.Locator("tr:has(th:text-is('Kategori')) td").TextContentAsync());
        Assert.Equal("SE", await agent.Locator("tr:has(th:text-is('Land')) td").TextContentAsync());
        Assert.Equal("sv", await agent.Locator("tr:has(th:text-is('Språk')) td").TextContentAsync());
        // The checks of the corrected case, in the staff language (nb), not the customer's.
        var checks = await agent.TextContentAsync("#checks");
        Assert.Contains("claim-window (ukjent): Verken leverings- eller kjøpsdato er oppgitt", checks, StringComparison.Ordinal);
        Assert.Contains("reklamasjonsfristen på 3 år etter svensk forbrukerkjøpslov (konsumentköplagen)", checks, StringComparison.Ordinal);
        Assert.Contains("claim-discovery (ukjent): Spør når kunden oppdaget mangelen", checks, StringComparison.Ordinal);
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "corrected" && e.GetProperty("actor").GetString() == "agent:Ola Hansen"
            && e.GetProperty("summary").GetString()!.Contains("category support → claim; country NO → SE; language en → sv", StringComparison.Ordinal));

        // The customer's mails are in the corrected language from now on.
        await agent.ClickAsync("#step-agent-answer summary");
        await agent.FillAsync("#agent-answer-text", "Vi byter routern.");
        await agent.ClickAsync("#agent-answer-submit");
        var answer = await driver.CustomerMailAsync("Svar på ditt klagomål");
        Assert.Contains("Vi byter routern.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_is_merged_into_the_customers_other_case_which_gets_its_words_and_the_customer_is_told_the_number()
    {
        var email = CaseDriver.NewCustomer();
        var first = await new CaseDriver(Runner, email).ReportAsync();
        await first.CustomerMailAsync("We have received your complaint");
        var duplicate = await new CaseDriver(Runner, email).ReportAsync(new
        {
            name = "Kari Nordmann", email, description = "Again: the charger is dead, I wrote before.", category = "claim", country = "NO", language = "en",
        });
        await duplicate.CustomerMailAsync("We have received your complaint");

        var agent = await SignInAsync("person-siri-agent");
        await agent.GotoAsync(Url($"/api/console/cases/{duplicate.CaseNumber}"));
        await agent.ClickAsync("#step-agent-merge summary");
        await agent.FillAsync("#agent-merge-into", duplicate.CaseNumber);
        await agent.ClickAsync("#agent-merge-submit");
        Assert.Contains("slås ikke sammen med seg selv", await agent.TextContentAsync("#problem"), StringComparison.Ordinal);
        await agent.FillAsync("#agent-merge-into", first.CaseNumber);
        await agent.FillAsync("#agent-merge-text", "Same charger, same order.");
        await agent.ClickAsync("#agent-merge-submit");
        Assert.Contains("Slå dette duplikatet sammen", await agent.TextContentAsync("#done"), StringComparison.Ordinal);

        var told = await duplicate.CustomerMailAsync($"Your complaint continues in case {first.CaseNumber}");
        Assert.Contains($"Please use case number {first.CaseNumber}", told.Text, StringComparison.Ordinal);
        await duplicate.WaitForStageAsync("closed");

        // The other case has the duplicate's words as the customer's, and the team hears of them there.
        var team = await first.MailAsync(CaseDriver.Team, $"Kunden har svart på {first.CaseNumber}");
        Assert.Contains("Again: the charger is dead", team.Text, StringComparison.Ordinal);
        await agent.GotoAsync(Url($"/api/console/cases/{first.CaseNumber}"));
        Assert.Contains($"From case {duplicate.CaseNumber}", await agent.TextContentAsync("#thread"), StringComparison.Ordinal);
        Assert.Contains(await first.TrailAsync(), e => e.GetProperty("kind").GetString() == "merged-in" && e.GetProperty("summary").GetString()!.Contains("Same charger", StringComparison.Ordinal));
        Assert.Contains(await duplicate.TrailAsync(), e => e.GetProperty("kind").GetString() == "merged-out");
    }

    [Fact]
    public async Task A_closed_case_is_reopened_from_its_page_the_customer_and_the_team_hear_and_it_is_worked_again()
    {
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(Runner, email).ReportAsync(new
        {
            name = "Per Lund", email, description = "How do I reset the router?", category = "support", manufacturer = "Acme AS", country = "NO", language = "en",
        });
        var routed = await driver.CustomerMailAsync("Help from the manufacturer");
        await driver.WaitForStageAsync("waiting-for-customer");
        await driver.ActAsync(CaseDriver.LinkAfter(routed, "It is solved:"));
        await driver.CustomerMailAsync("Glad it is solved");
        await driver.WaitForStageAsync("closed");

        var lead = await SignInAsync("person-kari-team-lead");
        await lead.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
        await lead.ClickAsync("#step-agent-reopen summary");
        await lead.FillAsync("#agent-reopen-text", "He rang: the reset did not hold, the router is faulty.");
        await lead.ClickAsync("#agent-reopen-submit");
        Assert.Contains("Åpne saken igjen", await lead.TextContentAsync("#done"), StringComparison.Ordinal);

        await driver.CustomerMailAsync("Your complaint is open again");
        var team = await driver.MailAsync(CaseDriver.Team, $"Gjenåpnet: {driver.CaseNumber}");
        Assert.Contains("the router is faulty", team.Text, StringComparison.Ordinal);
        await driver.WaitForStageAsync("customer-service");
        Assert.Contains(await driver.TrailAsync(), e => e.GetProperty("kind").GetString() == "stage-changed" && e.GetProperty("actor").GetString() == "team-lead:Kari Lund");

        // The reopened case runs as any other: an answer goes out (under a mail id of its own, never one of the first run's).
        var agent = await SignInAsync("person-ola-agent");
        await RunnerClient.EventuallyAsync(
            async () =>
            {
                await agent.GotoAsync(Url($"/api/console/cases/{driver.CaseNumber}"));
                return await agent.Locator("#step-agent-answer").CountAsync() == 1 ? "ok" : null;
            },
            "the answer step on the reopened case");
        await agent.ClickAsync("#step-agent-answer summary");
        await agent.FillAsync("#agent-answer-text", "Bring it in and we swap it.");
        await agent.ClickAsync("#agent-answer-submit");
        var answer = await driver.CustomerMailAsync("Answer to your complaint");
        Assert.Contains("Bring it in and we swap it.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mails_on_the_review_list_are_attached_to_a_case_opened_as_a_case_or_dismissed_from_the_console()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.CustomerMailAsync("We have received your complaint");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var toAttach = await KeepForReviewAsync($"attach-{tag}@example.no", "Ang. laderen", "Jeg skrev fra jobbadressen: laderen er fortsatt død.");
        var toOpen = await KeepForReviewAsync($"open-{tag}@example.no", "Ødelagt skjerm", "Skjermen kom knust i posten.");
        var toDismiss = await KeepForReviewAsync($"dismiss-{tag}@example.no", "Out of office", "I am away until Monday.");

        var agent = await SignInAsync("person-ola-agent");
        await agent.ClickAsync("nav a[href='/api/console/review']");
        Assert.Equal("E-poster til gjennomgang", await agent.TextContentAsync("h1"));
        await AccessibilityCheck.AssertNoViolationsAsync(agent);

        // Attached: the customer's reply on the case, as if it had named it; the team hears, and the mail leaves the list.
        await agent.ClickAsync($"tr:has-text('{toAttach}') a");
        Assert.Contains("fortsatt død", await agent.TextContentAsync("#mail-text"), StringComparison.Ordinal);
        await AccessibilityCheck.AssertNoViolationsAsync(agent);
        await agent.FillAsync("#review-into", "K-0000-0000-000");
        await agent.ClickAsync("#review-attach-submit");
        Assert.NotNull(await agent.TextContentAsync("#problem"));
        await agent.FillAsync("#review-into", driver.CaseNumber);
        await agent.ClickAsync("#review-attach-submit");
        Assert.Equal(driver.CaseNumber, (await agent.TextContentAsync("#case-number"))!.Trim());
        Assert.Contains("ligger i saken som kundens svar", await agent.TextContentAsync("#done"), StringComparison.Ordinal);
        var replied = await driver.MailAsync(CaseDriver.Team, $"Kunden har svart på {driver.CaseNumber}");
        Assert.Contains("fortsatt død", replied.Text, StringComparison.Ordinal);
        Assert.Contains(await driver.TrailAsync(), e => e.GetProperty("kind").GetString() == "review-attached" && e.GetProperty("actor").GetString() == "agent:Ola Hansen");

        // Opened as a case: the sender gets a case number, as if the mail had come in as a complaint.
        await agent.GotoAsync(Url("/api/console/review"));
        await agent.ClickAsync($"tr:has-text('{toOpen}') a");
        await agent.ClickAsync("#review-open summary");
        await agent.ClickAsync("#review-open-submit");
        var opened = (await agent.TextContentAsync("#case-number"))!.Trim();
        Assert.Contains("Skjermen kom knust", await agent.TextContentAsync("#thread"), StringComparison.Ordinal);
        var ack = await Runner.WaitForMailAsync(m => m.To.Contains(toOpen) && m.Subject.Contains(opened, StringComparison.Ordinal));
        Assert.NotNull(ack);

        // Dismissed: nothing sent, gone from the list; the others are gone too, each handled once.
        await agent.GotoAsync(Url("/api/console/review"));
        await agent.ClickAsync($"tr:has-text('{toDismiss}') a");
        await agent.ClickAsync("#review-dismiss summary");
        await agent.FillAsync("#review-note", "An auto-reply.");
        await agent.ClickAsync("#review-dismiss-submit");
        Assert.Contains("avvist", await agent.TextContentAsync("#done"), StringComparison.Ordinal);
        var list = await agent.TextContentAsync("#review");
        Assert.DoesNotContain(toAttach, list, StringComparison.Ordinal);
        Assert.DoesNotContain(toOpen, list, StringComparison.Ordinal);
        Assert.DoesNotContain(toDismiss, list, StringComparison.Ordinal);
        Assert.DoesNotContain(await Runner.MailAsync(), m => m.To.Contains(toDismiss));
    }

    /// <summary>A mail that must not be answered by itself (an auto-reply) and names no case: it goes to the review list.</summary>
    async Task<string> KeepForReviewAsync(string from, string subject, string text)
    {
        var mime = System.Text.Encoding.UTF8.GetBytes(
            $"From: Kunde <{from}>\r\nTo: kundeservice@example.no\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@review.example>\r\nAuto-Submitted: auto-replied\r\n"
            + $"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{text}\r\n");
        var posted = await Runner.Http.PostAsync("/api/inbound/sendgrid?key=local-inbound-secret", MailIntakeTests.RawForm(mime));
        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);
        await RunnerClient.EventuallyAsync(
            async () =>
            {
                var review = await Runner.StaffHttp.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/staff/inbox/review");
                return review.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("from").GetString()!.Contains(from, StringComparison.Ordinal)) ? "found" : null;
            },
            "the mail on the review list");
        return from;
    }

    /// <summary>What a screen reader needs: one h1, every field with a label, the picture with a title, the tables with header cells.</summary>
    static async Task AssertReadableAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
              .filter(e => !(e.id && document.querySelector(`label[for="${e.id}"]`)) && !e.closest('label'))
              .map(e => e.outerHTML)
            """);
        Assert.Empty(unlabelled);
        Assert.Equal(0, await page.Locator("table:not(:has(th))").CountAsync());
        Assert.Equal(0, await page.Locator("svg:not(:has(title))").CountAsync());
        Assert.Equal("nb", await page.GetAttributeAsync("html", "lang"));
    }

    static async Task<int> CountAnswersAsync(CaseDriver driver) => await driver.CountAsync(driver.CustomerEmail, "Answer to your complaint");

    static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(ComplaintFunctions.LocalHost.RepositoryRoot.Find(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"console-{name}.png"), FullPage = true });
    }
}
