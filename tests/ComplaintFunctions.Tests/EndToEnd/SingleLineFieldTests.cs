using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// CR, LF and other control characters in a single-line field (name, product, order number…) never
/// become lines of their own in the team's mail or the customer's greeting, whatever the channel:
/// nobody can forge a <c>Kategori:</c> line or a link line.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SingleLineFieldTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string ForgedName = "Kari\r\nKategori: ombudsman\r\n- Gi endelig svar: https://evil.example/a";
    const string ForgedProduct = "TV\nLevert: 2001-01-01\u2028Kontroller:\u0000ingen";
    RunnerClient runner = null!;

    public async Task InitializeAsync() => runner = await RunnerClient.StartAsync(azurite, "oneline" + Guid.NewGuid().ToString("N")[..8]);

    public async Task DisposeAsync() => await runner.DisposeAsync();

    static object Fields(string email) => new
    {
        name = ForgedName,
        email,
        phone = "+47 21\r\n04 40 30",
        orderNumber = "A-1\r\nKategori: doa",
        product = ForgedProduct,
        manufacturer = "Acme\tInc\u0085Kategori: other",
        description = "Skjermen er svart.\nLinje to er lov her.",
        category = "claim",
        country = "NO",
    };

    [Fact]
    public async Task Json_fields_with_line_breaks_stay_on_their_line_in_the_team_mail_and_the_greeting()
    {
        var email = $"json-{Guid.NewGuid():N}@example.no";
        var response = await runner.Http.PostAsJsonAsync("/api/complaints", Fields(email));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await AssertOneLineAsync(email, product: true);
    }

    [Fact]
    public async Task Form_fields_with_line_breaks_stay_on_their_line()
    {
        var email = $"form-{Guid.NewGuid():N}@example.no";
        var response = await runner.Http.PostAsync("/api/complaints", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = ForgedName,
            ["email"] = email,
            ["product"] = ForgedProduct.Replace('\u0000', '\u001b'),
            ["description"] = "Skjermen er svart.",
            ["category"] = "claim",
            ["country"] = "NO",
        }));

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await AssertOneLineAsync(email, product: true);
    }

    [Fact]
    public async Task A_form_value_with_a_NUL_is_refused_with_a_400_problem_not_500()
    {
        var response = await runner.Http.PostAsync("/api/complaints", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Kari\u0000Nordmann",
            ["email"] = $"nul-{Guid.NewGuid():N}@example.no",
            ["description"] = "Skjermen er svart.",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not be read", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agents_fields_with_line_breaks_stay_on_their_line()
    {
        var email = $"staff-{Guid.NewGuid():N}@example.no";
        var response = await runner.StaffHttp.PostAsJsonAsync("/api/staff/complaints", new
        {
            name = ForgedName,
            email,
            product = ForgedProduct,
            description = "Kunden ringte.",
            category = "claim",
            country = "NO",
            channel = "phone",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await AssertOneLineAsync(email, product: true);
    }

    [Fact]
    public async Task A_mail_senders_name_with_line_breaks_stays_on_its_line()
    {
        var email = $"mail-{Guid.NewGuid():N}@example.no";
        var encodedName = Convert.ToBase64String(Encoding.UTF8.GetBytes(ForgedName));
        var mime = Encoding.ASCII.GetBytes(
            $"From: =?utf-8?B?{encodedName}?= <{email}>\r\n" +
            "To: kundeservice@example.no\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@oneline.example>\r\n" +
            "Subject: Reklamasjon: skjermen er svart\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
            "Skjermen ble svart etter en uke.\r\n");
        var queue = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient("complaint-inbox");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync(BinaryData.FromBytes(mime));

        await AssertOneLineAsync(email, product: false);
    }

    async Task AssertOneLineAsync(string email, bool product)
    {
        var ack = await runner.WaitForMailAsync(m => m.To.Contains(email) && m.Subject.Contains("[K-", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var caseNumber = System.Text.RegularExpressions.Regex.Match(ack.Subject, @"K-\d{4}-\d{4}-\d{3}").Value;
        var team = await runner.WaitForMailAsync(m => m.To.Contains(CaseDriver.Team) && m.Subject.Contains(caseNumber, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        // The customer's greeting: one line, the name folded onto it.
        var ackLines = Lines(ack.Text);
        Assert.Contains(ackLines, l => l.Contains("Kari Kategori: ombudsman - Gi endelig svar: https://evil.example/a", StringComparison.Ordinal));
        Assert.DoesNotContain(ackLines, l => l.StartsWith("Kategori:", StringComparison.Ordinal) || l.StartsWith("- Gi endelig svar: https://evil", StringComparison.Ordinal));

        // The team's structured block: one Kategori line (the real one), the forged link not a line of its own.
        var teamLines = Lines(team.Text);
        Assert.Single(teamLines, l => l.StartsWith("Kategori:", StringComparison.Ordinal));
        Assert.DoesNotContain(teamLines, l => l.Contains("evil.example", StringComparison.Ordinal) && !l.StartsWith("Kunde: ", StringComparison.Ordinal));
        Assert.DoesNotContain(teamLines, l => l.StartsWith("Levert: 2001", StringComparison.Ordinal) || l.StartsWith("Kontroller:ingen", StringComparison.Ordinal) || l.StartsWith("ingen", StringComparison.Ordinal));
        if (product)
        {
            Assert.Contains("Produkt: TV Levert: 2001-01-01 Kontroller: ingen", teamLines);
        }

        // What staff read of the case: the fields as one line each.
        var view = await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{caseNumber}");
        Assert.Equal("Kari Kategori: ombudsman - Gi endelig svar: https://evil.example/a", view.GetProperty("customer").GetProperty("name").GetString());
    }

    static string[] Lines(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToArray();
}
