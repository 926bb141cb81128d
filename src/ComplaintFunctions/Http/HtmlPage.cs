using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Http;

/// <summary>The plain, script-free pages customers and staff see.</summary>
public static class HtmlPage
{
    /// <summary>
    /// A page: <paramref name="headerHtml"/> (a site's navigation) above the main landmark, which holds the
    /// one h1 and <paramref name="bodyHtml"/>, so assistive technology can jump past the one to the other.
    /// </summary>
    public static ContentResult Render(int status, string language, string title, string bodyHtml, string? headerHtml = null) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = $$"""
            <!doctype html>
            <html lang="{{Encode(language)}}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
            label{display:block;margin-top:1rem;font-weight:600} .error{color:#a00;font-weight:400} .hint{color:#555;font-weight:400}
            input,select,textarea{width:100%;padding:.4rem;font:inherit} button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit}
            .case{font-size:1.4rem;font-weight:700;letter-spacing:.05em}
            table{border-collapse:collapse;width:100%} td,th{border:1px solid #bbb;padding:.3rem;vertical-align:top;text-align:left}</style></head>
            <body>
            {{headerHtml}}<main>
            <h1>{{Encode(title)}}</h1>
            {{bodyHtml}}
            </main>
            </body></html>
            """,
    };

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>True when the caller is a browser that wants a page rather than JSON.</summary>
    public static bool Wanted(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
