using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Links;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// Checks the signature in our Message-IDs (<c>{mailId}.{caseDigits}.{signature}@{domain}</c>,
/// made by MailSender.MessageIdFor), so a reply's In-Reply-To or References can be trusted.
/// </summary>
public static class SignedMessageIds
{
    public const string Purpose = "message-id";

    /// <summary>The signature length MailSender uses (9 bytes, 12 URL-safe characters).</summary>
    public const int SignatureBytes = 9;

    /// <summary>Whether the Message-ID's local part (left of the <c>@</c>) carries our valid signature.</summary>
    public static bool VerifyLocalPart(LinkSigner signer, string? localPart)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return OurMessageId.TryParseLocalPart(localPart, string.Empty, out var id)
            && signer.Verify(Purpose, id.SignedPayload, id.Signature, SignatureBytes);
    }

    /// <summary>A finder that trusts Message-IDs signed by <paramref name="signer"/> on <paramref name="messageIdDomain"/> (any domain when null).</summary>
    public static CaseReferenceFinder Finder(LinkSigner signer, string? messageIdDomain)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return new CaseReferenceFinder(local => VerifyLocalPart(signer, local), messageIdDomain);
    }
}
