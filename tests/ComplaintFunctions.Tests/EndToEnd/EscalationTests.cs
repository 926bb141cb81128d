using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// After a rejected final answer: the independent ombudsman, then the external bodies, through the
/// local runner and driven only by the links in the mails.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EscalationTests(AzuriteFixture azurite)
{
    const string Ombudsman = "kundeombud@example.no";
    const string DisputeContact = "tvister@example.no";
    const string Management = "ledelse@example.no";

    Task<RunnerClient> StartAsync(Dictionary<string, string?>? settings = null, string? hub = null) =>
        RunnerClient.StartAsync(azurite, hub ?? "esc" + Guid.NewGuid().ToString("N")[..8], settings);

    /// <summary>Report, final answer, "not satisfied": returns the ombudsman's case-file mail.</summary>
    static async Task<SeenMail> ToOmbudsmanAsync(CaseDriver driver, object? report = null)
    {
        await driver.ReportAsync(report);
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "The damage is not covered; we offer a discount of 10 %.");
        var final = await driver.CustomerMailAsync(FinalSubject(driver));

        // The mail goes out as the stage changes; the customer answers later, never in the same second.
        await driver.WaitForStageAsync("final-answer");
        var notSatisfied = driver.CustomerEmail.EndsWith(".se", StringComparison.Ordinal) ? "granskar ärendet:" : "review the case:";
        await driver.ActAsync(CaseDriver.LinkAfter(final, notSatisfied), "The damage was there on delivery.");
        return await driver.MailAsync(Ombudsman, "Case for review");
    }

    static string FinalSubject(CaseDriver driver) => driver.CustomerEmail.EndsWith(".se", StringComparison.Ordinal) ? "Vårt slutliga svar" : "Our final answer";

    static async Task DecideAsync(CaseDriver driver, SeenMail caseFile, string outcome, string? amount = "4999", bool refer = false)
    {
        var link = CaseDriver.LinkAfter(caseFile, "nothing happens until you press its button):");
        var (shown, page) = await driver.OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.Contains("Kundeservice kan ikke handle i dette trinnet", page, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["choice"] = outcome, ["text"] = $"Decision {outcome}: the photos show transport damage.", ["note"] = "Check packaging of screens." };
        if (amount is not null)
        {
            fields["amount"] = amount;
        }

        if (refer)
        {
            fields["flag"] = "on";
        }

        var response = await new HttpClient().PostAsync(link, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Decision_upheld_then_the_customer_accepts_and_the_case_closes()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        var caseFile = await ToOmbudsmanAsync(driver);
        Assert.Equal("ombudsman-review", await driver.StageAsync());

        await DecideAsync(driver, caseFile, "upheld");

        var decision = await driver.CustomerMailAsync("The customer ombudsman's decision");
        Assert.Contains("customer service's answer stands", decision.Text, StringComparison.Ordinal);

        // The independent ombudsman writes in their own name, from their own address.
        Assert.Equal(Ombudsman, decision.From);
        Assert.Equal("Kundeombudsmannen", decision.FromName);
        Assert.EndsWith("Best regards\nThe customer ombudsman", decision.Text!.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("Customer service", decision.Text, StringComparison.Ordinal);
        Assert.Contains("transport damage", decision.Text, StringComparison.Ordinal);
        Assert.Contains("Forbrukertilsynet", decision.Text, StringComparison.Ordinal);
        Assert.Contains("20 July 2025", decision.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ec.europa.eu", decision.Text, StringComparison.OrdinalIgnoreCase);

        await driver.ActAsync(CaseDriver.LinkAfter(decision, "If you accept the decision:"));
        await driver.CustomerMailAsync("Your complaint is closed");
        Assert.Equal("closed", await driver.StageAsync());
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "ombudsman-decision" && e.GetProperty("actor").GetString() == "ombudsman");
    }

    [Fact]
    public async Task Decision_overturned_offers_no_external_body()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        var caseFile = await ToOmbudsmanAsync(driver);

        await DecideAsync(driver, caseFile, "overturned");

        var decision = await driver.CustomerMailAsync("The customer ombudsman's decision");
        Assert.Contains("overturned in your favour", decision.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("I am taking the case to", decision.Text, StringComparison.Ordinal);
        var offered = (await driver.TrailAsync()).Single(e => e.GetProperty("kind").GetString() == "bodies-offered").GetProperty("summary").GetString();
        Assert.DoesNotContain("Offered:", offered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customer_takes_the_case_to_a_body_which_recommends_and_the_retailer_complies()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        var caseFile = await ToOmbudsmanAsync(driver);
        await DecideAsync(driver, caseFile, "upheld");
        var decision = await driver.CustomerMailAsync("The customer ombudsman's decision");

        var toBody = CaseDriver.LinkAfter(decision, "I am taking the case to Forbrukertilsynet (the Norwegian Consumer Authority):");
        Assert.Equal(HttpStatusCode.OK, (await driver.OpenAsync(toBody)).Status);
        await driver.ActAsync(toBody);

        // The fan-out: the dispute contact, the ombudsman and the team lead are told; the customer too.
        var notice = await driver.MailAsync(DisputeContact, $"{driver.CaseNumber} goes to");
        await driver.MailAsync(Ombudsman, $"{driver.CaseNumber} goes to");
        await driver.MailAsync(CaseDriver.TeamLeadForNotices, $"{driver.CaseNumber} goes to");
        await driver.CustomerMailAsync("Your case with");
        await driver.WaitForStageAsync("external-body");

        // A view link, not the keyed staff route: the dispute contact has no function key.
        var fileLink = CaseDriver.LinkAfter(notice, "(printable to PDF):");
        Assert.Contains("/api/view/", fileLink, StringComparison.Ordinal);
        var file = await runner.Http.GetStringAsync(fileLink);
        Assert.Contains(driver.CaseNumber, file, StringComparison.Ordinal);
        Assert.Contains("The damage was there on delivery.", file, StringComparison.Ordinal);
        Assert.Contains("transport damage", file, StringComparison.Ordinal);

        var outcomeLink = CaseDriver.LinkAfter(notice, "record it here:");
        var outcome = await new HttpClient().PostAsync(outcomeLink, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["choice"] = "customer",
            ["text"] = "The retailer should replace the screen.",
        }));
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);

        var told = await driver.CustomerMailAsync("Forbrukertilsynet");
        Assert.Contains("replace the screen", told.Text, StringComparison.Ordinal);
        var compliance = await driver.MailAsync(DisputeContact, "Follow");
        await driver.ActAsync(CaseDriver.LinkAfter(compliance, "When it is done:"));

        await driver.CustomerMailAsync("We have followed the recommendation");
        await driver.WaitForStageAsync("closed");
    }

    [Fact]
    public async Task A_body_whose_rules_the_case_does_not_meet_is_not_offered_and_staff_see_why()
    {
        await using var runner = await StartAsync();
        var email = $"sven-{Guid.NewGuid():N}@example.se";
        var driver = new CaseDriver(runner, email);
        var caseFile = await ToOmbudsmanAsync(driver, new { email, description = "Musen gick sönder.", category = "claim", country = "SE", language = "sv" });

        await DecideAsync(driver, caseFile, "upheld", amount: "300");

        var decision = await driver.CustomerMailAsync("Kundombudsmannens beslut");
        Assert.DoesNotContain("Jag tar ärendet till", decision.Text, StringComparison.Ordinal);
        var offered = (await driver.TrailAsync()).Single(e => e.GetProperty("kind").GetString() == "bodies-offered").GetProperty("summary").GetString();
        Assert.Contains("Not offered: se-arn", offered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_tells_the_customer_the_decision_and_the_body_and_the_trail_names_the_ombudsman()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        var caseFile = await ToOmbudsmanAsync(driver);
        await DecideAsync(driver, caseFile, "partly-settled", refer: true);

        var referral = await driver.CustomerMailAsync("The customer ombudsman's decision: your case goes to Forbrukertilsynet");
        Assert.Contains("The decision: the case is settled partly in your favour.", referral.Text, StringComparison.Ordinal);
        Assert.Contains("Decision partly-settled: the photos show transport damage.", referral.Text, StringComparison.Ordinal);
        Assert.Contains("The ombudsman has also referred the case to Forbrukertilsynet (the Norwegian Consumer Authority)", referral.Text, StringComparison.Ordinal);
        Assert.Contains("Forbrukertilsynet mediates between you and us", referral.Text, StringComparison.Ordinal);
        Assert.Contains("Cost: It is free.", referral.Text, StringComparison.Ordinal);
        Assert.Contains("20 July 2025", referral.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("You have taken case", referral.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Check packaging of screens.", referral.Text, StringComparison.Ordinal);
        Assert.Equal(Ombudsman, referral.From);
        Assert.Equal("Kundeombudsmannen", referral.FromName);
        Assert.EndsWith("The customer ombudsman", referral.Text!.TrimEnd(), StringComparison.Ordinal);

        await driver.MailAsync(DisputeContact, $"{driver.CaseNumber} goes to");
        await driver.WaitForStageAsync("external-body");
        Assert.Equal(0, await driver.CountAsync(driver.CustomerEmail, "Your case with"));
        var trail = await driver.TrailAsync();
        var taken = Assert.Single(trail, e => e.GetProperty("kind").GetString() == "stage-changed" && e.GetProperty("summary").GetString()!.Contains("external body", StringComparison.Ordinal));
        Assert.Equal("ombudsman", taken.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_case_file_for_a_body_holds_what_was_said_and_decided_and_no_internal_notes()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        var caseFile = await ToOmbudsmanAsync(driver);
        await DecideAsync(driver, caseFile, "partly-settled", refer: true);

        var notice = await driver.MailAsync(DisputeContact, $"{driver.CaseNumber} goes to");
        await driver.WaitForStageAsync("external-body");
        var file = await runner.Http.GetStringAsync(CaseDriver.LinkAfter(notice, "(printable to PDF):"));

        // What the customer and the retailer said and decided.
        Assert.Contains("Laderen sluttet", file, StringComparison.Ordinal);
        Assert.Contains("The damage is not covered; we offer a discount of 10 %.", file, StringComparison.Ordinal);
        Assert.Contains("The damage was there on delivery.", file, StringComparison.Ordinal);
        Assert.Contains("Decision partly-settled: the photos show transport damage.", file, StringComparison.Ordinal);
        Assert.Contains("disputed amount 4999", file, StringComparison.Ordinal);

        // Not the ombudsman's note on routines, nor the internal trail.
        Assert.DoesNotContain("Check packaging of screens.", file, StringComparison.Ordinal);
        Assert.DoesNotContain("note on routines", file, StringComparison.Ordinal);
        Assert.DoesNotContain("mailed to", file, StringComparison.Ordinal);
        Assert.DoesNotContain("Route:", file, StringComparison.Ordinal);
        Assert.DoesNotContain("Offered:", file, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>system</td>", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_compliance_deadline_goes_to_management()
    {
        await using var runner = await StartAsync(new() { ["Disputes:ComplianceDeadline"] = "00:00:04" });
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        var caseFile = await ToOmbudsmanAsync(driver);
        await DecideAsync(driver, caseFile, "partly-settled", refer: true);

        // The ombudsman referred the case: it goes to the body without waiting for the customer.
        var notice = await driver.MailAsync(DisputeContact, $"{driver.CaseNumber} goes to");

        // The notice goes out as the case moves to the body; a person records the outcome weeks later, never in the same second.
        await driver.WaitForStageAsync("external-body");
        var recorded = await new HttpClient().PostAsync(CaseDriver.LinkAfter(notice, "record it here:"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["choice"] = "partly",
            ["text"] = "Refund half the price.",
        }));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);

        var escalation = await driver.MailAsync(Management, "Management:");
        Assert.Contains(driver.CaseNumber, escalation.Subject, StringComparison.Ordinal);
        Assert.Equal("external-body", await driver.StageAsync());
    }

    [Fact]
    public async Task The_dispute_contact_is_told_when_the_reply_to_the_body_is_due_and_marking_it_sent_stops_the_clock()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        await DecideAsync(driver, await ToOmbudsmanAsync(driver), "partly-settled", refer: true);
        var notice = await driver.MailAsync(DisputeContact, $"{driver.CaseNumber} goes to");
        Assert.Matches(@"reply to the body is due by \d{4}-\d{2}-\d{2} \d{2}:\d{2}", notice.Text);
        var others = await driver.MailAsync(Ombudsman, $"{driver.CaseNumber} goes to");
        Assert.DoesNotContain("reply to the body is due", others.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mark it sent", others.Text, StringComparison.Ordinal);
        await driver.WaitForStageAsync("external-body");

        // While the reply is owed the staff list shows the dispute contact's case as due then.
        var dueBefore = await RunnerClient.EventuallyAsync(async () => await ListedDueAsync(runner, driver.CaseNumber), "the reply due on the list", TimeSpan.FromSeconds(30));

        var replied = await new HttpClient().PostAsync(CaseDriver.LinkAfter(notice, "mark it sent:"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "Our statement went to the body by its web form.",
        }));
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);

        // The stage took it: the case is due next at the periodic reminder, not at the reply.
        await RunnerClient.EventuallyAsync(async () => await ListedDueAsync(runner, driver.CaseNumber) is { } due && due != dueBefore ? due : null, "the reply clock stopped", TimeSpan.FromSeconds(30));
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "link-used" && e.GetProperty("summary").GetString()!.Contains("Record that the retailer replied to the body: Our statement", StringComparison.Ordinal));
        Assert.DoesNotContain(trail, e => e.GetProperty("kind").GetString() == "input-refused");
        Assert.Equal("external-body", await driver.StageAsync());
    }

    static async Task<string?> ListedDueAsync(RunnerClient runner, string caseNumber)
    {
        var list = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints?stage=external-body");
        return list.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("caseNumber").GetString() == caseNumber && c.GetProperty("dueAt").ValueKind == JsonValueKind.String)
            .Select(c => c.GetProperty("dueAt").GetString())
            .FirstOrDefault();
    }

    [Fact]
    public async Task A_customer_service_link_on_the_ombudsman_stage_is_refused_and_recorded()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        await driver.ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        var askLink = CaseDriver.LinkAfter(assignment, "Be kunden om opplysninger:");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "No.");
        var final = await driver.CustomerMailAsync("Our final answer");
        await driver.ActAsync(CaseDriver.LinkAfter(final, "review the case:"), "Unfair.");
        await driver.MailAsync(Ombudsman, "Case for review");

        // An agent with a valid link of their own, or one made for the ombudsman's step with the agent's role.
        var (stale, _) = await driver.ActAsync(askLink, "Can I still change this?");
        var tokens = runner.Services.GetRequiredService<ActionTokens>();
        var crafted = tokens.Issue(CaseNumber.Parse(driver.CaseNumber), "ombudsman-decide", "agent", DateTimeOffset.UtcNow.AddHours(1), Guid.NewGuid());
        var (refused, page) = await driver.ActAsync($"/api/actions/{crafted}", "Overturned by customer service.");

        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("Denne lenken gir ikke adgang til dette steget", page, StringComparison.Ordinal);
        Assert.Equal("ombudsman-review", await driver.StageAsync());
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "link-refused" && e.GetProperty("actor").GetString() == "agent");
        Assert.DoesNotContain(trail, e => e.GetProperty("kind").GetString() == "ombudsman-decision");
    }

    [Fact]
    public async Task A_year_with_an_external_body_keeps_the_history_flat()
    {
        var hub = "year" + Guid.NewGuid().ToString("N")[..8];
        await using var runner = await StartAsync(new() { ["Disputes:BodyReminderEvery"] = "00:00:01" }, hub);
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        var caseFile = await ToOmbudsmanAsync(driver);
        await DecideAsync(driver, caseFile, "upheld", refer: true);
        await driver.MailAsync(DisputeContact, $"{driver.CaseNumber} goes to");

        // Twelve monthly reminders, shortened to a second each; the history is measured along the way.
        var instance = $"complaint-{CaseNumber.Parse(driver.CaseNumber).Digits}-body";
        var history = new TableServiceClient(azurite.ConnectionString).GetTableClient($"{hub}History");
        var sizes = new List<int>();
        foreach (var reminders in new[] { 3, 7, 12 })
        {
            await RunnerClient.EventuallyAsync(
                async () => (await runner.MailAsync()).Count(m => m.To.Contains(DisputeContact) && m.Subject.StartsWith("Still with", StringComparison.Ordinal) && m.Subject.Contains(driver.CaseNumber, StringComparison.Ordinal)) >= reminders ? "ok" : null,
                $"{reminders} reminders",
                TimeSpan.FromSeconds(60));
            // A snapshot can fall early or late in an episode; the largest over a few episodes is the episode's full size.
            var largest = 0;
            for (var sample = 0; sample < 8; sample++)
            {
                largest = Math.Max(largest, await CurrentExecutionSizeAsync(history, instance));
                await Task.Delay(300);
            }

            sizes.Add(largest);
        }

        Assert.All(sizes, size => Assert.InRange(size, 1, 40));
        Assert.True(sizes[^1] <= sizes[0] + 5, $"History grew with the case's age: {string.Join(", ", sizes)} events.");
    }

    static async Task<int> CurrentExecutionSizeAsync(TableClient history, string instance)
    {
        var byExecution = new Dictionary<string, (int Count, DateTimeOffset Latest)>(StringComparer.Ordinal);
        await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == instance))
        {
            var execution = row.GetString("ExecutionId") ?? string.Empty;
            var at = row.Timestamp ?? DateTimeOffset.MinValue;
            byExecution[execution] = byExecution.TryGetValue(execution, out var seen)
                ? (seen.Count + 1, at > seen.Latest ? at : seen.Latest)
                : (1, at);
        }

        return byExecution.Count == 0 ? 0 : byExecution.Values.OrderByDescending(v => v.Latest).First().Count;
    }

    [Fact]
    public async Task A_stage_that_fails_is_shown_the_lead_is_told_and_can_run_it_again()
    {
        await using var runner = await StartAsync();
        var driver = new CaseDriver(runner, CaseDriver.NewCustomer());
        await DecideAsync(driver, await ToOmbudsmanAsync(driver), "upheld");
        await driver.CustomerMailAsync("The customer ombudsman's decision");
        await driver.WaitForStageAsync("ombudsman-review");

        // A body nobody knows (no link names one; this comes as a fault would): its stage cannot prepare a case file and fails.
        await runner.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>().RaiseEventAsync(
            ComplaintFunctions.Workflow.ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(driver.CaseNumber)),
            ComplaintFunctions.Workflow.ComplaintCaseOrchestration.InputEvent,
            new ComplaintFunctions.Workflow.CaseInput("customer-external-body", "customer", Choice: "xx-nobody"));

        var failed = await driver.MailAsync(CaseDriver.Lead, "Stanset: trinnet external-body", TimeSpan.FromSeconds(90));
        Assert.Contains("reads no case file", failed.Text, StringComparison.Ordinal);

        // The staff list shows it (it is written a moment after the mail).
        await RunnerClient.EventuallyAsync(
            async () =>
            {
                var listed = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints");
                var row = listed.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseNumber").GetString() == driver.CaseNumber);
                return row.GetProperty("owner").GetString() == "team lead (a stage failed)" && row.GetProperty("overdue").GetBoolean() ? "listed" : null;
            },
            "the failed stage on the staff list");

        // The lead runs it again from the mail (a new attempt under its own id); it fails the same way, and says so again.
        var retry = CaseDriver.LinkAfter(failed, "trykker på knappen):");
        Assert.Equal(HttpStatusCode.OK, (await driver.OpenAsync(retry)).Status);
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(retry)).Status);
        await RunnerClient.EventuallyAsync(
            async () => await driver.CountAsync(CaseDriver.Lead, "Stanset: trinnet external-body") >= 2 ? "again" : null, "a second failure mail", TimeSpan.FromSeconds(90));
        Assert.Equal(0, await driver.CountAsync(driver.CustomerEmail, "Your case with"));
    }
}
