using System.Net;
using System.Text.RegularExpressions;
using ComplaintFunctions.Intake;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>The customer withdraws the complaint from the status page, as they would from the link in any of our mails.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class WithdrawalTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_customer_withdraws_from_the_status_page_the_case_closes_and_both_sides_are_told()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "wd" + Guid.NewGuid().ToString("N")[..8]);
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var acknowledgement = await driver.CustomerMailAsync("We have received your complaint");
        await driver.MailAsync(CaseDriver.Team, "Ny klage");

        // The status page offers the withdrawal; opening it (as a mail scanner would) changes nothing.
        var status = await Page(runner, CaseDriver.LinkAfter(acknowledgement, "See the status of your case:"));
        var withdraw = WithdrawLink().Match(status).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.StartsWith($"/api/complaints/{driver.CaseNumber}/withdraw?t=", withdraw, StringComparison.Ordinal);
        var form = await Page(runner, withdraw);
        Assert.Contains(WithdrawalTexts.For("en").Explanation.Replace("{case}", driver.CaseNumber, StringComparison.Ordinal), form, StringComparison.Ordinal);
        Assert.Equal("customer-service", await driver.StageAsync());

        var posted = await runner.Http.PostAsync(withdraw, new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "The charger works again." }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("The complaint is withdrawn", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await driver.CustomerMailAsync("You have withdrawn your complaint");
        var staff = await driver.MailAsync(CaseDriver.Team, "Trukket:");
        Assert.Contains("The charger works again.", staff.Text, StringComparison.Ordinal);
        await driver.WaitForStageAsync("closed");
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "withdrawal-asked" && e.GetProperty("actor").GetString() == "customer");
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "stage-changed" && e.GetProperty("actor").GetString() == "customer");

        // Afterwards the page says it is closed, and a second press changes nothing.
        Assert.DoesNotContain("id=\"withdraw\"", await Page(runner, CaseDriver.LinkAfter(acknowledgement, "See the status of your case:")), StringComparison.Ordinal);
        var again = await runner.Http.PostAsync(withdraw, new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_withdrawal_post_that_cannot_be_read_gets_a_400_page_and_withdraws_nothing()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "wd" + Guid.NewGuid().ToString("N")[..8]);
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var acknowledgement = await driver.CustomerMailAsync("We have received your complaint");
        var status = await Page(runner, CaseDriver.LinkAfter(acknowledgement, "See the status of your case:"));
        var withdraw = WithdrawLink().Match(status).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        using var noBoundary = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nNo.\r\n--x--\r\n"));
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        var posted = await runner.Http.PostAsync(withdraw, noBoundary);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Contains("The form could not be read, so nothing has been withdrawn.", page, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("customer-service", await driver.StageAsync());
        Assert.DoesNotContain(await driver.TrailAsync(), e => e.GetProperty("kind").GetString() == "withdrawal-asked");
    }

    [Fact]
    public async Task A_withdrawal_without_the_status_token_finds_no_case()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "wd" + Guid.NewGuid().ToString("N")[..8]);
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var posted = await runner.Http.PostAsync($"/api/complaints/{driver.CaseNumber}/withdraw?t=forged", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal("customer-service", await driver.StageAsync());
    }

    static async Task<string> Page(RunnerClient runner, string link)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await runner.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("id=\"withdraw\" href=\"([^\"]+)\"")]
    private static partial Regex WithdrawLink();
}
