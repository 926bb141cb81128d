using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Service;

/// <summary>
/// The time limits triage checks against (section <c>Triage</c>). The defaults are the consumer
/// laws as of November 2026; they are settings because laws change and the retailer may promise more.
/// <c>Triage:ClaimYears:NO = 2</c>, <c>Triage:LongLivedGoodsYears:NO = 5</c>, and so on; a country
/// with 0 (or no entry) has no fixed limit, only "reasonable time" (Finland by default).
/// </summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>Days after delivery within which a product broken on arrival is exchanged (the retailer's DOA goal).</summary>
    public int DoaDays { get; set; } = 14;

    /// <summary>A claim made within this many months of discovering the defect is always in time (all four countries).</summary>
    public int DiscoveryMonths { get; set; } = 2;

    /// <summary>The absolute limit for a claim, in years from delivery; 0 or absent means no fixed limit.</summary>
    public Dictionary<Country, int> ClaimYears { get; set; } = new()
    {
        [Country.NO] = 2,
        [Country.SE] = 3,
        [Country.DK] = 2,
        [Country.FI] = 0,
    };

    /// <summary>The longer limit for goods meant to last substantially longer than usual (Norway: 5 years); 0 or absent means none.</summary>
    public Dictionary<Country, int> LongLivedGoodsYears { get; set; } = new()
    {
        [Country.NO] = 5,
    };

    public int? ClaimYearsFor(Country country) =>
        ClaimYears.TryGetValue(country, out var years) && years > 0 ? years : null;

    public int? LongLivedGoodsYearsFor(Country country) =>
        LongLivedGoodsYears.TryGetValue(country, out var years) && years > 0 ? years : null;
}
