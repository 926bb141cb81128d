using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;

namespace ComplaintFunctions.Domain.Tests.Support;

/// <summary>Instants written as the wall-clock time people in each country read.</summary>
static class Local
{
    public static DateTimeOffset Oslo(int year, int month, int day, int hour, int minute = 0) => At(Country.NO, year, month, day, hour, minute);

    public static DateTimeOffset Stockholm(int year, int month, int day, int hour, int minute = 0) => At(Country.SE, year, month, day, hour, minute);

    public static DateTimeOffset Copenhagen(int year, int month, int day, int hour, int minute = 0) => At(Country.DK, year, month, day, hour, minute);

    public static DateTimeOffset Helsinki(int year, int month, int day, int hour, int minute = 0) => At(Country.FI, year, month, day, hour, minute);

    public static DateTimeOffset At(Country country, int year, int month, int day, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(BusinessHoursOptions.DefaultTimeZone(country));
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
