using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
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

public sealed record ActionTokenReading(LinkTokenStatus Status, ActionLink? Link)
{
    [MemberNotNullWhen(true, nameof(Link))]
    public bool IsValid => Status == LinkTokenStatus.Valid && Link is not null;

    internal static ActionTokenReading Forged { get; } = new(LinkTokenStatus.Forged, null);

    internal static ActionTokenReading Malformed { get; } = new(LinkTokenStatus.Malformed, null);
}

/// <summary>
/// The tokens in action links, in the <see cref="SignedToken"/> envelope with purpose <c>action</c>.
/// The payload names the case, step, role, expiry (whole seconds) and a unique action id; it carries
/// no secret, since anyone holding the link can read it. Rotation is the signer's: a token signed with
/// the previous key verifies until that key's grace period ends. A valid token only says the link is
/// ours and current; that it is used once is <see cref="UsedActionLinks"/>' job.
/// </summary>
public sealed class ActionTokens(LinkSigner signer)
{
    const string Purpose = "action";
    const int FormatVersion = 1;

    /// <summary>Longer than any token we issue; anything longer is not read at all.</summary>
    public const int MaxTokenLength = SignedToken.MaxLength;

    public string Issue(CaseNumber caseNumber, string step, string role, DateTimeOffset expiresAt, Guid actionId)
    {
        if (caseNumber == default)
        {
            throw new ArgumentException("An action link needs a case number.", nameof(caseNumber));
        }

        SignedToken.CheckName(step, nameof(step));
        SignedToken.CheckName(role, nameof(role));
        if (actionId == Guid.Empty)
        {
            throw new ArgumentException("An action link needs a unique action id (e.g. from context.NewGuid()).", nameof(actionId));
        }

        return SignedToken.Seal(signer, Purpose, new Payload
        {
            Version = FormatVersion,
            Case = caseNumber.Value,
            Step = step,
            Role = role,
            Expires = expiresAt.ToUnixTimeSeconds(),
            Id = actionId.ToString("N"),
        });
    }

    /// <summary>What <paramref name="token"/> allows at <paramref name="now"/>; valid until (not at) its expiry.</summary>
    public ActionTokenReading Read(string? token, DateTimeOffset now)
    {
        var status = SignedToken.Open<Payload>(signer, Purpose, token, out var payload);
        if (status == LinkTokenStatus.Forged)
        {
            return ActionTokenReading.Forged;
        }

        if (status != LinkTokenStatus.Valid || ToLink(payload) is not { } link)
        {
            return ActionTokenReading.Malformed;
        }

        return now < link.ExpiresAt
            ? new ActionTokenReading(LinkTokenStatus.Valid, link)
            : new ActionTokenReading(LinkTokenStatus.Expired, link);
    }

    static ActionLink? ToLink(Payload? payload)
    {
        if (payload is not { Version: FormatVersion, Case: { } number, Step: { } step, Role: { } role, Id: { } id }
            || !CaseNumber.TryParse(number, out var caseNumber)
            || !Guid.TryParseExact(id, "N", out var actionId)
            || !SignedToken.IsName(step)
            || !SignedToken.IsName(role))
        {
            return null;
        }

        try
        {
            return new ActionLink(caseNumber, step, role, DateTimeOffset.FromUnixTimeSeconds(payload.Expires), actionId);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

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
