namespace ComplaintFunctions.Domain.Mail;

/// <summary>A mailbox as written in a header: the address and, if given, the person's name.</summary>
public sealed record InboundAddress(string Address, string? Name)
{
    /// <summary>The address trimmed and lower-cased, for comparing senders with a case's customer.</summary>
    public string Normalized => Normalize(Address);

    public override string ToString() => string.IsNullOrWhiteSpace(Name) ? Address : $"{Name} <{Address}>";

    /// <summary>Addresses compare without case and surrounding spaces or angle brackets.</summary>
    public static string Normalize(string? address) =>
        (address ?? string.Empty).Trim().Trim('<', '>').Trim().ToLowerInvariant();

    public static bool SameAddress(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && Normalize(a) == Normalize(b);
}

/// <summary>One header line as the mail carried it, value decoded and unfolded.</summary>
public sealed record MailHeader(string Name, string Value);

/// <summary>The headers of a mail, looked up by name without regard to case.</summary>
public sealed class MailHeaders
{
    readonly IReadOnlyList<MailHeader> all;

    public MailHeaders(IEnumerable<MailHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        all = [.. headers];
    }

    public static MailHeaders Empty { get; } = new([]);

    /// <summary>Every header in the order the mail carried them.</summary>
    public IReadOnlyList<MailHeader> All => all;

    public int Count => all.Count;

    /// <summary>The first value of the header, or null when the mail does not carry it.</summary>
    public string? this[string name] => all.FirstOrDefault(h => Is(h, name))?.Value;

    public bool Contains(string name) => all.Any(h => Is(h, name));

    /// <summary>Every value of the header, first first (e.g. all Received lines).</summary>
    public IReadOnlyList<string> Values(string name) => [.. all.Where(h => Is(h, name)).Select(h => h.Value)];

    static bool Is(MailHeader header, string name) => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A file that came with a mail. The bytes are held in memory (SendGrid posts at most 30 MB),
/// ready to be written to Blob storage with <see cref="OpenRead"/>.
/// </summary>
public sealed class InboundAttachment
{
    readonly byte[] content;

    public InboundAttachment(string fileName, string contentType, byte[] content, string? contentId = null, bool isInline = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        FileName = fileName;
        ContentType = contentType;
        ContentId = contentId;
        IsInline = isInline;
        this.content = content;
    }

    /// <summary>The file name without any folder part; never empty.</summary>
    public string FileName { get; }

    /// <summary>The media type, e.g. <c>application/pdf</c>.</summary>
    public string ContentType { get; }

    public long Size => content.LongLength;

    /// <summary>The Content-ID an HTML body refers to (inline images), without angle brackets.</summary>
    public string? ContentId { get; }

    /// <summary>Shown inside the body (e.g. a pasted screenshot) rather than attached.</summary>
    public bool IsInline { get; }

    public ReadOnlyMemory<byte> Content => content;

    /// <summary>A read-only stream over the bytes; each call gives a new stream.</summary>
    public Stream OpenRead() => new MemoryStream(content, writable: false);

    public byte[] ToArray() => (byte[])content.Clone();

    public override string ToString() => $"{FileName} ({ContentType}, {Size} bytes)";
}

/// <summary>How the mail reached us.</summary>
public enum InboundSource
{
    /// <summary>A whole MIME message (a file, or SendGrid Inbound Parse in raw mode).</summary>
    RawMime,
    /// <summary>SendGrid Inbound Parse in its default mode: fields already split out by SendGrid.</summary>
    SendGridParsed,
}

/// <summary>
/// A customer's mail as the intake reads it, independent of how it arrived. Message-IDs are
/// kept without angle brackets.
/// </summary>
public sealed record InboundMail
{
    public string? MessageId { get; init; }

    public required InboundAddress From { get; init; }

    public IReadOnlyList<InboundAddress> To { get; init; } = [];

    public IReadOnlyList<InboundAddress> Cc { get; init; } = [];

    public IReadOnlyList<InboundAddress> ReplyTo { get; init; } = [];

    public string Subject { get; init; } = string.Empty;

    public DateTimeOffset? Date { get; init; }

    /// <summary>What the sender wrote this time: the plain text with quoted earlier mail cut off.</summary>
    public string TextBody { get; init; } = string.Empty;

    /// <summary>The whole plain text, quoted earlier mail kept (where case tokens of a reply live).</summary>
    public string TextWithQuotes { get; init; } = string.Empty;

    /// <summary>The HTML body as sent, or null when the mail has none.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>The HTML body read as plain text (quotes kept), or null when the mail has no HTML.</summary>
    public string? HtmlText { get; init; }

    public string? InReplyTo { get; init; }

    /// <summary>The References header's Message-IDs, oldest first.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The Return-Path: null when absent, empty when it is <c>&lt;&gt;</c> (a bounce).</summary>
    public string? ReturnPath { get; init; }

    /// <summary>The top-level media type in lower case, e.g. <c>multipart/report</c>.</summary>
    public string ContentType { get; init; } = "text/plain";

    public MailHeaders Headers { get; init; } = MailHeaders.Empty;

    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];

    /// <summary>The SMTP envelope's recipients when the relay told us (SendGrid's <c>envelope</c>).</summary>
    public IReadOnlyList<string> EnvelopeTo { get; init; } = [];

    /// <summary>The SMTP envelope's sender when the relay told us; empty for bounces.</summary>
    public string? EnvelopeFrom { get; init; }

    public InboundSource Source { get; init; } = InboundSource.RawMime;
}
