using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplaintFunctions.Inbound;

/// <summary>What checking a post's SendGrid signature found.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>No signature or no timestamp header: not signed by SendGrid's security policy.</summary>
    Missing,

    /// <summary>A header that is not base64 or not a Unix time.</summary>
    Malformed,

    /// <summary>Signed, but not over these bytes with the configured key: changed on the way, or made by someone else.</summary>
    Mismatch,

    /// <summary>Signed too long ago (or in the future): a replayed post.</summary>
    Stale,
}

/// <summary>
/// SendGrid's signed webhooks (the Inbound Parse "security policy" with signature enabled): an ECDSA
/// P-256 signature with SHA-256 over the timestamp header's text followed by the raw body, DER-encoded
/// and base64 in one header, the Unix timestamp in another. The public key is the base64
/// SubjectPublicKeyInfo SendGrid returns when the policy is made (PEM armour is accepted too).
/// </summary>
public sealed class SendGridSignature : IDisposable
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    readonly ECDsa key;

    SendGridSignature(ECDsa key) => this.key = key;

    /// <summary>The verifier for a configured key, or why the key cannot be used.</summary>
    public static bool TryCreate(string publicKey, out SendGridSignature? verifier, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        verifier = null;
        var text = publicKey.Replace("-----BEGIN PUBLIC KEY-----", string.Empty, StringComparison.Ordinal)
            .Replace("-----END PUBLIC KEY-----", string.Empty, StringComparison.Ordinal);
        var der = new byte[text.Length];
        if (!Convert.TryFromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))), der, out var length))
        {
            problem = "Inbound:SendGridPublicKey is not base64.";
            return false;
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(der.AsSpan(0, length), out _);
            if (ecdsa.KeySize != 256)
            {
                problem = $"Inbound:SendGridPublicKey is a {ecdsa.KeySize}-bit curve; SendGrid signs with P-256.";
                ecdsa.Dispose();
                return false;
            }
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            problem = "Inbound:SendGridPublicKey is not an EC public key (SubjectPublicKeyInfo).";
            return false;
        }

        verifier = new SendGridSignature(ecdsa);
        problem = null;
        return true;
    }

    /// <summary>Whether <paramref name="body"/> carries a valid signature made within <paramref name="maxAge"/> of <paramref name="now"/>.</summary>
    public SignatureCheck Check(string? signature, string? timestamp, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxAge)
    {
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp))
        {
            return SignatureCheck.Missing;
        }

        timestamp = timestamp.Trim();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            return SignatureCheck.Malformed;
        }

        var der = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature.Trim(), der, out var derLength))
        {
            return SignatureCheck.Malformed;
        }

        var stamp = Encoding.ASCII.GetBytes(timestamp);
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(stamp.Length));
        bool verified;
        try
        {
            verified = key.VerifyData(signed, der.AsSpan(0, derLength), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            verified = false;
        }

        if (!verified)
        {
            return SignatureCheck.Mismatch;
        }

        // Checked after the signature, so a forged post is told "not ours" rather than "late".
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age > maxAge || age < -maxAge ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    public void Dispose() => key.Dispose();
}
