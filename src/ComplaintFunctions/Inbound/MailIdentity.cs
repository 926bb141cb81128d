using System.Text;
using System.Text.RegularExpressions;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// What makes two deliveries the same mail: the Message-ID and the content that carries the mail.
/// For SendGrid's raw mode that is the <c>email</c> field (the whole MIME message); for parsed mode the
/// fields <c>from</c>, <c>to</c>, <c>cc</c>, <c>subject</c>, <c>text</c>, <c>html</c>, <c>charsets</c>
/// and every attachment's name and bytes. The form around them (its multipart boundary, field order,
/// SendGrid's envelope and spam fields) is left out, so a redelivery, posted with a new boundary, is
/// still recognised as the same mail.
/// </summary>
public static partial class MailIdentity
{
    static readonly string[] ParsedFields = ["from", "to", "cc", "subject", "text", "html", "charsets"];

    /// <summary>A whole MIME message (a forwarder's queue item).</summary>
    public static string OfMime(string? messageId, byte[] mime) => RawMailStore.IdentityOf(messageId, mime);

    /// <summary>A SendGrid Inbound Parse post, raw or parsed mode; a post that is not a readable form is identified by its bytes.</summary>
    public static async Task<string> OfSendGridPostAsync(byte[] body, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        SendGridInboundPost post;
        try
        {
            post = await SendGridInboundForm.ReadAsync(new MemoryStream(body, writable: false), contentType, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return RawMailStore.IdentityOf(null, body);
        }

        if (post.Fields.TryGetValue("email", out var mime))
        {
            return RawMailStore.IdentityOf(MessageIdIn(mime), mime);
        }

        return RawMailStore.IdentityOf(post.Fields.TryGetValue("headers", out var headers) ? MessageIdIn(headers) : null, ParsedContent(post));
    }

    // Length-prefixed, so no two different sets of fields give the same bytes.
    static byte[] ParsedContent(SendGridInboundPost post)
    {
        using var buffer = new MemoryStream();
        void Write(string label, ReadOnlySpan<byte> value)
        {
            buffer.Write(Encoding.UTF8.GetBytes($"{label}:{value.Length}:"));
            buffer.Write(value);
            buffer.WriteByte((byte)'\n');
        }

        foreach (var name in ParsedFields)
        {
            if (post.Fields.TryGetValue(name, out var value))
            {
                Write(name, value);
            }
        }

        foreach (var file in post.Files)
        {
            Write("attachment-name", Encoding.UTF8.GetBytes(file.FileName));
            Write("attachment", file.Content);
        }

        return buffer.ToArray();
    }

    // Looks only in the mail's own header block, never in quoted or attached mail.
    static string? MessageIdIn(byte[] block)
    {
        var text = Encoding.Latin1.GetString(block).Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var match = MessageIdHeader().Match(end >= 0 ? text[..end] : text);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^Message-ID:[ \t]*(<[^>\r\n]+>)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
