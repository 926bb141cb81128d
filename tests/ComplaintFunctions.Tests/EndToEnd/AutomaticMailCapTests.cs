using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// The daily cap on automatic mails stops mail loops (progress mails, and acknowledgements of cases
/// opened by mail, which an auto-responder could have sent) and never keeps a case number from a person
/// who wrote in on the form.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AutomaticMailCapTests(AzuriteFixture azurite)
{
    Task<RunnerClient> StartAsync(Dictionary<string, string?> settings) =>
        RunnerClient.StartAsync(azurite, "cap" + Guid.NewGuid().ToString("N")[..8], settings);

    [Fact]
    public async Task Every_complaint_posted_from_one_address_gets_its_acknowledgement_with_its_case_number_past_the_cap()
    {
        await using var runner = await StartAsync(new() { ["Inbound:MaxAutomaticMailsPerAddressPerDay"] = "2" });
        var email = $"busy-{Guid.NewGuid():N}@example.no";

        var cases = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var posted = await runner.Http.PostAsJsonAsync("/api/complaints", new { name = "Kari Nordmann", email, description = $"Klage nummer {i + 1}.", category = "doa", country = "NO" });
            cases.Add((await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!);
        }

        foreach (var caseNumber in cases)
        {
            var ack = await runner.WaitForMailAsync(m => m.To.Contains(email) && m.Subject.Contains(caseNumber, StringComparison.Ordinal));
            Assert.StartsWith("Vi har mottatt klagen din", ack.Subject, StringComparison.Ordinal);
            Assert.Contains(caseNumber, ack.Text, StringComparison.Ordinal);
        }

        foreach (var caseNumber in cases)
        {
            var view = await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{caseNumber}");
            Assert.DoesNotContain(view.GetProperty("trail").EnumerateArray(), e => e.GetProperty("kind").GetString() == "mail-held");
        }
    }

    [Fact]
    public async Task Past_the_daily_cap_an_address_writing_by_mail_gets_no_more_acknowledgements_and_staff_see_why()
    {
        await using var runner = await StartAsync(new() { ["Inbound:MaxAutomaticMailsPerAddressPerDay"] = "2" });
        var email = $"loop-{Guid.NewGuid():N}@example.no";

        for (var i = 0; i < 3; i++)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent($"From: Auto Svar <{email}>\r\nTo: kundeservice@example.no\r\nSubject: Klage {i + 1} om skjermen\r\nMessage-ID: <{Guid.NewGuid():N}@example.no>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSkjermen min virker ikke, ordre {12340 + i}.\r\n"), "email" },
            };
            Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync("/api/inbound/sendgrid?key=local-inbound-secret", form)).StatusCode);
        }

        var held = await RunnerClient.EventuallyAsync(async () =>
        {
            var list = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/complaints");
            foreach (var row in list.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("customer").GetString() == email))
            {
                var view = await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{row.GetProperty("caseNumber").GetString()}");
                if (view.GetProperty("trail").EnumerateArray().FirstOrDefault(e => e.GetProperty("kind").GetString() == "mail-held") is { ValueKind: JsonValueKind.Object } line)
                {
                    return line.GetProperty("summary").GetString();
                }
            }

            return null;
        }, "a held acknowledgement on one of the cases opened by mail");

        Assert.Contains("maximum of automatic mails", held, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await runner.MailAsync()).Count(m => m.To.Contains(email)));
    }

    [Fact]
    public async Task Progress_mails_stop_at_the_cap_and_staff_see_why()
    {
        await using var runner = await StartAsync(new()
        {
            ["Inbound:MaxAutomaticMailsPerAddressPerDay"] = "1",
            ["CustomerService:ProgressAfter"] = "00:00:03",
        });
        var driver = await new CaseDriver(runner, CaseDriver.NewCustomer()).ReportAsync();
        await driver.CustomerMailAsync("We have received your complaint");
        await driver.CustomerMailAsync("Your complaint is still being handled");

        var held = await RunnerClient.EventuallyAsync(async () =>
            (await driver.TrailAsync()).FirstOrDefault(e => e.GetProperty("kind").GetString() == "mail-held") is { ValueKind: JsonValueKind.Object } line
                ? line.GetProperty("summary").GetString()
                : null, "a held progress mail");

        Assert.StartsWith("Progress: not sent", held, StringComparison.Ordinal);
        Assert.Equal(1, await driver.CountAsync(driver.CustomerEmail, "Your complaint is still being handled"));
    }
}
