using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Inbound;

/// <summary>How a post to the Inbound Parse endpoint proved it came from our SendGrid account.</summary>
public enum SendGridPostVerdict
{
    Accepted,

    /// <summary>Not proven: answered 401, SendGrid (or whoever it was) is told why.</summary>
    Refused,

    /// <summary>The configured public key cannot be read: answered 503 so SendGrid keeps the mail and retries while someone fixes the setting.</summary>
    Misconfigured,
}

/// <summary>The verdict on one post, with the sentence the 401 gives.</summary>
public sealed record SendGridPostResult(SendGridPostVerdict Verdict, string? Reason = null);

/// <summary>
/// Who may post mail: with <c>Inbound:SendGridPublicKey</c> set, only posts that carry SendGrid's valid,
/// fresh signature (the shared secret is then not consulted, so knowing it is not enough); without it,
/// the shared secret (<c>?key=</c> or basic auth) as before.
/// </summary>
public sealed class SendGridPostCheck : IDisposable
{
    readonly InboundOptions options;
    readonly TimeProvider time;
    readonly SendGridSignature? signature;
    readonly string? keyProblem;

    public SendGridPostCheck(IOptions<InboundOptions> options, TimeProvider time, ILogger<SendGridPostCheck> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.time = time;
        if (!string.IsNullOrWhiteSpace(this.options.SendGridPublicKey)
            && !SendGridSignature.TryCreate(this.options.SendGridPublicKey, out signature, out keyProblem))
        {
            logger.LogError("Inbound mail is refused with 503 until the setting is fixed: {Problem}", keyProblem);
        }
    }

    /// <summary>Whether posts are checked by signature (then the body is needed first).</summary>
    public bool BySignature => !string.IsNullOrWhiteSpace(options.SendGridPublicKey);

    /// <summary>The shared-secret check, before anything is read.</summary>
    public SendGridPostResult CheckSecret(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SecretMatches(request, options.SendGridSecret)
            ? new(SendGridPostVerdict.Accepted)
            : new(SendGridPostVerdict.Refused, "Give the secret as ?key= or as the basic-auth password.");
    }

    /// <summary>The signature check, over the body exactly as it came.</summary>
    public SendGridPostResult CheckSignature(HttpRequest request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (signature is null)
        {
            return new(SendGridPostVerdict.Misconfigured, keyProblem);
        }

        var found = signature.Check(
            request.Headers[SendGridSignature.SignatureHeader].ToString(),
            request.Headers[SendGridSignature.TimestampHeader].ToString(),
            body,
            time.GetUtcNow(),
            TimeSpan.FromSeconds(options.SignatureMaxAgeSeconds));
        return found switch
        {
            SignatureCheck.Valid => new(SendGridPostVerdict.Accepted),
            SignatureCheck.Missing => new(SendGridPostVerdict.Refused, $"This endpoint takes only signed posts: {SendGridSignature.SignatureHeader} and {SendGridSignature.TimestampHeader} are required."),
            SignatureCheck.Malformed => new(SendGridPostVerdict.Refused, "The signature must be base64 and the timestamp a Unix time in seconds."),
            SignatureCheck.Stale => new(SendGridPostVerdict.Refused, $"The signature is more than {options.SignatureMaxAgeSeconds} seconds from now; a post is signed when it is sent."),
            _ => new(SendGridPostVerdict.Refused, "The signature does not match this post and the configured SendGrid key."),
        };
    }

    static bool SecretMatches(HttpRequest request, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var given = request.Query["key"].ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (given.Length == 0 && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                given = pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..];
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    public void Dispose() => signature?.Dispose();
}
