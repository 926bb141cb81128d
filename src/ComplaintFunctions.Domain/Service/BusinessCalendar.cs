using System.Collections.Concurrent;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Service;

/// <summary>One stretch of open time, as instants in the calendar's local offset.</summary>
public readonly record struct OpenPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// When customer service in one country is open: weekday hours in local wall-clock time, closed on
/// public holidays and configured extra dates. All arithmetic runs on the local calendar day and
/// converts each opening and closing time to an instant through the time zone, so a day on which
/// daylight saving time changes has exactly the open time it really has. Every method takes the
/// instants it works on (no clock inside), so the results are the same on every replay of an orchestration.
/// Results come back in the country's local offset.
/// </summary>
public sealed class BusinessCalendar
{
    // No service is closed this long; a longer walk means a duration no one meant.
    const int MaxDaysWalked = 366 * 100;

    readonly IReadOnlyList<OpeningRange>[] hoursByDay = new IReadOnlyList<OpeningRange>[7];
    readonly HashSet<DateOnly> extraClosed;
    readonly bool observeHolidays;
    readonly ConcurrentDictionary<int, Dictionary<DateOnly, string>> holidaysByYear = new();

    public BusinessCalendar(Country country, BusinessHoursOptions? options = null)
    {
        options ??= new BusinessHoursOptions();
        Country = country;
        var zoneId = string.IsNullOrWhiteSpace(options.TimeZone) ? BusinessHoursOptions.DefaultTimeZone(country) : options.TimeZone.Trim();
        try
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"{BusinessHoursOptions.SectionFor(country)}:TimeZone: '{zoneId}' is not a time zone this machine knows (use an IANA id such as Europe/Oslo).", e);
        }

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (!OpeningHours.TryParse(options.HoursOn(day), out var ranges, out var error))
            {
                throw new InvalidOperationException($"{BusinessHoursOptions.SectionFor(country)}:{day}: {error}");
            }

            hoursByDay[(int)day] = ranges;
        }

        if (hoursByDay.All(r => r.Count == 0))
        {
            throw new InvalidOperationException($"{BusinessHoursOptions.SectionFor(country)}: every weekday is closed; at least one day needs opening hours.");
        }

        extraClosed = [.. options.ExtraClosedDates ?? []];
        observeHolidays = options.ObservePublicHolidays;
    }

    public Country Country { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The opening ranges configured for a weekday (before holidays are taken into account).</summary>
    public IReadOnlyList<OpeningRange> HoursOn(DayOfWeek day) => hoursByDay[(int)day];

    /// <summary>The public holidays of <paramref name="year"/> in this country, in date order; two may share a date.</summary>
    public IReadOnlyList<PublicHoliday> HolidaysIn(int year) => NordicHolidays.For(Country, year);

    /// <summary>Why a date is closed all day (a holiday's name, "extra closed day", or the weekday), or null when it has opening hours.</summary>
    public string? ClosedReason(DateOnly date)
    {
        if (observeHolidays && HolidaysOf(date.Year).TryGetValue(date, out var name))
        {
            return name;
        }

        if (extraClosed.Contains(date))
        {
            return "extra closed day";
        }

        return hoursByDay[(int)date.DayOfWeek].Count == 0 ? $"closed on {date.DayOfWeek}s" : null;
    }

    public bool IsBusinessDay(DateOnly date) => ClosedReason(date) is null;

    /// <summary>The open periods of a local calendar date, in order; empty on a closed day.</summary>
    public IReadOnlyList<OpenPeriod> OpenPeriodsOn(DateOnly date)
    {
        if (!IsBusinessDay(date))
        {
            return [];
        }

        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var periods = new List<OpenPeriod>(hoursByDay[(int)date.DayOfWeek].Count);
        foreach (var range in hoursByDay[(int)date.DayOfWeek])
        {
            var start = ToInstant(midnight + range.Opens, latest: false);
            var end = ToInstant(midnight + range.Closes, latest: true);
            if (end > start)
            {
                periods.Add(new OpenPeriod(start, end));
            }
        }

        return periods;
    }

    /// <summary>The calendar date at <paramref name="instant"/> in this country.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The same instant, shown in this country's offset.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public bool IsOpen(DateTimeOffset instant)
    {
        foreach (var period in OpenPeriodsOn(LocalDate(instant)))
        {
            if (period.Start <= instant && instant < period.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The instant itself when open, otherwise the next opening.</summary>
    public DateTimeOffset NextOpenInstant(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        for (var walked = 0; walked <= MaxDaysWalked; walked++, date = date.AddDays(1))
        {
            foreach (var period in OpenPeriodsOn(date))
            {
                if (instant < period.End)
                {
                    return ToLocal(instant > period.Start ? instant : period.Start);
                }
            }
        }

        throw new InvalidOperationException($"Customer service in {Country} is not open in the {MaxDaysWalked} days after {instant:O}.");
    }

    /// <summary>
    /// The instant at which <paramref name="businessDuration"/> of open time has passed since
    /// <paramref name="start"/>. Started outside opening hours, the time counts from the next opening;
    /// a duration that ends exactly at closing time ends then, not at the next opening.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan businessDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDuration, TimeSpan.Zero);
        if (businessDuration == TimeSpan.Zero)
        {
            return ToLocal(start);
        }

        var remaining = businessDuration;
        var date = LocalDate(start);
        for (var walked = 0; walked <= MaxDaysWalked; walked++, date = date.AddDays(1))
        {
            foreach (var period in OpenPeriodsOn(date))
            {
                var from = start > period.Start ? start : period.Start;
                if (period.End <= from)
                {
                    continue;
                }

                var available = period.End - from;
                if (remaining <= available)
                {
                    return ToLocal(from + remaining);
                }

                remaining -= available;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(businessDuration), businessDuration, $"More open time than {MaxDaysWalked} days hold.");
    }

    /// <summary>The open time between two instants; negative when <paramref name="to"/> comes before <paramref name="from"/>.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            foreach (var period in OpenPeriodsOn(date))
            {
                var start = from > period.Start ? from : period.Start;
                var end = to < period.End ? to : period.End;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// The same local wall-clock time <paramref name="days"/> business days later (or earlier, when
    /// negative). Closed days do not count; the start's own day does not count either, so
    /// "Friday 10:00 plus 1" is Monday 10:00 and "Saturday 10:00 plus 1" is Monday 10:00 too.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        var local = ToLocal(start);
        if (days == 0)
        {
            return local;
        }

        var date = DateOnly.FromDateTime(local.DateTime);
        var step = days > 0 ? 1 : -1;
        var left = Math.Abs(days);
        for (var walked = 0; left > 0; walked++)
        {
            if (walked > MaxDaysWalked)
            {
                throw new ArgumentOutOfRangeException(nameof(days), days, $"More business days than {MaxDaysWalked} calendar days hold.");
            }

            date = date.AddDays(step);
            if (IsBusinessDay(date))
            {
                left--;
            }
        }

        return ToLocal(ToInstant(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + local.TimeOfDay, latest: false));
    }

    Dictionary<DateOnly, string> HolidaysOf(int year) =>
        holidaysByYear.GetOrAdd(year, y =>
        {
            var days = new Dictionary<DateOnly, string>();
            foreach (var holiday in NordicHolidays.For(Country, y))
            {
                // Two holidays can share a day (17 May and Whit Monday in 2027).
                days[holiday.Date] = days.TryGetValue(holiday.Date, out var other) ? $"{other} and {holiday.Name}" : holiday.Name;
            }

            return days;
        });

    /// <summary>
    /// The instant a local wall-clock time names. A time skipped when clocks go forward means the
    /// moment of the change; a time that happens twice when clocks go back means its first
    /// occurrence, or its last when <paramref name="latest"/> (so a closing time includes the repeated hour).
    /// </summary>
    DateTimeOffset ToInstant(DateTime local, bool latest)
    {
        if (TimeZone.IsInvalidTime(local))
        {
            return FirstInstantShowing(local);
        }

        if (TimeZone.IsAmbiguousTime(local))
        {
            var offsets = TimeZone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, latest ? offsets.Min() : offsets.Max());
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    // The first instant whose local time is at or after the skipped time, that is the moment the clocks jumped.
    DateTimeOffset FirstInstantShowing(DateTime skipped)
    {
        var asUtc = DateTime.SpecifyKind(skipped, DateTimeKind.Utc);
        var low = asUtc.AddHours(-15).Ticks;
        var high = asUtc.AddHours(15).Ticks;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var shown = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(middle, DateTimeKind.Utc), TimeZone);
            if (shown >= skipped)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return ToLocal(new DateTimeOffset(new DateTime(low, DateTimeKind.Utc)));
    }
}
