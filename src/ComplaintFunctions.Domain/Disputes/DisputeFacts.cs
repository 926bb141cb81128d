using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Disputes;

/// <summary>How the customer ombudsman decided the case.</summary>
public enum OmbudsmanOutcome
{
    /// <summary>The ombudsman upheld customer service's answer: the retailer has refused.</summary>
    Upheld,

    /// <summary>The ombudsman found fully for the customer: they get what they asked.</summary>
    Overturned,

    /// <summary>The customer got part of what they asked; the rest is still refused.</summary>
    PartlySettled,
}

/// <summary>What decides which dispute bodies a customer may turn to after the ombudsman's decision.</summary>
/// <param name="Country">The customer's country.</param>
/// <param name="DisputedAmount">What is still in dispute, in the currency of the customer's country (after a partial settlement: the part still refused); null when not known.</param>
/// <param name="FirstComplaintDate">The day the customer first complained to us; filing deadlines count from it.</param>
/// <param name="Today">Today in the retailer's time zone.</param>
/// <param name="RetailerEstablishedIn">The countries the retailer (the seller on the order) is established in.</param>
public sealed record DisputeFacts(
    Country Country,
    OmbudsmanOutcome Outcome,
    decimal? DisputedAmount,
    DateOnly FirstComplaintDate,
    DateOnly Today,
    IReadOnlyCollection<Country> RetailerEstablishedIn);

/// <summary>
/// Whether one body is offered to the customer. When it is not, <see cref="Reasons"/> says why in
/// plain English for staff; when it is, <see cref="Notes"/> says what staff should check or tell.
/// </summary>
public sealed record BodyOffer(DisputeBody Body, bool Offered, IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes)
{
    /// <summary>One line for staff: "Sweden's ARN: the claim of 600 SEK is below the minimum of 1,000 SEK".</summary>
    public string Summary => Offered
        ? Notes.Count == 0 ? $"{Body.StaffLabel}: offered" : $"{Body.StaffLabel}: offered; {string.Join("; ", Notes)}"
        : $"{Body.StaffLabel}: {string.Join("; ", Reasons)}";
}
