using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// The law as of December 2026 through the local runner, driven by the links in the mails: a repair under a
/// claim lengthens a later claim about the same product (Right to Repair Directive (EU) 2024/1799), and a
/// body's complex case gets 30 working days for the reply (Directive (EU) 2025/2647).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LawOfDecember2026Tests(AzuriteFixture azurite)
{
    const string Ombudsman = "kundeombud@example.no";
    const string DisputeContact = "tvister@example.no";

    Task<RunnerClient> StartAsync() => RunnerClient.StartAsync(azurite, "law" + Guid.NewGuid().ToString("N")[..8]);

    static string Date(DateTime at) => at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    static object SwedishClaim(string email, string order, DateTime delivered, string description) => new
    {
        name = "Sven Svensson",
        email,
        description,
        category = "claim",
        country = "SE",
        language = "sv",
        orderNumber = order,
        product = "Zentrix P14 laptop",
        manufacturer = "Zentrix",
        deliveryDate = Date(delivered),
    };

    [Fact]
    public async Task A_product_repaired_under_a_claim_in_Sweden_is_inside_the_extended_window_on_its_next_complaint()
    {
        await using var runner = await StartAsync();
        var order = "SE-" + Guid.NewGuid().ToString("N")[..8];

        // Case 1: a claim inside Sweden's three years, answered with a repair.
        var first = new CaseDriver(runner, $"kund-{Guid.NewGuid():N}@example.se");
        await first.ReportAsync(SwedishClaim(first.CustomerEmail, order, DateTime.UtcNow.AddMonths(-20), "Tangentbordet slutade fungera."));
        var assignment = await first.MailAsync(CaseDriver.Team, "Ny klage");
        var finalLink = CaseDriver.LinkAfter(assignment, "Gi endelig svar:");
        var (_, page) = await first.OpenAsync(finalLink);
        Assert.Contains("produktet ble reparert under reklamasjonen", page, StringComparison.Ordinal);
        var answered = await new HttpClient().PostAsync(finalLink, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "Vi har bytt tangentbordet under reklamationen.",
            ["flag"] = "on",
        }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await first.CustomerMailAsync("Vårt slutliga svar");
        var recorded = await RunnerClient.EventuallyAsync(
            async () => (await first.TrailAsync()).FirstOrDefault(e => e.GetProperty("kind").GetString() == "repair-recorded") is { ValueKind: JsonValueKind.Object } line ? line.GetProperty("summary").GetString() : null,
            "the repair on the trail", TimeSpan.FromSeconds(30));
        Assert.Contains($"in the repair register for order {order}", recorded, StringComparison.Ordinal);
        Assert.Contains("one more year of seller liability", recorded, StringComparison.Ordinal);

        // Case 2: the same laptop of the same order, delivered 3 years and 3 months ago: past the three years, inside the fourth.
        var second = new CaseDriver(runner, $"kund-{Guid.NewGuid():N}@example.se");
        var delivered = DateTime.UtcNow.AddYears(-3).AddMonths(-3);
        await second.ReportAsync(SwedishClaim(second.CustomerEmail, order.ToLowerInvariant(), delivered, "Tangentbordet är trasigt igen."));
        var team = await second.MailAsync(CaseDriver.Team, "Ny klage");
        Assert.Contains("claim-window (ok)", team.Text, StringComparison.Ordinal);
        Assert.Contains($"reparerte dette produktet under en reklamasjon", team.Text, StringComparison.Ordinal);
        Assert.Contains($"(sak {first.CaseNumber})", team.Text, StringComparison.Ordinal);
        Assert.Contains("reparasjonsdirektivet (EU) 2024/1799", team.Text, StringComparison.Ordinal);

        var triage = (await second.TrailAsync()).Single(e => e.GetProperty("kind").GetString() == "triage").GetProperty("summary").GetString();
        Assert.Contains("claim-window (ok)", triage, StringComparison.Ordinal);
        Assert.Contains("past the 3-year limit", triage, StringComparison.Ordinal);
        Assert.Contains("Right to Repair Directive (EU) 2024/1799", triage, StringComparison.Ordinal);

        // The first case's own repair does not lengthen its own window.
        Assert.DoesNotContain("Right to Repair", (await first.TrailAsync()).Single(e => e.GetProperty("kind").GetString() == "triage").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_s_complex_case_moves_the_reply_due_to_thirty_working_days_on_the_list_and_the_trail()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        await driver.ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "The damage is not covered.");
        var final = await driver.CustomerMailAsync("Our final answer");
        await driver.WaitForStageAsync("final-answer");
        await driver.ActAsync(CaseDriver.LinkAfter(final, "review the case:"), "The damage was there on delivery.");
        var caseFile = await driver.MailAsync(Ombudsman, "Case for review");
        var decide = CaseDriver.LinkAfter(caseFile, "nothing happens until you press its button):");
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient().PostAsync(decide, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["choice"] = "upheld",
            ["text"] = "The photos show transport damage after delivery.",
            ["amount"] = "4999",
            ["flag"] = "on",
        }))).StatusCode);

        var notice = await driver.MailAsync(DisputeContact, $"{driver.CaseNumber} goes to");
        await driver.WaitForStageAsync("external-body");
        var twenty = DateTimeOffset.Parse(await RunnerClient.EventuallyAsync(async () => await ListedDueAsync(runner, driver.CaseNumber), "the reply due on the list", TimeSpan.FromSeconds(30)), System.Globalization.CultureInfo.InvariantCulture);

        var marked = await new HttpClient().PostAsync(CaseDriver.LinkAfter(notice, "mark it complex:"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "The body wrote that it treats the case as complex (ref. 2026-4411).",
        }));
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);

        // The tests' calendar is open every day: 30 working days from the filing are 10 days after the 20.
        var thirty = DateTimeOffset.Parse(await RunnerClient.EventuallyAsync(
            async () => await ListedDueAsync(runner, driver.CaseNumber) is { } due && DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture) > twenty ? due : null,
            "the reply due moved", TimeSpan.FromSeconds(30)), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(10), thirty - twenty);

        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "link-used" && e.GetProperty("summary").GetString()!.Contains("Mark the body's case as complex: The body wrote", StringComparison.Ordinal));
        var clock = trail.Single(e => e.GetProperty("kind").GetString() == "reply-clock").GetProperty("summary").GetString();
        Assert.Contains("treats the case as complex", clock, StringComparison.Ordinal);
        Assert.Contains("30 working days from the filing", clock, StringComparison.Ordinal);
        Assert.DoesNotContain(trail, e => e.GetProperty("kind").GetString() == "input-refused");

        var listed = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints?stage=external-body");
        Assert.Equal("dispute contact (external body, complex case)", listed.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseNumber").GetString() == driver.CaseNumber).GetProperty("owner").GetString());
    }

    static async Task<string?> ListedDueAsync(RunnerClient runner, string caseNumber)
    {
        var list = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints?stage=external-body");
        return list.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("caseNumber").GetString() == caseNumber && c.GetProperty("dueAt").ValueKind == JsonValueKind.String)
            .Select(c => c.GetProperty("dueAt").GetString())
            .FirstOrDefault();
    }
}
