using System.Net;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Reports;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>The satisfaction survey in the closing mail, answered as a customer answers it: one click, a page that confirms, the button.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SatisfactionSurveyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_closing_mail_asks_how_the_complaint_was_handled_one_click_opens_the_page_and_the_button_records_the_score_and_comment()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "survey" + Guid.NewGuid().ToString("N")[..8]);
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "We replace the charger this week.", amount: "299");
        var final = await driver.CustomerMailAsync("Our final answer");
        await driver.ActAsync(CaseDriver.LinkAfter(final, "I accept the answer:"));

        var closed = await driver.CustomerMailAsync("Your complaint is closed");
        Assert.Contains("How well did we handle your complaint? One click is enough (1 = very dissatisfied, 5 = very satisfied):", closed.Text, StringComparison.Ordinal);
        var four = CaseDriver.LinkAfter(closed, "- 4:");
        var two = CaseDriver.LinkAfter(closed, "- 2:");

        // Opening the link (as a mail scanner would) records nothing: the page asks for the button.
        var (shown, page) = await driver.OpenAsync(four);
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.Contains("You chose 4 of 5", page, StringComparison.Ordinal);
        Assert.DoesNotContain(await driver.TrailAsync(), e => e.GetProperty("kind").GetString() == "satisfaction");

        var (answered, thanks) = await driver.ActAsync(four, "Quick, but I had to ask twice.");
        Assert.Equal(HttpStatusCode.OK, answered);
        Assert.Contains("Thank you for your answer.", thanks, StringComparison.Ordinal);
        var line = Assert.Single(await driver.TrailAsync(), e => e.GetProperty("kind").GetString() == "satisfaction");
        Assert.Equal("Satisfaction with the handling: 4 of 5: Quick, but I had to ask twice.", line.GetProperty("summary").GetString());
        Assert.Equal("closed", await driver.StageAsync());

        // The same link again says it was used; another score's link is a change of mind, and the reports take the latest.
        Assert.Equal(HttpStatusCode.Conflict, (await driver.ActAsync(four)).Status);
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(two)).Status);
        Assert.Equal(2, (await driver.TrailAsync()).Count(e => e.GetProperty("kind").GetString() == "satisfaction"));

        // The case as this month's report counts it, from what the app wrote: the survey sent and answered 2, the final answer's 299 kr.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = ReportPeriod.Of(today.AddDays(-1), today.AddDays(1), TimeZoneInfo.Utc);
        var (cases, _) = await new ReportReader(new AppTables(azurite.Account)).ReadAsync(period, CancellationToken.None);
        var report = ComplaintReport.Compute(period, cases.Where(c => c.CaseNumber == driver.CaseNumber), new ReportRules(TimeSpan.FromHours(8), c => new BusinessCalendar(c)));
        Assert.Equal((1, 1, 1, 1), (report.All.Received, report.All.FinalAnswersAccepted, report.All.SurveysSent, report.All.SurveysAnswered));
        Assert.Equal(2.0, report.All.AverageScore);
        Assert.Equal(new Dictionary<string, decimal> { ["NOK"] = 299m }, report.Summary.RedressPaid);
        Assert.Equal(1, report.Summary.Upheld);
    }
}
