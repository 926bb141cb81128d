using ComplaintFunctions.Links;
using System.Net;
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
        var reports = person is not null && Reports.ReportFunctions.MayRead(person)
            ? Reports.ReportTexts.For(t.Language).Reports
            : null;
        var privacy = person is not null && CaseAccess.HandlesPersonalData(person) ? t.PrivacyNav : null;
        var header = PageTemplates.Render("console/header", new HeaderModel(
            t.ConsoleNav, Home, t.Worklist, t.MailsToReview, person?.Name, person is null ? null : string.Join(", ", person.Roles.Select(t.RoleName)), t.SignOut, reports, Reports.ReportFunctions.Path, privacy));
        return HtmlPage.Frame(status, t.Language, title, bodyHtml, header, console: true);
    }

    /// <summary>A console page whose body is the template <paramref name="template"/> made of <paramref name="model"/>.</summary>
    public static ContentResult FromTemplate(int status, string title, StaffPerson? person, string template, IPageModel model, ConsoleTexts t) =>
        Render(status, title, person, PageTemplates.Render(template, model), t);

    public static ContentResult Message(ConsoleTexts t, int status, string title, string text, bool signInLink = false, StaffPerson? person = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        return FromTemplate(status, title, person, "console/message", new MessageModel(text, signInLink ? t.SignIn : null), t);
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

    /// <param name="SignIn">The sign-in link's words, when the page offers one.</param>
    sealed record MessageModel(string Text, string? SignIn) : IPageModel;

    /// <param name="Reports">The reports link's words, for the roles that may read them; null hides it.</param>
    sealed record HeaderModel(string NavLabel, string Home, string Worklist, string MailsToReview, string? Person, string? Roles, string SignOut, string? Reports, string ReportsPath, string? Privacy) : IPageModel;
}
