using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Http;

/// <summary>The plain, script-free pages customers and staff see, in the frame of <c>Templates/layout.liquid</c>.</summary>
public static class HtmlPage
{
    /// <summary>
    /// A page: <paramref name="headerHtml"/> (a site's navigation) above the main landmark, which holds the
    /// one h1 and <paramref name="bodyHtml"/>, so assistive technology can jump past the one to the other.
    /// Both are markup already: made by a template, or encoded by the caller.
    /// </summary>
    public static ContentResult Render(int status, string language, string title, string bodyHtml, string? headerHtml = null) =>
        Frame(status, language, title, bodyHtml, headerHtml, console: false);

    /// <summary>A page whose body is the template <paramref name="template"/> (a name under <c>Templates/</c>) made of <paramref name="model"/>.</summary>
    public static ContentResult FromTemplate(int status, string language, string title, string template, IPageModel model) =>
        Render(status, language, title, PageTemplates.Render(template, model));

    /// <summary>A page that only says one thing: <paramref name="text"/> in a paragraph with the id tests and people look for.</summary>
    public static ContentResult Message(int status, string language, string title, string text, string id = "message") =>
        FromTemplate(status, language, title, "message", new MessageModel(id, text));

    /// <param name="console">The staff console's wider frame and its own styles.</param>
    internal static ContentResult Frame(int status, string language, string title, string bodyHtml, string? headerHtml, bool console) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = PageTemplates.Render("layout", new FrameModel(language, title, bodyHtml, headerHtml ?? string.Empty, console)),
    };

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>True when the caller is a browser that wants a page rather than JSON.</summary>
    public static bool Wanted(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    sealed record FrameModel(string Language, string Title, string Body, string Header, bool Console) : IPageModel;

    sealed record MessageModel(string Id, string Text) : IPageModel;
}
