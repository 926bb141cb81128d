using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Links;

/// <summary>Who a link is for. (The steps a link can act on are <c>Workflow.CaseInputKinds</c>.)</summary>
public static class ActionRoles
{
    public const string Agent = "agent";
    public const string TeamLead = "team-lead";
    public const string Customer = "customer";
    public const string Ombudsman = "ombudsman";
    public const string DisputeContact = "dispute-contact";
    public const string Management = "management";
}

/// <summary>What an action link allows: one step of one case, for one person or role, until it expires, once.</summary>
/// <param name="Role">A role (<c>agent</c>, <c>customer</c>) or an opaque person id such as <c>agent:ola</c>; never an e-mail address or a secret.</param>
/// <param name="ActionId">Unique per link; the one-time-use store is keyed by it.</param>
public sealed record ActionLink(CaseNumber CaseNumber, string Step, string Role, DateTimeOffset ExpiresAt, Guid ActionId);

public enum ActionTokenStatus
{
    Valid,
    /// <summary>The signature does not match: made or changed by someone without our key (or signed by a retired key).</summary>
    Forged,
    /// <summary>Ours and intact, but past its expiry; <see cref="ActionTokenReading.Link"/> says what it was for.</summary>
    Expired,
    /// <summary>Not a token at all: cut short, mangled by a mail client, or garbage.</summary>
    Malformed,
}

public sealed record ActionTokenReading(ActionTokenStatus Status, ActionLink? Link)
{
    [MemberNotNullWhen(true, nameof(Link))]
    public bool IsValid => Status == ActionTokenStatus.Valid && Link is not null;

    internal static ActionTokenReading Forged { get; } = new(ActionTokenStatus.Forged, null);

    internal static ActionTokenReading Malformed { get; } = new(ActionTokenStatus.Malformed, null);
}

/// <summary>
/// The tokens in action links: <c>base64url(JSON payload) "." base64url(HMAC-SHA256)</c>, signed
/// by <see cref="LinkSigner"/> with purpose <c>action</c> and the full 32-byte MAC. The payload
/// names the case, step, role, expiry (whole seconds) and a unique action id; it carries no secret,
/// since anyone holding the link can read it. Rotation is the signer's: a token signed with the
/// previous key verifies until that key's grace period ends. A valid token only says the link is
/// ours and current; that it is used once is <see cref="UsedActionLinks"/>' job.
/// </summary>
public sealed partial class ActionTokens(LinkSigner signer)
{
    const string Purpose = "action";
    const int MacBytes = 32;
    const int MacChars = 43;
    const int FormatVersion = 1;

    /// <summary>Longer than any token we issue; anything longer is not read at all.</summary>
    public const int MaxTokenLength = 600;

    public string Issue(CaseNumber caseNumber, string step, string role, DateTimeOffset expiresAt, Guid actionId)
    {
        if (caseNumber == default)
        {
            throw new ArgumentException("An action link needs a case number.", nameof(caseNumber));
        }

        CheckName(step, nameof(step));
        CheckName(role, nameof(role));
        if (actionId == Guid.Empty)
        {
            throw new ArgumentException("An action link needs a unique action id (e.g. from context.NewGuid()).", nameof(actionId));
        }

        var payload = new Payload
        {
            Version = FormatVersion,
            Case = caseNumber.Value,
            Step = step,
            Role = role,
            Expires = expiresAt.ToUnixTimeSeconds(),
            Id = actionId.ToString("N"),
        };
        var encoded = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return $"{encoded}.{signer.Sign(Purpose, encoded, MacBytes)}";
    }

    /// <summary>What <paramref name="token"/> allows at <paramref name="now"/>; valid until (not at) its expiry.</summary>
    public ActionTokenReading Read(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return ActionTokenReading.Malformed;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 1 || dot != token.LastIndexOf('.') || token.Length - dot - 1 != MacChars)
        {
            return ActionTokenReading.Malformed;
        }

        var encoded = token[..dot];
        var signature = token[(dot + 1)..];
        if (!Base64Url.IsValid(encoded) || !Base64Url.IsValid(signature))
        {
            return ActionTokenReading.Malformed;
        }

        if (!signer.Verify(Purpose, encoded, signature, MacBytes))
        {
            return ActionTokenReading.Forged;
        }

        var link = Decode(encoded);
        if (link is null)
        {
            return ActionTokenReading.Malformed;
        }

        return now < link.ExpiresAt
            ? new ActionTokenReading(ActionTokenStatus.Valid, link)
            : new ActionTokenReading(ActionTokenStatus.Expired, link);
    }

    static ActionLink? Decode(string encoded)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(encoded));
            if (payload is not { Version: FormatVersion, Case: { } number, Step: { } step, Role: { } role, Id: { } id }
                || !CaseNumber.TryParse(number, out var caseNumber)
                || !Guid.TryParseExact(id, "N", out var actionId)
                || !NamePattern().IsMatch(step)
                || !NamePattern().IsMatch(role))
            {
                return null;
            }

            return new ActionLink(caseNumber, step, role, DateTimeOffset.FromUnixTimeSeconds(payload.Expires), actionId);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    static void CheckName(string value, string parameter)
    {
        if (value is null || !NamePattern().IsMatch(value))
        {
            throw new ArgumentException($"'{value}' must be 1 to 64 characters of a-z, 0-9, '-', '_', '.', ':' (no e-mail addresses or secrets: the payload is readable).", parameter);
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_.:-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    sealed class Payload
    {
        [JsonPropertyName("v")]
        public int Version { get; set; }

        [JsonPropertyName("c")]
        public string? Case { get; set; }

        [JsonPropertyName("s")]
        public string? Step { get; set; }

        [JsonPropertyName("r")]
        public string? Role { get; set; }

        [JsonPropertyName("x")]
        public long Expires { get; set; }

        [JsonPropertyName("n")]
        public string? Id { get; set; }
    }
}
