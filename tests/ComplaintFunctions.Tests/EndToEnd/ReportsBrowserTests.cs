using System.Globalization;
using ComplaintFunctions.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>The reports as a team lead opens them from the console, and an agent who may not.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportsBrowserTests(AzuriteFixture azurite) : BrowserTests(azurite, "reports")
{
    [Fact]
    public async Task A_team_lead_opens_this_months_report_from_the_console_sees_a_new_case_counted_and_downloads_its_csv_and_an_agent_is_refused()
    {
        var driver = await new CaseDriver(Runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.CustomerMailAsync("We have received your complaint");

        var lead = await SignInAsync("person-kari-team-lead");
        await lead.ClickAsync("nav a[href='/api/console/reports']");
        await lead.WaitForSelectorAsync("#summary-table");
        Assert.Equal("Rapport om klagebehandling", await lead.InnerTextAsync("h1"));

        // Last month by default; this month holds the case just reported.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo")).DateTime);
        await lead.FillAsync("#from", new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await lead.FillAsync("#to", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await lead.ClickAsync("form.filters button");
        await lead.WaitForSelectorAsync("#summary-table");
        var opened = int.Parse(await lead.InnerTextAsync("tr[data-row='opened'] td"), CultureInfo.GetCultureInfo("nb-NO"));
        Assert.True(opened >= 1, $"opened: {opened}");
        Assert.Equal("Mottatt etter kategori", await lead.TextContentAsync("#chart-received title"));
        Assert.NotNull(await lead.QuerySelectorAsync("#by-category tr[data-group='claim']"));
        await AccessibilityCheck.AssertNoViolationsAsync(lead);
        await lead.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ComplaintFunctions.LocalHost.RepositoryRoot.Find(), "TestResults", "screenshots", "console-reports.png"), FullPage = true });

        var download = await lead.RunAndWaitForDownloadAsync(() => lead.ClickAsync("a[href^='/api/console/reports/csv/summary']"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);   // so a spreadsheet reads it as UTF-8
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("row,label,value\r\noutstanding-start,Åpne ved periodens start,", csv, StringComparison.Ordinal);
        Assert.Contains($"\r\nopened,Åpnet i perioden,{opened}\r\n", csv, StringComparison.Ordinal);

        var agent = await SignInAsync("person-ola-agent");
        Assert.Null(await agent.QuerySelectorAsync("nav a[href='/api/console/reports']"));
        var refused = await agent.GotoAsync(Url("/api/console/reports"));
        Assert.Equal(403, refused!.Status);
        Assert.Equal("Rapportene er for teamledere, ledelsen og kundeombudet.", await agent.InnerTextAsync("#message"));

        var bad = await lead.GotoAsync(Url("/api/console/reports?from=2026-13-01&to=x"));
        Assert.Equal(400, bad!.Status);
        Assert.Equal("Perioden kunne ikke leses", await lead.InnerTextAsync("h1"));
    }
}
