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

/// <summary>
/// Keeps every mail as it arrived in Blob storage before anything parses it. The blob name comes
/// from the mail's identity (Message-ID, or the bytes when it has none), so a mail delivered three
/// times is stored once.
/// </summary>
public sealed class RawMailStore(AppBlobs blobs)
{
    public async Task<StoredMailReference> StoreAsync(string identity, byte[] content, RawMailFormat format, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var container = await blobs.GetAsync(ContainerNames.RawMail);
        var name = $"{(format == RawMailFormat.Mime ? "mime" : "sendgrid")}/{IdentityHash(identity)}";
        try
        {
            await container.GetBlobClient(name).UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    Metadata = new Dictionary<string, string> { ["format"] = format.ToString() },
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType ?? "message/rfc822" },
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Delivered before: the first copy stays.
        }

        return new StoredMailReference(name, format, contentType);
    }

    public async Task<byte[]> ReadAsync(StoredMailReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var container = await blobs.GetAsync(ContainerNames.RawMail);
        var content = await container.GetBlobClient(reference.RawMailBlob).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToArray();
    }

    /// <summary>A short, storage-safe name for a mail's identity.</summary>
    public static string IdentityHash(string identity) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..40].ToLowerInvariant();

    public static string IdentityOf(string? messageId, byte[] content) =>
        string.IsNullOrWhiteSpace(messageId) ? "sha256:" + Convert.ToHexString(SHA256.HashData(content)) : "mid:" + messageId.Trim().Trim('<', '>');
}
