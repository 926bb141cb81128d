using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Service;

/// <summary>
/// Opening hours of customer service in one country, bound from <c>BusinessHours:{Country}</c>
/// (e.g. <c>BusinessHours:SE:Friday = "08:00-15:00"</c>). Hours are local wall-clock time in
/// the country's time zone. A day is written <c>"08:00-16:00"</c>, several ranges with commas
/// (<c>"08:00-11:30,12:00-16:00"</c>), <c>"24:00"</c> for midnight at the end of the day, or
/// <c>"closed"</c>. Public holidays are always closed; <see cref="ExtraClosedDates"/> adds more.
/// </summary>
public sealed class BusinessHoursOptions
{
    public const string Section = "BusinessHours";

    /// <summary>Hours every country shares; a country's own section overrides them.</summary>
    public const string DefaultSection = "BusinessHours:Default";
    public const string WeekdayHours = "08:00-16:00";
    public const string Closed = "closed";

    /// <summary>The configuration section of one country, <c>BusinessHours:NO</c> and so on.</summary>
    public static string SectionFor(Country country) => $"{Section}:{country}";

    /// <summary>An IANA time zone id; empty means the country's own (Europe/Oslo, Europe/Stockholm, Europe/Copenhagen, Europe/Helsinki).</summary>
    public string? TimeZone { get; set; }

    public string? Monday { get; set; } = WeekdayHours;
    public string? Tuesday { get; set; } = WeekdayHours;
    public string? Wednesday { get; set; } = WeekdayHours;
    public string? Thursday { get; set; } = WeekdayHours;
    public string? Friday { get; set; } = WeekdayHours;
    public string? Saturday { get; set; } = Closed;
    public string? Sunday { get; set; } = Closed;

    /// <summary>False only where a team works on public holidays too (and in tests that run targets of seconds on any day).</summary>
    public bool ObservePublicHolidays { get; set; } = true;

    /// <summary>Closed days besides the public holidays (a stock-taking day, a local holiday), as ISO dates.</summary>
    public IList<DateOnly> ExtraClosedDates { get; set; } = [];

    /// <summary>What is configured for <paramref name="day"/>.</summary>
    public string? HoursOn(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };

    /// <summary>The country's IANA time zone when none is configured.</summary>
    public static string DefaultTimeZone(Country country) => country switch
    {
        Country.NO => "Europe/Oslo",
        Country.SE => "Europe/Stockholm",
        Country.DK => "Europe/Copenhagen",
        Country.FI => "Europe/Helsinki",
        _ => throw new ArgumentOutOfRangeException(nameof(country), country, "No time zone for this country."),
    };
}
