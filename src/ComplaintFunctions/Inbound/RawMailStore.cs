using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Inbound;

/// <summary>How a stored mail was delivered, so it is read back the same way.</summary>
public enum RawMailFormat
{
    /// <summary>A whole MIME message.</summary>
    Mime,
    /// <summary>SendGrid Inbound Parse's multipart/form-data post, as posted.</summary>
    SendGridForm,
}

/// <summary>The queue item that points at a stored mail: small, whatever the mail's size.</summary>
public sealed record StoredMailReference(string RawMailBlob, RawMailFormat Format, string? ContentType)
{
    /// <summary>The mail's identity, as its stored copy is named.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string IdentityHash => RawMailBlob[(RawMailBlob.LastIndexOf('/') + 1)..];

    public string ToQueueMessage() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    /// <summary>Null when the queue item is not a reference (it is then raw MIME from a forwarder).</summary>
    public static StoredMailReference? TryRead(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.AsSpan().StartsWith("{\"rawMailBlob\""u8))
        {
            return null;
        }

        return JsonSerializer.Deserialize<StoredMailReference>(message, JsonSerializerOptions.Web);
    }
}

/// <summary>A stored mail as it arrived, with the content type it was stored with.</summary>
public sealed record StoredMail(byte[] Content, string? ContentType);

/// <summary>
/// Keeps every mail as it arrived in Blob storage before anything parses it. The blob name comes
/// from the mail's identity (Message-ID with a hash of the mail's content, or the hash alone when it
/// has none), so a mail delivered three times is stored once, and two different mails that share a
/// Message-ID are both kept. Each blob carries its own content type (for a SendGrid post, the
/// multipart boundary of that post): the stored copy is read with it, never with a later post's.
/// </summary>
public sealed class RawMailStore(AppBlobs blobs)
{
    public async Task<StoredMailReference> StoreAsync(string identity, byte[] content, RawMailFormat format, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var container = await blobs.GetAsync(ContainerNames.RawMail);
        var name = $"{(format == RawMailFormat.Mime ? "mime" : "sendgrid")}/{IdentityHash(identity)}";
        var blob = container.GetBlobClient(name);
        var type = contentType ?? "message/rfc822";
        try
        {
            await blob.UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    Metadata = new Dictionary<string, string> { ["format"] = format.ToString() },
                    HttpHeaders = new BlobHttpHeaders { ContentType = type },
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Delivered before: the first copy stays, and so does the content type it is read with
            // (a redelivered SendGrid post has another multipart boundary).
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            type = properties.Value.ContentType is { Length: > 0 } stored ? stored : type;
        }

        return new StoredMailReference(name, format, type);
    }

    /// <summary>The stored bytes and the content type stored with them (the reference's only for a blob that has none).</summary>
    public async Task<StoredMail> ReadAsync(StoredMailReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var container = await blobs.GetAsync(ContainerNames.RawMail);
        var content = await container.GetBlobClient(reference.RawMailBlob).DownloadContentAsync(cancellationToken);
        var stored = content.Value.Details.ContentType;
        return new StoredMail(content.Value.Content.ToArray(), string.IsNullOrEmpty(stored) ? reference.ContentType : stored);
    }

    /// <summary>A short, storage-safe name for a mail's identity.</summary>
    public static string IdentityHash(string identity) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..40].ToLowerInvariant();

    /// <summary>
    /// A mail's identity: its Message-ID (when it has one) and a hash of <paramref name="content"/>, the
    /// bytes that carry the mail (the whole MIME message, or SendGrid's parsed fields, see
    /// <see cref="MailIdentity"/>). A redelivery has both the same; another mail with the same Message-ID does not.
    /// </summary>
    public static string IdentityOf(string? messageId, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = "sha256:" + Convert.ToHexString(SHA256.HashData(content));
        return string.IsNullOrWhiteSpace(messageId) ? hash : "mid:" + messageId.Trim().Trim('<', '>') + "|" + hash;
    }
}
