using LocalFunctionsRunner.Functions;

namespace ComplaintFunctions.Tests.Runner;

/// <summary>The runner reads timer schedules as the host's timer extension does: NCRONTAB with seconds, in UTC or WEBSITE_TIME_ZONE.</summary>
public class TimerScheduleTests
{
    [Fact]
    public void A_six_field_expression_has_seconds_first_and_runs_in_utc_by_default()
    {
        var nightly = TimerSchedule.Parse("0 30 2 * * *", TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero), nightly.Next(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));

        var everyFiveSeconds = TimerSchedule.Parse("*/5 * * * * *", TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 5, TimeSpan.Zero), everyFiveSeconds.Next(new DateTimeOffset(2026, 12, 1, 9, 0, 1, TimeSpan.Zero)));
    }

    [Fact]
    public void With_a_time_zone_the_expression_is_the_zones_wall_clock_across_the_summer_time_change()
    {
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        var nightly = TimerSchedule.Parse("0 30 2 * * *", oslo);
        // Winter: 02:30 in Oslo is 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 30, 0, TimeSpan.Zero), nightly.Next(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        // 29 March 2026 has no 02:30 in Oslo (the clock jumps from 02:00 to 03:00): the next run is the night after.
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero), nightly.Next(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_time_span_schedule_is_a_fixed_interval_and_nonsense_is_refused_with_why()
    {
        var every = TimerSchedule.Parse("00:10:00", TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 10, 0, TimeSpan.Zero), every.Next(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        Assert.Contains("every night", Assert.Throws<FormatException>(() => TimerSchedule.Parse("every night", TimeZoneInfo.Utc)).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => TimerSchedule.Parse("0 99 2 * * *", TimeZoneInfo.Utc));
    }
}
