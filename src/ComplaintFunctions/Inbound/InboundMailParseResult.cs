using System.Diagnostics.CodeAnalysis;
using ComplaintFunctions.Domain.Mail;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// A parsed mail, or why it could not be read (such mail is kept for a person, never answered).
/// Warnings name what was odd but readable, e.g. a missing Message-ID or a wrong charset label.
/// </summary>
public sealed record InboundMailParseResult(InboundMail? Mail, string? Failure, IReadOnlyList<string> Warnings)
{
    [MemberNotNullWhen(true, nameof(Mail))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Mail is not null;

    public static InboundMailParseResult Parsed(InboundMail mail, IReadOnlyList<string>? warnings = null) =>
        new(mail ?? throw new ArgumentNullException(nameof(mail)), null, warnings ?? []);

    public static InboundMailParseResult Failed(string reason, IReadOnlyList<string>? warnings = null) =>
        new(null, reason, warnings ?? []);
}

/// <summary>A file SendGrid Inbound Parse posted: form field name (<c>attachment1</c>...), file name, media type and bytes.</summary>
public sealed record SendGridFile(string Name, string FileName, string ContentType, byte[] Content);

/// <summary>What SendGrid Inbound Parse posted: each form field's bytes as sent (in the charset <c>charsets</c> names) and the files.</summary>
public sealed record SendGridInboundPost(IReadOnlyDictionary<string, byte[]> Fields, IReadOnlyList<SendGridFile> Files);
