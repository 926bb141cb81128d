using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

[Collection(AzuriteCollection.Name)]
public sealed class AutomaticMailCapTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Past_the_daily_cap_an_address_gets_no_more_automatic_mail_and_staff_see_why()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, "cap" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string?>
        {
            ["Inbound:MaxAutomaticMailsPerAddressPerDay"] = "2",
        });
        var email = $"busy-{Guid.NewGuid():N}@example.no";

        var cases = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var posted = await runner.Http.PostAsJsonAsync("/api/complaints", new { email, description = $"Klage nummer {i + 1}." });
            cases.Add((await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!);
        }

        var held = await RunnerClient.EventuallyAsync(async () =>
        {
            foreach (var caseNumber in cases)
            {
                var view = await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{caseNumber}");
                if (view.GetProperty("trail").EnumerateArray().FirstOrDefault(e => e.GetProperty("kind").GetString() == "mail-held") is { ValueKind: JsonValueKind.Object } line)
                {
                    return line.GetProperty("summary").GetString();
                }
            }

            return null;
        }, "a held mail on one of the cases");

        Assert.Contains("maximum of automatic mails", held, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await runner.MailAsync()).Count(m => m.To.Contains(email)));
    }
}
