using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

[Collection(AzuriteCollection.Name)]
public sealed class StaffIntakeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    RunnerClient runner = null!;

    public async Task InitializeAsync() => runner = await RunnerClient.StartAsync(azurite, "staff" + Guid.NewGuid().ToString("N")[..8]);

    public async Task DisposeAsync() => await runner.DisposeAsync();

    [Fact]
    public async Task A_complaint_taken_by_phone_records_the_channel_and_the_customer_gets_the_acknowledgement()
    {
        var email = $"phone-{Guid.NewGuid():N}@example.dk";
        var response = await runner.StaffHttp.PostAsJsonAsync("/api/staff/complaints", new
        {
            name = "Mette Hansen",
            email,
            phone = "+45 12 34 56 78",
            description = "Kunden ringede: printeren var defekt ved levering.",
            category = "doa",
            country = "DK",
            channel = "phone",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("phone", body.GetProperty("channel").GetString());
        var mail = await runner.WaitForMailAsync(m => m.To.Contains(email));
        Assert.StartsWith("Vi har modtaget din klage", mail.Subject, StringComparison.Ordinal);
        var status = await runner.Http.GetFromJsonAsync<JsonElement>(RunnerClient.LinkIn(mail, "/api/complaints/"));
        Assert.Equal("phone", status.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task An_agent_must_say_whether_it_was_phone_or_chat()
    {
        var response = await runner.StaffHttp.PostAsJsonAsync("/api/staff/complaints", new { email = "x@example.no", description = "x", channel = "webform" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("channel", out _));
    }
}
