using System.Net;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>Amounts on the final-answer page as agents write them, with the case's currency, its own approval limit, and the currency in the mails.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MoneyTests(AzuriteFixture azurite)
{
    Task<RunnerClient> StartAsync() => RunnerClient.StartAsync(azurite, "money" + Guid.NewGuid().ToString("N")[..8]);

    static object Complaint(string email, string country, string language) => new
    {
        name = "Kari Nordmann",
        email,
        description = "Laderen sluttet å virke etter en måned.",
        category = "claim",
        country,
        language,
        deliveryDate = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task An_amount_written_the_Norwegian_way_goes_to_the_lead_and_the_customer_with_its_currency()
    {
        await using var runner = await StartAsync();
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(runner, email).ReportAsync(Complaint(email, "NO", "nb"));
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        var finalLink = CaseDriver.LinkAfter(assignment, "Gi endelig svar:");

        var (_, page) = await driver.OpenAsync(finalLink);
        Assert.Contains("), i NOK", page, StringComparison.Ordinal);

        var (status, _) = await driver.ActAsync(finalLink, "Vi refunderer hele kjøpesummen.", "8 499,00");
        Assert.Equal(HttpStatusCode.OK, status);

        var approval = await driver.MailAsync(CaseDriver.Lead, "Godkjenn endelig svar");
        Assert.Contains("8\u00A0499,00\u00A0NOK", approval.Subject, StringComparison.Ordinal);
        Assert.Contains("refusjon 8\u00A0499,00\u00A0NOK", approval.Text, StringComparison.Ordinal);

        await driver.ActAsync(CaseDriver.LinkAfter(approval, "Godkjenn og send:"));
        var final = await driver.CustomerMailAsync("Vårt endelige svar");
        Assert.Contains("Refusjon til deg: 8\u00A0499,00\u00A0NOK", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclear_or_negative_amount_is_refused_on_the_page_with_what_to_write()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        var finalLink = CaseDriver.LinkAfter(assignment, "Gi endelig svar:");

        var (unclear, unclearPage) = await driver.ActAsync(finalLink, "Refund.", "8.499");
        var (negative, negativePage) = await driver.ActAsync(finalLink, "Refund.", "-100");

        Assert.Equal(HttpStatusCode.BadRequest, unclear);
        Assert.Contains("is unclear", unclearPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, negative);
        Assert.Contains("cannot be negative", negativePage, StringComparison.Ordinal);
        Assert.Equal("customer-service", await driver.StageAsync());
        Assert.Equal(0, await driver.CountAsync(driver.CustomerEmail, "Our final answer"));

        // The link was not used up by the refused amounts.
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(finalLink, "Refund.", "499")).Status);
        await driver.CustomerMailAsync("Our final answer");
    }

    [Theory]
    [InlineData("FI", "fi", "600", true)]
    [InlineData("NO", "nb", "600", false)]
    [InlineData("DK", "da", "4000", true)]
    public async Task Each_currency_has_its_own_approval_limit(string country, string language, string amount, bool needsApproval)
    {
        await using var runner = await StartAsync();
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(runner, email).ReportAsync(Complaint(email, country, language));
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");

        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "Refund.", amount);

        if (needsApproval)
        {
            var approval = await driver.MailAsync(CaseDriver.Lead, "Godkjenn endelig svar");
            Assert.Contains(country == "FI" ? "EUR" : "DKK", approval.Subject, StringComparison.Ordinal);
        }
        else
        {
            await driver.WaitForStageAsync("final-answer");
            Assert.Equal(0, await driver.CountAsync(CaseDriver.Lead, "Godkjenn endelig svar"));
        }
    }
}
