using ComplaintFunctions.Domain.Mail;

namespace ComplaintFunctions.Mail.Tests.Support;

/// <summary>Small mails built in code, for rules that do not need a whole MIME message.</summary>
public static class Mails
{
    public static InboundMail From(
        string address,
        string subject = "Hei",
        string text = "Hei",
        string? inReplyTo = null,
        IReadOnlyList<string>? references = null,
        string? html = null,
        string? returnPath = null,
        string contentType = "text/plain",
        params (string Name, string Value)[] headers) => new()
        {
            From = new InboundAddress(address, null),
            Subject = subject,
            TextBody = MailQuotes.NewText(text, subject),
            TextWithQuotes = text,
            HtmlBody = html,
            HtmlText = html,
            InReplyTo = inReplyTo,
            References = references ?? [],
            ReturnPath = returnPath,
            ContentType = contentType,
            Headers = new MailHeaders(headers.Select(h => new MailHeader(h.Name, h.Value))),
        };
}
