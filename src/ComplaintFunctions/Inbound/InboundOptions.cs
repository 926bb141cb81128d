namespace ComplaintFunctions.Inbound;

/// <summary>Mail in (section <c>Inbound</c>).</summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>
    /// The secret SendGrid must present: as <c>?key=</c> in the Inbound Parse URL, or as the password
    /// of basic auth (<c>https://user:secret@host/api/inbound/sendgrid</c>). Without it the endpoint refuses all posts.
    /// </summary>
    public string? SendGridSecret { get; set; }

    /// <summary>
    /// SendGrid's public key for signed Inbound Parse posts (the <c>signature.public_key</c> of the parse
    /// webhook's security policy, base64). When set, only posts with a valid signature are taken and the
    /// shared secret is no longer enough.
    /// </summary>
    public string? SendGridPublicKey { get; set; }

    /// <summary>How far a signed post's timestamp may be from now, either way (SendGrid signs each delivery when it sends it).</summary>
    public int SignatureMaxAgeSeconds { get; set; } = 600;

    /// <summary>SendGrid posts at most 30 MB; anything larger is refused with 413.</summary>
    public long MaxPostBytes { get; set; } = 30L * 1024 * 1024;

    public int MaxAttachments { get; set; } = 10;

    public long MaxAttachmentBytes { get; set; } = 15L * 1024 * 1024;

    /// <summary>At most this many automatic mails to one address per day, so two auto-responders never loop.</summary>
    public int MaxAutomaticMailsPerAddressPerDay { get; set; } = 10;
}
