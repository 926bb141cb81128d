using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ComplaintFunctions.Domain.Disputes;

/// <summary>
/// A span of calendar time written as an ISO 8601 period of whole years, months, weeks and days
/// (<c>P1Y</c>, <c>P6M</c>, <c>P2W</c>, <c>P1Y6M</c>): how long a customer has to file with a dispute body.
/// Weeks are kept as days. Times of day (<c>PT…</c>) are not accepted: filing deadlines are dates.
/// </summary>
public readonly record struct DatePeriod(int Years, int Months, int Days)
{
    /// <summary>The day the period ends when it starts on <paramref name="start"/>: one year from 2026-03-01 is 2027-03-01.</summary>
    public DateOnly From(DateOnly start) => start.AddYears(Years).AddMonths(Months).AddDays(Days);

    /// <summary>The period in words for staff: "one year", "6 months", "one year and 2 days".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        Add(parts, Years, "year");
        Add(parts, Months, "month");
        Add(parts, Days, "day");
        return parts.Count switch
        {
            0 => "no time",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
        };

        static void Add(List<string> parts, int count, string unit)
        {
            if (count == 1)
            {
                parts.Add($"one {unit}");
            }
            else if (count > 1)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {unit}s"));
            }
        }
    }

    /// <summary>The ISO 8601 form, e.g. <c>P1Y</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("P");
        if (Years > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Years}Y");
        }

        if (Months > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Months}M");
        }

        if (Days > 0 || text.Length == 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Days}D");
        }

        return text.ToString();
    }

    /// <summary>Reads <c>PnYnMnWnD</c> (each part optional, in that order, at least one present).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DatePeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var rest = text.Trim().ToUpperInvariant();
        if (rest.Length < 3 || rest[0] != 'P')
        {
            return false;
        }

        int years = 0, months = 0, days = 0;
        const string Order = "YMWD";
        var next = 0;
        var i = 1;
        while (i < rest.Length)
        {
            var start = i;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]))
            {
                i++;
            }

            if (i == start || i == rest.Length || i - start > 4)
            {
                return false;
            }

            var designator = Order.IndexOf(rest[i], next);
            if (designator < 0)
            {
                return false;
            }

            var count = int.Parse(rest.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (Order[designator])
            {
                case 'Y':
                    years = count;
                    break;
                case 'M':
                    months = count;
                    break;
                case 'W':
                    days += count * 7;
                    break;
                default:
                    days += count;
                    break;
            }

            next = designator + 1;
            i++;
        }

        period = new DatePeriod(years, months, days);
        return true;
    }
}
