using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>The customer-service stage through the local runner, every step driven by a link in a mail.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomerServiceStageTests(AzuriteFixture azurite)
{
    Task<RunnerClient> StartAsync(Dictionary<string, string?>? settings = null) =>
        RunnerClient.StartAsync(azurite, "cs" + Guid.NewGuid().ToString("N")[..8], settings);

    [Fact]
    public async Task A_web_form_complaint_reaches_an_accepted_final_answer_through_the_links_in_the_mails()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();

        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        Assert.Contains("claim-window", assignment.Text, StringComparison.Ordinal);
        var finalLink = CaseDriver.LinkAfter(assignment, "Gi endelig svar:");

        var (shown, page) = await driver.OpenAsync(finalLink);
        Assert.Equal(HttpStatusCode.OK, shown);
        // The agent's page speaks the staff language (nb by default), as the mail that links to it.
        Assert.Contains("<html lang=\"nb\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Gi endelig svar</h1>", page, StringComparison.Ordinal);
        Assert.Contains("bare knappen gjør noe", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("customer-service", await driver.StageAsync());

        var (done, _) = await driver.ActAsync(finalLink, "We will send you a new charger this week at our cost.");
        Assert.Equal(HttpStatusCode.OK, done);

        var final = await driver.CustomerMailAsync("Our final answer");
        Assert.Contains("We will send you a new charger", final.Text, StringComparison.Ordinal);
        Assert.Equal("final-answer", await driver.StageAsync());

        var accept = CaseDriver.LinkAfter(final, "I accept the answer:");
        Assert.Equal(HttpStatusCode.OK, (await driver.OpenAsync(accept)).Status);
        Assert.Equal(HttpStatusCode.OK, (await driver.ActAsync(accept)).Status);

        await driver.CustomerMailAsync("Your complaint is closed");
        Assert.Equal("closed", await driver.StageAsync());
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "link-used" && e.GetProperty("actor").GetString() == "customer");
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "link-used" && e.GetProperty("actor").GetString() == "agent");
    }

    [Fact]
    public async Task A_rejected_final_answer_moves_the_case_to_the_ombudsman()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "The charger was damaged by misuse; we cannot replace it.");
        var final = await driver.CustomerMailAsync("Our final answer");

        var (status, _) = await driver.ActAsync(CaseDriver.LinkAfter(final, "review the case:"), "It was not misused.");

        Assert.Equal(HttpStatusCode.OK, status);
        await driver.CustomerMailAsync("The customer ombudsman takes over");
        Assert.Equal("ombudsman-review", await driver.StageAsync());
    }

    [Fact]
    public async Task A_late_agent_is_reminded_before_the_target_and_the_lead_is_told_when_it_is_missed()
    {
        await using var runner = await StartAsync(new() { ["CustomerService:FirstResponseTarget"] = "00:00:08", ["CustomerService:ReminderLead"] = "00:00:04" });
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();

        var reminder = await driver.MailAsync(CaseDriver.Team, "Påminnelse");
        var escalation = await driver.MailAsync(CaseDriver.Lead, "Frist passert");

        Assert.True(escalation.Time > reminder.Time);
        var list = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints?overdue=true");
        Assert.Contains(list.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseNumber").GetString() == driver.CaseNumber);
    }

    [Fact]
    public async Task A_late_case_the_team_then_asks_the_customer_about_is_not_overdue_while_the_customers_time_runs()
    {
        await using var runner = await StartAsync(new() { ["CustomerService:FirstResponseTarget"] = "00:00:06", ["CustomerService:ReminderLead"] = "00:00:02" });
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.MailAsync(CaseDriver.Lead, "Frist passert");

        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Be kunden om opplysninger:"), "Which serial number does the charger have?");
        await driver.CustomerMailAsync("We need some information");

        JsonElement row = default;
        for (var i = 0; i < 100; i++)
        {
            var all = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints");
            row = all.GetProperty("cases").EnumerateArray().FirstOrDefault(c => c.GetProperty("caseNumber").GetString() == driver.CaseNumber);
            if (row.ValueKind == JsonValueKind.Object && row.GetProperty("owner").GetString() == "customer")
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Equal("waiting-for-customer", row.GetProperty("stage").GetString());
        Assert.True(row.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.False(row.GetProperty("overdue").GetBoolean());
        var overdue = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints?overdue=true");
        Assert.DoesNotContain(overdue.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseNumber").GetString() == driver.CaseNumber);
    }

    [Fact]
    public async Task An_answer_in_time_sends_no_reminder()
    {
        await using var runner = await StartAsync(new() { ["CustomerService:FirstResponseTarget"] = "00:00:10", ["CustomerService:ReminderLead"] = "00:00:04" });
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");

        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Svar kunden:"), "We have ordered a replacement part.");
        var answer = await driver.CustomerMailAsync("Answer to your complaint");
        await Task.Delay(TimeSpan.FromSeconds(12));

        Assert.Contains("replacement part", answer.Text, StringComparison.Ordinal);
        Assert.Equal(0, await driver.CountAsync(CaseDriver.Team, "Påminnelse"));
        Assert.Equal(0, await driver.CountAsync(CaseDriver.Lead, "Frist passert"));
    }

    [Fact]
    public async Task A_customer_reply_restarts_the_clock_and_reaches_the_agent()
    {
        await using var runner = await StartAsync(new() { ["CustomerService:NextResponseTarget"] = "00:05:00" });
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Be kunden om opplysninger:"), "Which serial number does the charger have?");
        var question = await driver.CustomerMailAsync("We need some information");
        Assert.Equal("waiting-for-customer", await driver.StageAsync());

        using var reply = new MultipartFormDataContent
        {
            { new StringContent($"From: {driver.CustomerEmail}\r\nTo: kundeservice@example.no\r\nSubject: Re: {question.Subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.no>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe serial number is SN-4471.\r\n"), "email" },
        };
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync("/api/inbound/sendgrid?key=local-inbound-secret", reply)).StatusCode);

        var replied = await driver.MailAsync(CaseDriver.Team, "Kunden har svart");
        Assert.Contains("SN-4471", replied.Text, StringComparison.Ordinal);
        Assert.Equal("customer-service", await driver.StageAsync());
    }

    [Fact]
    public async Task Without_an_answer_to_the_final_answer_the_case_closes_and_the_customer_is_told()
    {
        await using var runner = await StartAsync(new() { ["CustomerService:CustomerReplyWindow"] = "00:00:06" });
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "Refund approved.");
        var final = await driver.CustomerMailAsync("Our final answer");

        await driver.CustomerMailAsync("Your complaint is closed");

        await driver.WaitForStageAsync("closed");
        var (status, _) = await driver.OpenAsync(CaseDriver.LinkAfter(final, "I accept the answer:"));
        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task A_refund_over_the_limit_waits_for_the_lead_who_can_send_it_back_or_approve_it()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");

        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Gi endelig svar:"), "Full refund of 9 990 kr.", "9990");
        var approval = await driver.MailAsync(CaseDriver.Lead, "Godkjenn endelig svar");
        Assert.Equal(0, await driver.CountAsync(driver.CustomerEmail, "Our final answer"));
        await driver.ActAsync(CaseDriver.LinkAfter(approval, "Send tilbake til teamet:"), "Offer a repair first.");

        var sentBack = await driver.MailAsync(CaseDriver.Team, "Endelig svar på");
        Assert.Contains("Offer a repair first.", sentBack.Text, StringComparison.Ordinal);
        await driver.ActAsync(CaseDriver.LinkAfter(sentBack, "Gi nytt endelig svar:"), "Refund of 9 990 kr after repair failed.", "9990");
        // The newest approval request (the mail list is newest first) carries fresh links.
        var second = await RunnerClient.EventuallyAsync(
            async () =>
            {
                var requests = (await runner.MailAsync())
                    .Where(m => m.To.Contains(CaseDriver.Lead) && m.Subject.StartsWith("Godkjenn endelig svar", StringComparison.Ordinal) && m.Subject.Contains(driver.CaseNumber, StringComparison.Ordinal))
                    .ToList();
                return requests.Count >= 2 ? requests[0] : null;
            },
            "the second approval request");
        await driver.ActAsync(CaseDriver.LinkAfter(second, "Godkjenn og send:"));

        var final = await driver.CustomerMailAsync("Our final answer");
        Assert.Contains("after repair failed", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_support_question_goes_to_the_manufacturer_and_closes_when_the_customer_says_it_is_solved()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync(new
        {
            email = CaseDriver.NewCustomer(),
            description = "How do I connect the router to my fibre box?",
            category = "support",
            manufacturer = "Acme AS",
            product = "Acme R7 router",
            country = "NO",
            language = "en",
        });
        var customer = (await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{driver.CaseNumber}")).GetProperty("customer").GetProperty("email").GetString()!;
        var routed = await driver.MailAsync(customer, "Help from the manufacturer");
        Assert.Contains("Acme", routed.Text, StringComparison.Ordinal);
        Assert.Equal("waiting-for-customer", await driver.StageAsync());

        await driver.ActAsync(CaseDriver.LinkAfter(routed, "It is solved:"));

        await driver.MailAsync(customer, "Glad it is solved");
        Assert.Equal("closed", await driver.StageAsync());
    }

    [Fact]
    public async Task A_support_question_that_the_manufacturer_did_not_solve_comes_back_to_the_team()
    {
        await using var runner = await StartAsync();
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(runner, email).ReportAsync(new { email, description = "The headset needs a repair technician.", category = "service", manufacturer = "Nordtek", language = "en" });
        var routed = await driver.CustomerMailAsync("Help from the manufacturer");

        // The mail goes out as the case turns to the customer; they come back after talking to the manufacturer.
        await driver.WaitForStageAsync("waiting-for-customer");
        await driver.ActAsync(CaseDriver.LinkAfter(routed, "I still need help from you:"), "They never answered me.");

        // Not a new complaint: the team reads that it comes back from the manufacturer's support, and why.
        var back = await driver.MailAsync(CaseDriver.Team, "Tilbake fra produsentens support");
        Assert.Contains("kommer tilbake fra produsentsporet", back.Text, StringComparison.Ordinal);
        Assert.Contains("They never answered me.", back.Text, StringComparison.Ordinal);
        Assert.Contains("The headset needs a repair technician.", back.Text, StringComparison.Ordinal);
        Assert.Equal(0, await driver.CountAsync(CaseDriver.Team, "Ny klage"));
        Assert.Equal("customer-service", await driver.StageAsync());
    }

    [Theory]
    [InlineData("sv", null, "Din vara var trasig när den kom. En vara som är trasig vid leverans byts ut när det anmäls inom 14 dagar från leveransen.")]
    [InlineData("en", "10", "A product that is dead on arrival is exchanged when it is reported within 10 days of delivery.")]
    public async Task A_product_dead_on_arrival_is_acknowledged_with_the_exchange_window(string language, string? doaDays, string expected)
    {
        await using var runner = await StartAsync(doaDays is null ? null : new() { ["Triage:DoaDays"] = doaDays });
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(runner, email).ReportAsync(new
        {
            email,
            description = "The screen was black when I unpacked it.",
            category = "doa",
            country = language == "sv" ? "SE" : "NO",
            language,
            deliveryDate = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        var acknowledgement = await driver.CustomerMailAsync(language == "sv" ? "Vi har tagit emot" : "We have received");
        Assert.Contains(expected, acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains(language == "sv" ? "hur du skickar tillbaka varan och får en ny" : "how to send the product back and get a new one", acknowledgement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_that_is_not_dead_on_arrival_says_nothing_of_the_exchange_window()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();

        var acknowledgement = await driver.CustomerMailAsync("We have received");
        Assert.DoesNotContain("dead on arrival", acknowledgement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_whose_words_suggest_support_goes_to_the_team_with_the_suggestion_and_never_to_a_manufacturer()
    {
        await using var runner = await StartAsync(new() { ["CustomerService:ManufacturerWindow"] = "00:00:05" });
        var email = CaseDriver.NewCustomer();
        using var mail = new MultipartFormDataContent
        {
            { new StringContent($"From: Per Hansen <{email}>\r\nTo: kundeservice@example.no\r\nSubject: Oppdatering\r\nMessage-ID: <{Guid.NewGuid():N}@example.no>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHei, jeg har ikke hørt noe fra dere ennå. Hilsen Per\r\n"), "email" },
        };
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync("/api/inbound/sendgrid?key=local-inbound-secret", mail)).StatusCode);

        var ack = await runner.WaitForMailAsync(m => m.To.Contains(email) && m.Subject.StartsWith("Vi har mottatt klagen din", StringComparison.Ordinal));
        var driver = new CaseDriver(runner, email);
        driver.UseCase(System.Text.RegularExpressions.Regex.Match(ack.Subject, @"K-\d{4}-\d{4}-\d{3}").Value);

        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        Assert.Contains("category-suggested", assignment.Text, StringComparison.Ordinal);
        Assert.Contains("oppdatering", assignment.Text, StringComparison.Ordinal);
        Assert.Contains("routing (advarsel): Ikke sendt til produsentens support", assignment.Text, StringComparison.Ordinal);
        Assert.Equal("customer-service", await driver.StageAsync());

        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal(0, await driver.CountAsync(email, "Hjelp fra produsentens support"));
        Assert.Equal("customer-service", await driver.StageAsync());
    }

    [Fact]
    public async Task The_team_reads_the_checks_and_the_category_in_Norwegian_whatever_the_customers_language()
    {
        await using var runner = await StartAsync();
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();

        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        Assert.Contains(": reklamasjon, svarfrist", assignment.Subject, StringComparison.Ordinal);
        Assert.Contains("Kategori: reklamasjon", assignment.Text, StringComparison.Ordinal);
        Assert.Contains("- claim-window (ok): Levert ", assignment.Text, StringComparison.Ordinal);
        Assert.Contains("innenfor reklamasjonsfristen på 2 år etter forbrukerkjøpsloven, som løper til og med", assignment.Text, StringComparison.Ordinal);
        Assert.Contains("- claim-discovery (ukjent): Spør når kunden oppdaget mangelen", assignment.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Delivered on", assignment.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask when the customer", assignment.Text, StringComparison.Ordinal);

        // The customer wrote in English and gets English; the trail keeps the English checks.
        await driver.CustomerMailAsync("We have received your complaint");
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "triage" && e.GetProperty("summary").GetString()!.Contains("claim-discovery (unknown): Ask when the customer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_English_speaking_team_reads_the_checks_and_the_category_in_English()
    {
        await using var runner = await StartAsync(new() { ["Staff:Language"] = "en" });
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();

        var assignment = await driver.MailAsync(CaseDriver.Team, "New complaint");
        Assert.Contains("Category: claim", assignment.Text, StringComparison.Ordinal);
        Assert.Contains("- claim-window (ok): Delivered on ", assignment.Text, StringComparison.Ordinal);
        Assert.Contains("- claim-discovery (unknown): Ask when the customer discovered the defect", assignment.Text, StringComparison.Ordinal);

        // So does the page its link opens.
        var (_, page) = await driver.OpenAsync(CaseDriver.LinkAfter(assignment, "Give the final answer:"));
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Give the final answer</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Nothing has happened yet: only the button acts.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_support_question_without_a_known_manufacturer_goes_to_the_team_not_to_our_own_number_as_the_manufacturer()
    {
        await using var runner = await StartAsync();
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(runner, email).ReportAsync(new { email, description = "How do I pair the mouse?", category = "support", language = "en" });

        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        Assert.Contains("kunden har ikke sagt hvem som har laget produktet", assignment.Text, StringComparison.Ordinal);
        await driver.CustomerMailAsync("We have received your complaint");
        Assert.Equal(0, await driver.CountAsync(email, "Help from the manufacturer"));
        Assert.Equal("customer-service", await driver.StageAsync());
    }

    [Fact]
    public async Task The_manufacturer_route_closes_when_the_customer_does_not_come_back()
    {
        await using var runner = await StartAsync(new() { ["CustomerService:ManufacturerWindow"] = "00:00:05" });
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(runner, email).ReportAsync(new { email, description = "How do I pair the mouse?", category = "support", manufacturer = "Acme", language = "en" });
        await driver.CustomerMailAsync("Help from the manufacturer");

        await driver.CustomerMailAsync("Your complaint is closed");
        await driver.WaitForStageAsync("closed");
    }

    [Theory]
    [InlineData(5, "ok", "ok")]
    [InlineData(30, "fails", "ikke oppfylt")]
    public async Task Dead_on_arrival_is_checked_against_the_14_days_from_delivery(int daysSinceDelivery, string verdict, string staffVerdict)
    {
        await using var runner = await StartAsync();
        var email = CaseDriver.NewCustomer();
        var driver = await new CaseDriver(runner, email).ReportAsync(new
        {
            email,
            description = "The screen was dead when it arrived.",
            category = "doa",
            language = "en",
            deliveryDate = DateTime.UtcNow.AddDays(-daysSinceDelivery).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");

        // The team reads the verdict in its own language; the trail, an audit record, keeps English.
        Assert.Contains($"doa ({staffVerdict})", assignment.Text, StringComparison.Ordinal);
        Assert.Contains("Kategori: DOA (død ved levering)", assignment.Text, StringComparison.Ordinal);
        var trail = await driver.TrailAsync();
        Assert.Contains(trail, e => e.GetProperty("kind").GetString() == "triage" && e.GetProperty("summary").GetString()!.Contains($"doa ({verdict})", StringComparison.Ordinal));
    }
}
