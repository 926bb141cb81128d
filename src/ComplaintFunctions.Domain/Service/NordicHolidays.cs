using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Service;

/// <summary>A day the shops and customer service are closed, with the name staff know it by.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// The public holidays of the four markets, computed per year: fixed dates, the days that move
/// with Easter, and the Midsummer and All Saints' days that fall on a weekday range. Days the
/// retailer treats as closed although the law does not (Midsummer Eve, Christmas Eve, New
/// Year's Eve, Danish Constitution Day) are included, since for opening hours they are the same.
/// </summary>
public static class NordicHolidays
{
    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        if (year is < 1583 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Easter is computed for Gregorian years 1583 to 9999.");
        }

        var golden = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCenturies = century / 4;
        var centuryRest = century % 4;
        var correction = (century + 8) / 25;
        var moonCorrection = (century - correction + 1) / 3;
        var epact = ((19 * golden) + century - leapCenturies - moonCorrection + 15) % 30;
        var leapYears = yearOfCentury / 4;
        var yearRest = yearOfCentury % 4;
        var weekday = (32 + (2 * centuryRest) + (2 * leapYears) - epact - yearRest) % 7;
        var late = (golden + (11 * epact) + (22 * weekday)) / 451;
        var monthAndDay = epact + weekday - (7 * late) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    /// <summary>The first <paramref name="day"/> on or after <paramref name="from"/>.</summary>
    public static DateOnly FirstOnOrAfter(DateOnly from, DayOfWeek day) =>
        from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    /// <summary>Every closed day of <paramref name="year"/> in <paramref name="country"/>, in date order.</summary>
    public static IReadOnlyList<PublicHoliday> For(Country country, int year)
    {
        var easter = EasterSunday(year);
        var midsummerEve = FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday);
        var allSaints = FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday);
        var days = new List<PublicHoliday>();
        void Add(DateOnly date, string name) => days.Add(new PublicHoliday(date, name));
        void Fixed(int month, int day, string name) => Add(new DateOnly(year, month, day), name);
        void FromEaster(int offset, string name) => Add(easter.AddDays(offset), name);

        switch (country)
        {
            case Country.NO:
                Fixed(1, 1, "New Year's Day");
                FromEaster(-3, "Maundy Thursday");
                FromEaster(-2, "Good Friday");
                FromEaster(0, "Easter Sunday");
                FromEaster(1, "Easter Monday");
                Fixed(5, 1, "Labour Day");
                Fixed(5, 17, "Constitution Day");
                FromEaster(39, "Ascension Day");
                FromEaster(49, "Whit Sunday");
                FromEaster(50, "Whit Monday");
                Fixed(12, 25, "Christmas Day");
                Fixed(12, 26, "Boxing Day");
                break;
            case Country.SE:
                Fixed(1, 1, "New Year's Day");
                Fixed(1, 6, "Epiphany");
                FromEaster(-2, "Good Friday");
                FromEaster(0, "Easter Sunday");
                FromEaster(1, "Easter Monday");
                Fixed(5, 1, "May Day");
                FromEaster(39, "Ascension Day");
                FromEaster(49, "Whit Sunday");
                Fixed(6, 6, "National Day");
                Add(midsummerEve, "Midsummer Eve");
                Add(midsummerEve.AddDays(1), "Midsummer Day");
                Add(allSaints, "All Saints' Day");
                Fixed(12, 24, "Christmas Eve");
                Fixed(12, 25, "Christmas Day");
                Fixed(12, 26, "Boxing Day");
                Fixed(12, 31, "New Year's Eve");
                break;
            case Country.DK:
                // Great Prayer Day (Store Bededag) stopped being a holiday in 2024.
                Fixed(1, 1, "New Year's Day");
                FromEaster(-3, "Maundy Thursday");
                FromEaster(-2, "Good Friday");
                FromEaster(0, "Easter Sunday");
                FromEaster(1, "Easter Monday");
                FromEaster(39, "Ascension Day");
                FromEaster(49, "Whit Sunday");
                FromEaster(50, "Whit Monday");
                Fixed(6, 5, "Constitution Day");
                Fixed(12, 24, "Christmas Eve");
                Fixed(12, 25, "Christmas Day");
                Fixed(12, 26, "Boxing Day");
                Fixed(12, 31, "New Year's Eve");
                break;
            case Country.FI:
                Fixed(1, 1, "New Year's Day");
                Fixed(1, 6, "Epiphany");
                FromEaster(-2, "Good Friday");
                FromEaster(0, "Easter Sunday");
                FromEaster(1, "Easter Monday");
                Fixed(5, 1, "May Day");
                FromEaster(39, "Ascension Day");
                FromEaster(49, "Whit Sunday");
                Add(midsummerEve, "Midsummer Eve");
                Add(midsummerEve.AddDays(1), "Midsummer Day");
                Add(allSaints, "All Saints' Day");
                Fixed(12, 6, "Independence Day");
                Fixed(12, 24, "Christmas Eve");
                Fixed(12, 25, "Christmas Day");
                Fixed(12, 26, "Boxing Day");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(country), country, "No holiday calendar for this country.");
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }
}
