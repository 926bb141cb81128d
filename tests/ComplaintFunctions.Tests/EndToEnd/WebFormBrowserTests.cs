using Microsoft.Playwright;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>A customer uses the web form in a real headless Chromium (Debian's), without any JavaScript of ours.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebFormBrowserTests(AzuriteFixture azurite) : BrowserTests(azurite, "webform")
{
    [Fact]
    public async Task A_customer_fills_in_the_form_and_sees_the_receipt_with_the_case_number()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
        var email = $"browser-{Guid.NewGuid():N}@example.no";

        await page.GotoAsync(new Uri(Runner.BaseAddress, "/api/form?lang=nb").ToString());
        Assert.Equal("Meld inn en klage", await page.TextContentAsync("h1"));
        await page.FillAsync("#name", "Ola Nordmann");
        await page.FillAsync("#email", email);
        await page.FillAsync("#deliveryDate", "2026-11-20");
        await page.CheckAsync("#category-doa");
        await page.FillAsync("#description", "Skjermen viste ingenting da den kom. Strømlampen lyser ikke.");
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("Klagen er mottatt", await page.TextContentAsync("h1"));
        var caseNumber = (await page.TextContentAsync("#case-number"))!.Trim();
        Assert.Matches(@"^K-\d{4}-\d{4}-\d{3}$", caseNumber);
        var mail = await Runner.WaitForMailAsync(m => m.To.Contains(email));
        Assert.Contains(caseNumber, mail.Subject, StringComparison.Ordinal);

        await page.ClickAsync("text=Følg saken din");
        Assert.Equal("Klagen din", await page.TextContentAsync("h1"));
        Assert.Equal("Saken din er hos kundeservice.", await page.TextContentAsync("#stage"));
    }

    [Fact]
    public async Task A_bad_email_comes_back_with_the_error_next_to_the_field_and_the_text_kept()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });

        await page.GotoAsync(new Uri(Runner.BaseAddress, "/api/form?lang=sv").ToString());
        await page.FillAsync("#email", "sven.example.se");
        await page.FillAsync("#description", "Paketet kom aldrig fram.");
        await page.ClickAsync("button[type=submit]");

        var error = await page.TextContentAsync("#email-error");
        Assert.Contains("e-postadress", error, StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#email", "aria-invalid"));
        Assert.Equal("Paketet kom aldrig fram.", await page.InputValueAsync("#description"));
        Assert.Null(await page.QuerySelectorAsync("#description-error"));
    }
}
