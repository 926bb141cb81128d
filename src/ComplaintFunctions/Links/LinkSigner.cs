using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Links;

/// <summary>
/// HMAC-SHA256 signatures for what our mails carry (status links, action links, view links, Message-IDs).
/// The current key signs; the previous key still verifies during its grace period, so a key
/// rotation never breaks the links customers already have.
/// </summary>
public sealed class LinkSigner
{
    readonly byte[] currentKey;
    readonly byte[]? previousKey;
    readonly DateTimeOffset previousValidUntil;
    readonly TimeProvider time;

    public LinkSigner(IOptions<LinkSigningOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SigningKey) || o.SigningKey.Length < 32)
        {
            throw new InvalidOperationException("Links:SigningKey must be set to a secret of at least 32 characters (Links__SigningKey in app settings).");
        }

        currentKey = Encoding.UTF8.GetBytes(o.SigningKey);
        previousKey = string.IsNullOrWhiteSpace(o.PreviousSigningKey) ? null : Encoding.UTF8.GetBytes(o.PreviousSigningKey);
        previousValidUntil = o.PreviousKeyValidUntil ?? DateTimeOffset.MaxValue;
        this.time = time;
    }

    /// <summary>A URL-safe signature of <paramref name="purpose"/> and <paramref name="payload"/> with the current key.</summary>
    public string Sign(string purpose, string payload, int bytes = 16) => Mac(currentKey, purpose, payload, bytes);

    public bool Verify(string purpose, string payload, string? signature, int bytes = 16)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        if (Matches(currentKey))
        {
            return true;
        }

        return previousKey is not null && time.GetUtcNow() <= previousValidUntil && Matches(previousKey);

        bool Matches(byte[] key) => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Mac(key, purpose, payload, bytes)),
            Encoding.ASCII.GetBytes(signature));
    }

    static string Mac(byte[] key, string purpose, string payload, int bytes)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}\n{payload}"));
        return Base64Url(mac.AsSpan(0, bytes));
    }

    internal static string Base64Url(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
