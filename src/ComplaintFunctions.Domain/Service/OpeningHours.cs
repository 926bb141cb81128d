using System.Globalization;

namespace ComplaintFunctions.Domain.Service;

/// <summary>One opening range of a day in local wall-clock time; <see cref="Closes"/> may be 24:00.</summary>
public readonly record struct OpeningRange(TimeSpan Opens, TimeSpan Closes)
{
    public TimeSpan Length => Closes - Opens;

    public override string ToString() => $"{Format(Opens)}-{Format(Closes)}";

    static string Format(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}");
}

/// <summary>Reads the opening hours of one weekday as written in configuration.</summary>
public static class OpeningHours
{
    static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    /// <summary>
    /// Parses <c>"08:00-16:00"</c>, <c>"08:00-11:30, 12:00-16:00"</c>, <c>"00:00-24:00"</c>; <c>"closed"</c>,
    /// an empty text or <see langword="null"/> is a closed day. Ranges must be in order and must not overlap.
    /// </summary>
    public static IReadOnlyList<OpeningRange> Parse(string? text)
    {
        if (!TryParse(text, out var ranges, out var error))
        {
            throw new FormatException(error);
        }

        return ranges;
    }

    public static bool TryParse(string? text, out IReadOnlyList<OpeningRange> ranges, out string? error)
    {
        ranges = [];
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Equals(BusinessHoursOptions.Closed, StringComparison.OrdinalIgnoreCase) || trimmed == "-")
        {
            return true;
        }

        var list = new List<OpeningRange>();
        foreach (var part in trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryTime(ends[0], out var opens) || !TryTime(ends[1], out var closes))
            {
                error = $"'{part}' is not an opening range; write it as 08:00-16:00 (24-hour clock, 24:00 for midnight at the end of the day) or 'closed'.";
                return false;
            }

            if (closes <= opens)
            {
                error = $"'{part}': the closing time must come after the opening time on the same day.";
                return false;
            }

            if (list.Count > 0 && opens < list[^1].Closes)
            {
                error = $"'{part}' starts before the range before it ends; write the ranges of a day in order, without overlaps.";
                return false;
            }

            list.Add(new OpeningRange(opens, closes));
        }

        ranges = list;
        return true;
    }

    static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || text.Length - colon - 1 != 2
            || minutes > 59
            || hours > 24)
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, 0);
        return time <= EndOfDay;
    }
}
