using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Links;

/// <summary>What a view link shows: one view of one case (see <see cref="CaseViews"/>), for one role, until it expires. It only reads, so it works any number of times.</summary>
public sealed record ViewLink(CaseNumber CaseNumber, string View, string Role, DateTimeOffset ExpiresAt);

public sealed record ViewTokenReading(LinkTokenStatus Status, ViewLink? Link)
{
    [MemberNotNullWhen(true, nameof(Link))]
    public bool IsValid => Status == LinkTokenStatus.Valid && Link is not null;

    internal static ViewTokenReading Forged { get; } = new(LinkTokenStatus.Forged, null);

    internal static ViewTokenReading Malformed { get; } = new(LinkTokenStatus.Malformed, null);
}

/// <summary>
/// The tokens in view links, in the <see cref="SignedToken"/> envelope with purpose <c>view</c>, so
/// a view token never reads as an action token, nor the other way round. The payload names the case,
/// the view, the role and the expiry (whole seconds), and nothing random: the same mail order gives
/// the same token, so a retried mail activity sends the same link. Rotation is the signer's, as for
/// action links.
/// </summary>
public sealed class ViewTokens(LinkSigner signer)
{
    const string Purpose = "view";
    const int FormatVersion = 1;

    /// <exception cref="ArgumentException">The view is not one <paramref name="role"/> may see (the ombudsman's case file is the ombudsman's alone).</exception>
    public string Issue(CaseNumber caseNumber, string view, string role, DateTimeOffset expiresAt)
    {
        if (caseNumber == default)
        {
            throw new ArgumentException("A view link needs a case number.", nameof(caseNumber));
        }

        SignedToken.CheckName(view, nameof(view));
        SignedToken.CheckName(role, nameof(role));
        if (!CaseViews.MaySee(view, role))
        {
            throw new ArgumentException($"A {role} may not be given a link to '{view}'.", nameof(role));
        }

        return SignedToken.Seal(signer, Purpose, new Payload
        {
            Version = FormatVersion,
            Case = caseNumber.Value,
            View = view,
            Role = role,
            Expires = expiresAt.ToUnixTimeSeconds(),
        });
    }

    /// <summary>What <paramref name="token"/> shows at <paramref name="now"/>; valid until (not at) its expiry.</summary>
    public ViewTokenReading Read(string? token, DateTimeOffset now)
    {
        var status = SignedToken.Open<Payload>(signer, Purpose, token, out var payload);
        if (status == LinkTokenStatus.Forged)
        {
            return ViewTokenReading.Forged;
        }

        if (status != LinkTokenStatus.Valid || ToLink(payload) is not { } link)
        {
            return ViewTokenReading.Malformed;
        }

        return now < link.ExpiresAt
            ? new ViewTokenReading(LinkTokenStatus.Valid, link)
            : new ViewTokenReading(LinkTokenStatus.Expired, link);
    }

    static ViewLink? ToLink(Payload? payload)
    {
        if (payload is not { Version: FormatVersion, Case: { } number, View: { } view, Role: { } role }
            || !CaseNumber.TryParse(number, out var caseNumber)
            || !SignedToken.IsName(view)
            || !SignedToken.IsName(role))
        {
            return null;
        }

        try
        {
            return new ViewLink(caseNumber, view, role, DateTimeOffset.FromUnixTimeSeconds(payload.Expires));
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

        [JsonPropertyName("w")]
        public string? View { get; set; }

        [JsonPropertyName("r")]
        public string? Role { get; set; }

        [JsonPropertyName("x")]
        public long Expires { get; set; }
    }
}
