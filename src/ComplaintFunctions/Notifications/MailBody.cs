using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplaintFunctions.Notifications;

/// <summary>A mail written once as paragraphs and shown as plain text and as HTML, links clickable.</summary>
public sealed partial class MailBody
{
    readonly List<string> paragraphs = [];

    public MailBody Paragraph(string text)
    {
        paragraphs.Add(text);
        return this;
    }

    public string Text => string.Join("\n\n", paragraphs) + "\n";

    public string Html
    {
        get
        {
            var html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.4\">");
            foreach (var paragraph in paragraphs)
            {
                var encoded = WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal);
                html.Append("<p>").Append(Url().Replace(encoded, m => $"<a href=\"{m.Value}\">{m.Value}</a>")).Append("</p>");
            }

            return html.Append("</body></html>").ToString();
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
