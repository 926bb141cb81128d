using System.Globalization;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Disputes;

/// <summary>What an external dispute body does with a case.</summary>
public enum DisputeProcedure
{
    /// <summary>Helps both parties agree; nothing binds unless they do.</summary>
    Mediation,

    /// <summary>Decides the case (e.g. Forbrukerklageutvalget, Forbrugerklagenævnet).</summary>
    Decision,

    /// <summary>Recommends how the case should end (e.g. ARN, KRIL).</summary>
    Recommendation,
}

/// <summary>An amount in a currency (ISO 4217 code: NOK, SEK, DKK, EUR).</summary>
public sealed record Money(decimal Amount, string Currency)
{
    /// <summary>"1,000 SEK", "1,110 DKK", "99.50 EUR": staff read these in English.</summary>
    public override string ToString() =>
        Amount.ToString(Amount == decimal.Truncate(Amount) ? "N0" : "N2", CultureInfo.InvariantCulture) + " " + Currency;
}

/// <summary>What the customer pays to file; an amount of 0 means free.</summary>
public sealed record DisputeFee(decimal Amount, string Currency, bool RefundedIfConsumerWins)
{
    public bool IsFree => Amount == 0;

    public override string ToString() =>
        IsFree ? "free" : new Money(Amount, Currency) + (RefundedIfConsumerWins ? ", refunded if the customer wins" : string.Empty);
}

/// <summary>What the customer reads about a body, in one language.</summary>
public sealed record BodyText(string Name, string WhatItDoes, string Cost, string HowLong, string NeedsFirst, string HowToFile);

/// <summary>
/// One external dispute body as <c>Data/dispute-bodies.json</c> describes it: its rules (who may
/// use it and when) and its texts for customers. Amounts are in the currency of the body's country.
/// </summary>
/// <param name="Id">Stable key, e.g. <c>se-arn</c>; <see cref="RequiresFirst"/> refers to it.</param>
/// <param name="ShortName">What staff call it: "ARN", "Forbrukertilsynet".</param>
/// <param name="Checked">The day someone last verified the entry; null means never (the validation refuses that).</param>
/// <param name="Binding">For staff: how far the outcome binds the parties.</param>
/// <param name="MinClaim">The smallest claim the body takes; null when there is no limit.</param>
/// <param name="MaxClaim">The largest claim (or price) the body takes; null when there is no limit.</param>
/// <param name="DeadlineFromFirstComplaint">How long after the customer's first complaint to us they may file; null when there is no deadline.</param>
/// <param name="CompanyMustHaveRefused">The body takes a case only when the retailer has said no, wholly or in part.</param>
/// <param name="RequiresFirst">The id of a body the customer must have tried first, or null.</param>
/// <param name="TraderMustBeEstablishedIn">The body takes cases only against traders established in this country, or null.</param>
/// <param name="BeforeFiling">For staff: steps outside this registry the customer must take first (e.g. Finland's KKV consumer advice).</param>
/// <param name="Languages">The languages the body works in.</param>
/// <param name="Web">The body's public site (https).</param>
/// <param name="Texts">The customer texts by language (nb, sv, da, fi, en).</param>
/// <param name="LimitsByYear">Price limits that change every year (Denmark's board), each year with its check date; when given they stand in for <see cref="MinClaim"/> and <see cref="MaxClaim"/>, and a year without a value says "check".</param>
/// <param name="DeadlineAfterPrevious">How long after the body in <see cref="RequiresFirst"/> ends the customer has to come here (Denmark: four weeks after the mediation).</param>
/// <param name="NotChecked">Figures in the entry that could not be checked from here: staff see each as "check: …".</param>
public sealed record DisputeBody(
    string Id,
    string ShortName,
    Country Country,
    DateOnly? Checked,
    DisputeProcedure Does,
    string Binding,
    DisputeFee Fee,
    Money? MinClaim,
    Money? MaxClaim,
    DatePeriod? DeadlineFromFirstComplaint,
    bool CompanyMustHaveRefused,
    string? RequiresFirst,
    Country? TraderMustBeEstablishedIn,
    IReadOnlyList<string> BeforeFiling,
    IReadOnlyList<string> Languages,
    string TypicalDuration,
    string Web,
    IReadOnlyDictionary<string, BodyText> Texts,
    IReadOnlyList<YearLimits>? LimitsByYear = null,
    DatePeriod? DeadlineAfterPrevious = null,
    IReadOnlyList<string>? NotChecked = null)
{
    /// <summary>How staff texts name the body: "Sweden's ARN".</summary>
    public string StaffLabel => $"{NordicCountries.EnglishName(Country)}'s {ShortName}";
}

/// <summary>A year's price limits (the price of the goods or service the complaint is about) and the day they were checked; null amounts mean no limit.</summary>
/// <param name="LowerMin">A lower minimum for some goods (Denmark: clothing and shoes), said to staff beside the limits.</param>
public sealed record YearLimits(int Year, Money? Min, Money? Max, Money? LowerMin, string? LowerMinFor, DateOnly? Checked);

/// <summary>
/// The EU online dispute resolution platform, kept only to explain that it is gone: repealed,
/// closed, never a place to send a customer.
/// </summary>
public sealed record EuOdrPlatform(
    string RepealedBy,
    DateOnly? NoNewComplaintsFrom,
    DateOnly? ClosedOn,
    DateOnly? Checked,
    string StaffNote,
    IReadOnlyDictionary<string, string> Texts);

/// <summary>Facts about the four countries the registry needs: names for staff, languages, currencies.</summary>
public static class NordicCountries
{
    public static string EnglishName(Country country) => country switch
    {
        Country.NO => "Norway",
        Country.SE => "Sweden",
        Country.DK => "Denmark",
        Country.FI => "Finland",
        _ => country.ToString(),
    };

    /// <summary>The languages (of ours) a country's customers use besides English, main language first: Finland has fi and sv.</summary>
    public static IReadOnlyList<string> Languages(Country country) => country switch
    {
        Country.NO => ["nb"],
        Country.SE => ["sv"],
        Country.DK => ["da"],
        Country.FI => ["fi", "sv"],
        _ => [],
    };

    public static string Currency(Country country) => country switch
    {
        Country.NO => "NOK",
        Country.SE => "SEK",
        Country.DK => "DKK",
        Country.FI => "EUR",
        _ => string.Empty,
    };
}
