using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComplaintFunctions.Tests.Support;

/// <summary>Drives a case the way people do: post the form, read the mails, follow the links in them.</summary>
public sealed partial class CaseDriver(RunnerClient runner, string customerEmail)
{
    public const string Team = "kundeservice-team@example.no";
    public const string Lead = "teamleder@example.no";
    public const string TeamLeadForNotices = Lead;

    public string CustomerEmail { get; } = customerEmail;
    public string CaseNumber { get; private set; } = string.Empty;

    public static string NewCustomer() => $"kunde-{Guid.NewGuid():N}@example.no";

    public async Task<CaseDriver> ReportAsync(object? fields = null)
    {
        var response = await runner.Http.PostAsJsonAsync("/api/complaints", fields ?? new
        {
            name = "Kari Nordmann",
            email = CustomerEmail,
            description = "Laderen sluttet å virke etter en måned.",
            category = "claim",
            country = "NO",
            language = "en",
            deliveryDate = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        CaseNumber = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
        return this;
    }

    /// <summary>Follows a case opened another way (by mail), known by its number.</summary>
    public CaseDriver UseCase(string caseNumber)
    {
        CaseNumber = caseNumber;
        return this;
    }

    /// <summary>A mail about this case to <paramref name="to"/> whose subject starts with <paramref name="subjectStart"/>.</summary>
    public Task<SeenMail> MailAsync(string to, string subjectStart, TimeSpan? timeout = null) =>
        runner.WaitForMailAsync(
            m => m.To.Contains(to) && m.Subject.Contains(CaseNumber, StringComparison.Ordinal) && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal),
            timeout ?? TimeSpan.FromSeconds(40));

    public Task<SeenMail> CustomerMailAsync(string subjectStart, TimeSpan? timeout = null) => MailAsync(CustomerEmail, subjectStart, timeout);

    public async Task<int> CountAsync(string to, string subjectStart) =>
        (await runner.MailAsync()).Count(m => m.To.Contains(to) && m.Subject.Contains(CaseNumber, StringComparison.Ordinal) && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal));

    /// <summary>The link after <paramref name="label"/> in the mail's text (e.g. "Give the final answer:").</summary>
    public static string LinkAfter(SeenMail mail, string label)
    {
        var match = Regex.Match(mail.Text ?? string.Empty, Regex.Escape(label) + @"\s*(https?://\S+)");
        Assert.True(match.Success, $"No link after '{label}' in '{mail.Subject}':\n{mail.Text}");
        return match.Groups[1].Value;
    }

    public async Task<(HttpStatusCode Status, string Page)> OpenAsync(string link)
    {
        var response = await runner.Http.GetAsync(link);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Presses the page's button, with the form's fields filled in.</summary>
    public async Task<(HttpStatusCode Status, string Page)> ActAsync(string link, string? text = null, string? amount = null)
    {
        var fields = new Dictionary<string, string>();
        if (text is not null)
        {
            fields["text"] = text;
        }

        if (amount is not null)
        {
            fields["amount"] = amount;
        }

        var response = await runner.Http.PostAsync(link, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> StageAsync()
    {
        var view = await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{CaseNumber}");
        return view.GetProperty("summary").GetProperty("stage").GetString()!;
    }

    public async Task<JsonElement[]> TrailAsync() =>
        (await runner.StaffHttp.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{CaseNumber}")).GetProperty("trail").EnumerateArray().ToArray();

    public async Task WaitForStageAsync(string stage) =>
        await RunnerClient.EventuallyAsync(async () => await StageAsync() == stage ? "ok" : null, $"stage {stage}", TimeSpan.FromSeconds(30));
}
