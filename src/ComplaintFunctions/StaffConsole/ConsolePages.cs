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

    public static ContentResult Render(int status, string title, StaffPerson? person, string bodyHtml)
    {
        var header = new StringBuilder("<header class=\"bar\"><nav aria-label=\"Console\"><a href=\"").Append(Home).Append("\">Worklist</a> · <a href=\"").Append(Home).Append("/review\">Mails to review</a>");
        if (person is not null)
        {
            header.Append(" · <span id=\"signed-in\">").Append(E(person.Name)).Append(" (").Append(E(string.Join(", ", person.Roles.Select(RoleName)))).Append(")</span>")
                .Append(" · <a href=\"/api/console/sign-out\">Sign out</a>");
        }

        header.Append("</nav></header>");
        var page = HtmlPage.Render(status, "en", title, bodyHtml, header.ToString());
        page.Content = page.Content!.Replace("max-width:42rem", "max-width:72rem", StringComparison.Ordinal)
            .Replace("</style>", ConsoleStyle + "</style>", StringComparison.Ordinal);
        return page;
    }

    public static ContentResult Message(int status, string title, string text, bool signInLink = false, StaffPerson? person = null) =>
        Render(status, title, person, $"<p id=\"message\">{E(text)}</p>{(signInLink ? "<p><a href=\"/api/console/sign-in\">Sign in</a></p>" : string.Empty)}");

    public static ContentResult NotSetUp() => Message(
        StatusCodes.Status503ServiceUnavailable,
        "The console's sign-in is not set up",
        "Console:Authority and Console:ClientId are not set, so nobody can sign in. In Azure they name the Entra ID tenant and the console's app registration (see the README).");

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

    public static string RoleName(string role) => role switch
    {
        "agent" => "agent",
        "team-lead" => "team lead",
        "ombudsman" => "customer ombudsman",
        "dispute-contact" => "dispute contact",
        "management" => "management",
        _ => role,
    };

    /// <summary>An instant as staff read it: in the pipeline's time zone (<c>Pipeline:TimeZone</c>), to the minute.</summary>
    public static string Local(DateTimeOffset at, string timeZoneId)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            zone = TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
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
