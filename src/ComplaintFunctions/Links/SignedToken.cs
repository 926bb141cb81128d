using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComplaintFunctions.Links;

/// <summary>How a link token reads at a given moment.</summary>
public enum LinkTokenStatus
{
    Valid,
    /// <summary>The signature does not match: made or changed by someone without our key, signed by a retired key, or a token of another kind.</summary>
    Forged,
    /// <summary>Ours and intact, but past its expiry; the reading still says what it was for.</summary>
    Expired,
    /// <summary>Not a token at all: cut short, mangled by a mail client, or garbage.</summary>
    Malformed,
}

/// <summary>
/// The envelope action and view tokens share: <c>base64url(JSON payload) "." base64url(HMAC-SHA256)</c>,
/// the full 32-byte MAC, signed by <see cref="LinkSigner"/> under the kind's own purpose. The purpose
/// is part of what is signed, so a token of one kind never verifies as the other.
/// </summary>
static partial class SignedToken
{
    const int MacBytes = 32;
    const int MacChars = 43;

    /// <summary>Longer than any token we issue; anything longer is not read at all.</summary>
    public const int MaxLength = 600;

    /// <summary>A sign-in cookie's limit: names in any script and a few roles.</summary>
    public const int MaxSessionLength = 2_000;

    public static string Seal<T>(LinkSigner signer, string purpose, T payload)
    {
        var encoded = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return $"{encoded}.{signer.Sign(purpose, encoded, MacBytes)}";
    }

    /// <summary>The payload of a token that is ours and intact; otherwise why not (never <see cref="LinkTokenStatus.Expired"/>: expiry is the kind's to judge).</summary>
    public static LinkTokenStatus Open<T>(LinkSigner signer, string purpose, string? token, out T? payload)
        where T : class => Open(signer, purpose, token, out payload, MaxLength);

    public static LinkTokenStatus Open<T>(LinkSigner signer, string purpose, string? token, out T? payload, int maxLength)
        where T : class
    {
        payload = null;
        if (string.IsNullOrEmpty(token) || token.Length > maxLength)
        {
            return LinkTokenStatus.Malformed;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 1 || dot != token.LastIndexOf('.') || token.Length - dot - 1 != MacChars)
        {
            return LinkTokenStatus.Malformed;
        }

        var encoded = token[..dot];
        var signature = token[(dot + 1)..];
        if (!Base64Url.IsValid(encoded) || !Base64Url.IsValid(signature))
        {
            return LinkTokenStatus.Malformed;
        }

        if (!signer.Verify(purpose, encoded, signature, MacBytes))
        {
            return LinkTokenStatus.Forged;
        }

        try
        {
            payload = JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(encoded));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return LinkTokenStatus.Malformed;
        }

        return payload is null ? LinkTokenStatus.Malformed : LinkTokenStatus.Valid;
    }

    /// <summary>A name a payload may carry: short, lower case, no spaces, so no e-mail address or secret fits.</summary>
    public static bool IsName(string? value) => value is not null && NamePattern().IsMatch(value);

    public static void CheckName(string? value, string parameter)
    {
        if (!IsName(value))
        {
            throw new ArgumentException($"'{value}' must be 1 to 64 characters of a-z, 0-9, '-', '_', '.', ':' (no e-mail addresses or secrets: the payload is readable).", parameter);
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_.:-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
