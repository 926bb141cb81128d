using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>What one client saw while it got its input accepted.</summary>
public sealed record ClientOutcome(string Customer, bool Accepted, int Attempts, int Unavailable, IReadOnlyList<string> WrongAnswers);

/// <summary>
/// Clients that retry as the real ones do: a browser or API client with its Idempotency-Key (the same
/// key and body again after a 503 or a dropped connection), and SendGrid (the same mail again, in a
/// form with a new boundary, after any answer that is not 2xx). Every answer that is neither the
/// success nor a 503 with <c>Retry-After</c> is a wrong answer, except a dropped connection while the
/// runner is being killed (<paramref name="connectionLossExpected"/>).
/// </summary>
public static partial class FaultClients
{
    public static HttpClient Client(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(90) };

    public static async Task<ClientOutcome> ReportComplaintAsync(HttpClient http, string customer, string description, Func<bool> connectionLossExpected, TimeSpan giveUpAfter, TimeSpan? pause = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(connectionLossExpected);
        var key = "fault-" + customer;
        var body = JsonSerializer.Serialize(new { name = "Kari Nordmann", email = customer, description, language = "nb" });
        return await RetryAsync(customer, connectionLossExpected, giveUpAfter, pause ?? TimeSpan.FromSeconds(1), HttpStatusCode.Accepted, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return http.SendAsync(request);
        });
    }

    public static async Task<ClientOutcome> DeliverMailAsync(HttpClient http, string sender, string subject, string text, Func<bool> connectionLossExpected, TimeSpan giveUpAfter, TimeSpan? pause = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var mime = Mime(sender, $"<{Guid.NewGuid():N}@fault.example>", subject, text);
        return await RetryAsync(sender, connectionLossExpected, giveUpAfter, pause ?? TimeSpan.FromSeconds(1), HttpStatusCode.OK, () => http.SendAsync(SendGridPost(mime)));
    }

    /// <summary>The mail as SendGrid's raw mode posts it, each time in a form with a fresh boundary.</summary>
    public static HttpRequestMessage SendGridPost(byte[] mime)
    {
        var form = new MultipartFormDataContent("sg-" + Guid.NewGuid().ToString("N"))
        {
            { new ByteArrayContent(mime), "email" },
            { new StringContent("kundeservice@example.no"), "to" },
            { new StringContent("""{"to":["kundeservice@example.no"]}"""), "envelope" },
        };
        return new HttpRequestMessage(HttpMethod.Post, "/api/inbound/sendgrid?key=local-inbound-secret") { Content = form };
    }

    public static byte[] Mime(string from, string messageId, string subject, string text) => Encoding.ASCII.GetBytes(
        $"Return-Path: <{from}>\r\nMessage-ID: {messageId}\r\nDate: Tue, 1 Dec 2026 08:41:10 +0100\r\nFrom: Pat Doe <{from}>\r\n"
        + $"To: Kundeservice <kundeservice@example.no>\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n"
        + $"Content-Type: text/plain; charset=us-ascii\r\n\r\nHei,\r\n\r\n{text}\r\n\r\nPat\r\n");

    static async Task<ClientOutcome> RetryAsync(string customer, Func<bool> connectionLossExpected, TimeSpan giveUpAfter, TimeSpan pause, HttpStatusCode success, Func<Task<HttpResponseMessage>> send)
    {
        var wrong = new List<string>();
        var attempts = 0;
        var unavailable = 0;
        var until = DateTime.UtcNow + giveUpAfter;
        while (DateTime.UtcNow < until)
        {
            attempts++;
            try
            {
                using var response = await send();
                if (response.StatusCode == success)
                {
                    return new ClientOutcome(customer, true, attempts, unavailable, wrong);
                }

                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null
                    && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
                {
                    unavailable++;
                }
                else
                {
                    wrong.Add($"{(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                if (!connectionLossExpected())
                {
                    wrong.Add(e.GetType().Name + ": " + e.Message);
                }
            }

            await Task.Delay(pause);
        }

        return new ClientOutcome(customer, false, attempts, unavailable, wrong);
    }

    static string Shorten(string text) => text.Length > 160 ? text[..160] : text;

    /// <summary>
    /// The acknowledgements each customer got (distinct mails, by our mail id: a second one is a second
    /// acknowledgement, a bug), and how many sends repeated a mail the stand-in already had (the same
    /// mail id again: the window the README names, which the log must account for).
    /// </summary>
    public static async Task<(Dictionary<string, int> AcknowledgementsByCustomer, int Doubled, DateTimeOffset? LastAcknowledgement)> MailFiguresAsync(HttpClient http, IReadOnlyCollection<string> customers)
    {
        ArgumentNullException.ThrowIfNull(http);
        var mail = await http.GetFromJsonAsync<List<SeenMail>>("/dev/mail", JsonSerializerOptions.Web) ?? [];
        var wanted = customers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var acks = mail.Where(m => m.To.Any(wanted.Contains) && m.Subject.Contains("[K-", StringComparison.Ordinal) && IsAcknowledgement(m)).ToList();
        var byCustomer = acks.GroupBy(m => m.To.First(wanted.Contains), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(m => m.MailId ?? m.Id).Distinct(StringComparer.Ordinal).Count(), StringComparer.OrdinalIgnoreCase);
        var doubled = mail.Where(m => m.MailId is not null).GroupBy(m => m.MailId + "|" + string.Join(",", m.To)).Sum(g => g.Count() - 1);
        return (byCustomer, doubled, acks.Count == 0 ? null : acks.Max(m => m.Time));
    }

    /// <summary>The mail ids the log says were sent again after an attempt that ended unseen.</summary>
    public static HashSet<string> ResentMailIds(IEnumerable<string> lines) =>
        lines.Select(l => ResentMail().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"Mail (\S+): an earlier attempt stopped while sending it")]
    private static partial System.Text.RegularExpressions.Regex ResentMail();

    static bool IsAcknowledgement(SeenMail m) =>
        m.Subject.StartsWith("Vi har mottatt", StringComparison.Ordinal) || m.Subject.StartsWith("We have received", StringComparison.Ordinal);

    /// <summary>Waits until every accepted customer has an acknowledgement, or the time is up.</summary>
    public static async Task<(Dictionary<string, int> AcknowledgementsByCustomer, int Doubled, DateTimeOffset? LastAcknowledgement)> WaitForAcknowledgementsAsync(HttpClient http, IReadOnlyCollection<string> accepted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var figures = await MailFiguresAsync(http, accepted);
            if (accepted.All(figures.AcknowledgementsByCustomer.ContainsKey) || DateTime.UtcNow > deadline)
            {
                // A little longer, so a second acknowledgement that is on its way is counted too.
                await Task.Delay(TimeSpan.FromSeconds(3));
                return await MailFiguresAsync(http, accepted);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
