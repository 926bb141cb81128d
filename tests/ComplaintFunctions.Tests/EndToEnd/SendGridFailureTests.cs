using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>SendGrid's answers of 429 and 5xx: retried with backoff, never sent twice, and a final failure is shown to staff.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendGridFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_429_then_a_500_then_a_202_gives_exactly_one_mail()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "sg" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string?>
        {
            ["CustomerService:MailRetryFirstInterval"] = "00:00:01",
        });
        await runner.Http.PostAsync("/dev/mail/fail-next?status=429&status=500", null);

        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();

        await driver.CustomerMailAsync("We have received your complaint");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await driver.CountAsync(driver.CustomerEmail, "We have received your complaint"));
    }

    [Fact]
    public async Task A_mail_that_finally_fails_is_recorded_on_the_case_and_shown_to_staff()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "sgfail" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string?>
        {
            ["CustomerService:MailRetryFirstInterval"] = "00:00:01",
            ["CustomerService:MailRetryAttempts"] = "2",
        });
        await runner.Http.PostAsync("/dev/mail/fail-next?status=500&status=503", null);

        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();

        var failure = await RunnerClient.EventuallyAsync(
            async () => (await driver.TrailAsync()).FirstOrDefault(e => e.GetProperty("kind").GetString() == "mail-failed") is { ValueKind: JsonValueKind.Object } line
                ? line.GetProperty("summary").GetString()
                : null,
            "the failed mail on the case's trail");
        Assert.Contains("Acknowledgement", failure, StringComparison.Ordinal);
        var list = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints");
        Assert.Contains(list.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseNumber").GetString() == driver.CaseNumber && c.GetProperty("mailFailed").GetBoolean());

        // The case goes on: the team still gets it.
        await driver.MailAsync(CaseDriver.Team, "Ny klage");
    }
}
