using ComplaintFunctions.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// The pages people meet, checked with axe-core against WCAG 2.1 AA in a real headless Chromium, each
/// reached the way its user reaches it: the console signed in, the customers' pages from the form and the
/// links in our mails. The sign-in stand-in is left out: it exists only on the local runner.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccessibilityBrowserTests(AzuriteFixture azurite) : BrowserTests(azurite, "a11y")
{
    [Fact]
    public async Task The_check_itself_finds_a_field_without_a_label_faint_text_no_language_no_main_landmark_and_a_skipped_heading_level()
    {
        var page = await Browser.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html><head><title>Bad</title></head>
            <body><h1>Bad</h1><p style="color:#aaa;background:#ccc">Faint</p><input id="q"><h3>Skipped a level</h3></body></html>
            """);

        var found = (await AccessibilityCheck.ViolationsAsync(page)).Select(v => v.GetProperty("id").GetString()).ToList();

        Assert.Contains("label", found);
        Assert.Contains("color-contrast", found);
        Assert.Contains("html-has-lang", found);
        Assert.Contains("landmark-one-main", found);
        Assert.Contains("region", found);
        Assert.Contains("heading-order", found);
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => AccessibilityCheck.AssertNoViolationsAsync(page));
        Assert.Contains("- label (critical): Form elements must have labels", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at #q: <input id=\"q\">", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worklist_and_a_case_page_with_every_step_opened_pass_the_accessibility_check_for_an_agent()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.CustomerMailAsync("We have received your complaint");
        var agent = await SignInAsync("person-ola-agent");
        await AccessibilityCheck.AssertNoViolationsAsync(agent);

        await agent.FillAsync("#q", driver.CaseNumber);
        await agent.ClickAsync("form[role=search] button");
        await agent.Locator($"tr[data-case='{driver.CaseNumber}'] a").ClickAsync();
        await agent.WaitForSelectorAsync("#case-number");

        await OpenEveryStepAsync(agent);
        await AccessibilityCheck.AssertNoViolationsAsync(agent);

        // The preview puts its own part on the page.
        await agent.FillAsync("#agent-final-text", "We replace the charger; bring the old one to the shop.");
        await agent.ClickAsync("#agent-final-preview-button");
        await agent.WaitForSelectorAsync("#agent-final-preview");
        await OpenEveryStepAsync(agent);
        await AccessibilityCheck.AssertNoViolationsAsync(agent);

        // A step taken shows what was done above the case; an unknown case is a message page of the console.
        await agent.ClickAsync("#agent-final-submit");
        await agent.WaitForSelectorAsync("#done");
        await AccessibilityCheck.AssertNoViolationsAsync(agent);
        await agent.GotoAsync(Url("/api/console/cases/K-0000-0000-000"));
        Assert.NotNull(await agent.QuerySelectorAsync("#message"));
        await AccessibilityCheck.AssertNoViolationsAsync(agent);
    }

    // Closed, a step's form is hidden and axe leaves it out; the agent opens them, so the check does too.
    static async Task OpenEveryStepAsync(IPage page) => await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

    [Fact]
    public async Task The_complaint_form_its_errors_and_its_receipt_pass_the_accessibility_check()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Url("/api/form"));
        await AccessibilityCheck.AssertNoViolationsAsync(page);

        // Sent with a bad address and nothing else, the form comes back with an error at each field.
        await page.FillAsync("#email", "kari.example.no");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#email-error");
        await AccessibilityCheck.AssertNoViolationsAsync(page);

        await page.FillAsync("#name", "Kari Nordmann");
        await page.FillAsync("#email", CaseDriver.NewCustomer());
        await page.FillAsync("#deliveryDate", DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.CheckAsync("#category-doa");
        await page.FillAsync("#description", "The screen stayed black when it arrived.");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#case-number");
        await AccessibilityCheck.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_status_page_and_the_withdrawal_page_from_the_acknowledgement_mail_pass_the_accessibility_check()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        var acknowledgement = await driver.CustomerMailAsync("We have received your complaint");
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Url(CaseDriver.LinkAfter(acknowledgement, "See the status of your case:")));
        Assert.NotNull(await page.QuerySelectorAsync("#stage"));
        await AccessibilityCheck.AssertNoViolationsAsync(page);

        await page.ClickAsync("#withdraw");
        await page.WaitForSelectorAsync("form");
        await AccessibilityCheck.AssertNoViolationsAsync(page);

        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#done");
        await AccessibilityCheck.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_agents_answer_page_from_the_team_mail_its_error_the_page_after_sending_and_the_used_link_pass_the_accessibility_check()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        var link = Url(CaseDriver.LinkAfter(assignment, "Svar kunden:"));
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(link);
        await AccessibilityCheck.AssertNoViolationsAsync(page);

        // Sent empty, the page comes back with the error.
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#text-error");
        await AccessibilityCheck.AssertNoViolationsAsync(page);

        await page.FillAsync("#text", "Please send us a photo of the charger's label.");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#done");
        await AccessibilityCheck.AssertNoViolationsAsync(page);

        await page.GotoAsync(link);
        Assert.Contains("allerede brukt", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        await AccessibilityCheck.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_customers_review_request_and_the_ombudsmans_case_file_and_decision_pages_from_their_mail_pass_the_accessibility_check()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "The damage is not covered.");
        var final = await driver.CustomerMailAsync("Our final answer");
        await driver.WaitForStageAsync("final-answer");

        var customer = await Browser.NewPageAsync();
        await customer.GotoAsync(Url(CaseDriver.LinkAfter(final, "review the case:")));
        await AccessibilityCheck.AssertNoViolationsAsync(customer);
        await customer.FillAsync("textarea", "The damage was there on delivery.");
        await customer.ClickAsync("button[type=submit]");

        await customer.WaitForSelectorAsync("#done");
        await AccessibilityCheck.AssertNoViolationsAsync(customer);
        var caseFile = await driver.MailAsync("kundeombud@example.no", "Case for review");

        var ombudsman = await Browser.NewPageAsync();
        await ombudsman.GotoAsync(Url(CaseDriver.LinkAfter(caseFile, "every message, the final answer and why the customer rejected it):")));
        Assert.StartsWith("Case file", await ombudsman.TextContentAsync("h1"), StringComparison.Ordinal);
        await AccessibilityCheck.AssertNoViolationsAsync(ombudsman);

        await ombudsman.GotoAsync(Url(CaseDriver.LinkAfter(caseFile, "nothing happens until you press its button):")));
        await AccessibilityCheck.AssertNoViolationsAsync(ombudsman);
        await ombudsman.CheckAsync("#choice-upheld");
        await ombudsman.FillAsync("#text", "The answer stands: the damage is not covered.");
        await ombudsman.ClickAsync("button[type=submit]");
        await ombudsman.WaitForSelectorAsync("#done");
        await AccessibilityCheck.AssertNoViolationsAsync(ombudsman);
    }
}
