using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Privacy;

/// <summary>
/// How long a closed case keeps its personal data (section <c>Retention</c>), per country, counted from the
/// case's close. The defaults, and why they are what they are, are in the README ("Retention and erasure").
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The retention sweep's time of day, as an NCRONTAB expression: 02:30 every night (UTC, or <c>WEBSITE_TIME_ZONE</c>).</summary>
    public const string SweepSchedule = "0 30 2 * * *";

    /// <summary>
    /// Per country (<c>Retention:EraseAfter:NO</c>…): how long after its close a case's personal data is erased.
    /// Norway five years: a claim can still come up to five years from delivery for goods meant to last
    /// (forbrukerkjøpsloven § 27), and the case is the record that the customer claimed and what we answered.
    /// Sweden, Denmark and Finland three years: their claim periods (3, 2 years, a reasonable time) are no longer,
    /// and ARN takes a case only within a year of the first complaint to us.
    /// </summary>
    public Dictionary<string, TimeSpan> EraseAfter { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(Country.NO)] = TimeSpan.FromDays(5 * 365 + 1),
        [nameof(Country.SE)] = TimeSpan.FromDays(3 * 365 + 1),
        [nameof(Country.DK)] = TimeSpan.FromDays(3 * 365 + 1),
        [nameof(Country.FI)] = TimeSpan.FromDays(3 * 365 + 1),
    };

    /// <summary>Whether the nightly sweep erases anything (false: erasure only on request).</summary>
    public bool SweepEnabled { get; set; } = true;

    /// <summary>The most cases one sweep erases, so one night's run stays short; the rest follow the next night.</summary>
    public int MaxPerSweep { get; set; } = 500;

    /// <summary>The country's period; a country with none set keeps its cases as long as the longest period set (never shorter by mistake).</summary>
    public TimeSpan PeriodFor(Country country) =>
        EraseAfter.TryGetValue(country.ToString(), out var period) && period > TimeSpan.Zero
            ? period
            : EraseAfter.Values.Where(p => p > TimeSpan.Zero).DefaultIfEmpty(TimeSpan.FromDays(5 * 365 + 1)).Max();
}
