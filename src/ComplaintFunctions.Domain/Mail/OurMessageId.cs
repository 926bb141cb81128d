using System.Diagnostics.CodeAnalysis;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Mail;

/// <summary>
/// The parts of a Message-ID in the shape our mails carry:
/// <c>&lt;{mailId}.{caseDigits}.{signature}@{domain}&gt;</c>. The shape alone proves nothing;
/// only a verified signature says we sent it.
/// </summary>
public readonly record struct OurMessageId(string MailId, CaseNumber CaseNumber, string Signature, string Domain)
{
    /// <summary>What the signature covers: <c>{mailId}.{caseDigits}</c>.</summary>
    public string SignedPayload => $"{MailId}.{CaseNumber.Digits}";

    /// <summary>The part left of the <c>@</c>: <c>{mailId}.{caseDigits}.{signature}</c>.</summary>
    public string LocalPart => $"{SignedPayload}.{Signature}";

    public override string ToString() => $"{LocalPart}@{Domain}";

    /// <summary>Reads a Message-ID with or without angle brackets; false when it is not in our shape.</summary>
    public static bool TryParse([NotNullWhen(true)] string? messageId, out OurMessageId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(messageId) || messageId.Length > 500)
        {
            return false;
        }

        var text = messageId.Trim().TrimStart('<').TrimEnd('>').Trim();
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return false;
        }

        return TryParseLocalPart(text[..at], text[(at + 1)..], out id);
    }

    /// <summary>Reads the part left of the <c>@</c>; <paramref name="domain"/> is carried along as given.</summary>
    public static bool TryParseLocalPart(string? localPart, string domain, out OurMessageId id)
    {
        id = default;
        if (string.IsNullOrEmpty(localPart))
        {
            return false;
        }

        var lastDot = localPart.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return false;
        }

        var signature = localPart[(lastDot + 1)..];
        var payload = localPart[..lastDot];
        var digitsDot = payload.LastIndexOf('.');
        if (digitsDot <= 0 || signature.Length == 0 || !signature.All(IsBase64UrlChar))
        {
            return false;
        }

        var digits = payload[(digitsDot + 1)..];
        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit) || !CaseNumber.TryParse(digits, out var caseNumber))
        {
            return false;
        }

        id = new OurMessageId(payload[..digitsDot], caseNumber, signature, domain);
        return true;
    }

    static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
