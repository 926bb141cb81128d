using System.Net;
using System.Text;
using ComplaintFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.StaffConsole;

/// <summary>The console's frame: who is signed in, the way back to the worklist, and its plain, script-free pages.</summary>
public static class ConsolePages
{
    public const string Home = "/api/console";

    public static ContentResult Render(int status, string title, StaffPerson? person, string bodyHtml, ConsoleTexts t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var header = new StringBuilder("<header class=\"bar\"><nav aria-label=\"").Append(E(t.ConsoleNav)).Append("\"><a href=\"").Append(Home).Append("\">").Append(E(t.Worklist)).Append("</a> · <a href=\"").Append(Home).Append("/review\">").Append(E(t.MailsToReview)).Append("</a>");
        if (person is not null && CaseAccess.HandlesPersonalData(person))
        {
            header.Append(" · <a href=\"").Append(Home).Append("/privacy\">").Append(E(t.PrivacyNav)).Append("</a>");
        }

        if (person is not null)
        {
            header.Append(" · <span id=\"signed-in\">").Append(E(person.Name)).Append(" (").Append(E(string.Join(", ", person.Roles.Select(t.RoleName)))).Append(")</span>")
                .Append(" · <a href=\"/api/console/sign-out\">").Append(E(t.SignOut)).Append("</a>");
        }

        header.Append("</nav></header>");
        var page = HtmlPage.Render(status, t.Language, title, bodyHtml, header.ToString());
        page.Content = page.Content!.Replace("max-width:42rem", "max-width:72rem", StringComparison.Ordinal)
            .Replace("</style>", ConsoleStyle + "</style>", StringComparison.Ordinal);
        return page;
    }

    public static ContentResult Message(ConsoleTexts t, int status, string title, string text, bool signInLink = false, StaffPerson? person = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Render(status, title, person, $"<p id=\"message\">{E(text)}</p>{(signInLink ? $"<p><a href=\"/api/console/sign-in\">{E(t.SignIn)}</a></p>" : string.Empty)}", t);
    }

    public static ContentResult NotSetUp(ConsoleTexts t) => Message(t, StatusCodes.Status503ServiceUnavailable, t.NotSetUpTitle, t.NotSetUp);

    /// <summary>Fills a text's <c>{name}</c> placeholders.</summary>
    public static string F(string text, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Where a sign-in may send the browser afterwards: only back into the console, never to another site.</summary>
    public static string SafeReturnPath(string? path) =>
        path is { Length: > 0 and < 512 } p && p.StartsWith(Home, StringComparison.Ordinal) && !p.Contains("//", StringComparison.Ordinal) && !p.Contains('\\', StringComparison.Ordinal)
            ? p
            : Home;

    /// <summary>Not signed in: off to sign in, and back here afterwards.</summary>
    public static IActionResult SignInFirst(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var back = SafeReturnPath(request.Path.Value + request.QueryString.Value);
        return new RedirectResult($"/api/console/sign-in?return={Uri.EscapeDataString(back)}", permanent: false);
    }

    /// <summary>An instant as staff read it: in the pipeline's time zone (<c>Pipeline:TimeZone</c>), to the minute.</summary>
    public static string Local(DateTimeOffset at, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(at, Zone(timeZoneId)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The staff's time zone; an unknown one shows UTC rather than failing the page (the settings check reports it).</summary>
    public static TimeZoneInfo Zone(string timeZoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    // Contrast: every colour on white is at least 4.5:1.
    const string ConsoleStyle = """
        .bar{border-bottom:1px solid #767676;padding:.3rem 0;margin-bottom:1rem} .overdue{color:#9b0000;font-weight:700}
        .note{background:#fff8d6;border-left:4px solid #8a6d00;padding:.4rem .8rem} .ours{border-left:4px solid #1f5fa8;padding:.4rem .8rem}
        .theirs{border-left:4px solid #2e6b30;padding:.4rem .8rem} .thread article{margin:.8rem 0} .meta{color:#555;font-size:.9rem}
        details{margin:.6rem 0} summary{cursor:pointer;font-weight:600} .done{background:#e6f4e6;padding:.4rem .8rem}
        form.inline{display:inline} form.inline button{margin-top:0} .filters input,.filters select{width:auto}
        """;
}
