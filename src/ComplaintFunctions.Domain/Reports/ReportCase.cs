using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Reports;

/// <summary>
/// One line of a case's trail as the reports read it: what, when, by whom (a role or a staff person) and
/// its facts. Never the line's summary, which holds personal data until the case is erased.
/// </summary>
public sealed record ReportLine(DateTimeOffset At, string Kind, string EventId, string Actor, TrailFacts Facts);

/// <summary>
/// A case as the reports see it: its anonymised facts from the case row (the category, country and channel
/// as they are now, after any correction) and its trail.
/// </summary>
public sealed record ReportCase(
    string CaseNumber,
    ComplaintCategory Category,
    Channel Channel,
    Country Country,
    string? Manufacturer,
    DateTimeOffset OpenedAt,
    IReadOnlyList<ReportLine> Lines);

/// <summary>From <see cref="Start"/> up to, not including, <see cref="End"/>.</summary>
public readonly record struct ReportPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Holds(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>The calendar days <paramref name="from"/> to <paramref name="to"/> (inclusive) in <paramref name="zone"/>.</summary>
    public static ReportPeriod Of(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        return new ReportPeriod(StartOf(from, zone), StartOf(to.AddDays(1), zone));
    }

    static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>A note of the ombudsman's on the retailer's routines, kept with its case for the report.</summary>
public sealed record RoutineNote(string CaseNumber, DateTimeOffset At, string Note);

/// <summary>What the report needs to know of the service's own targets.</summary>
/// <param name="FirstResponseTarget">The first answer's target in business time (<c>CustomerService:FirstResponseTarget</c>).</param>
/// <param name="CalendarFor">Each country's business calendar, for the target's business hours.</param>
public sealed record ReportRules(TimeSpan FirstResponseTarget, Func<Country, Service.BusinessCalendar> CalendarFor);
