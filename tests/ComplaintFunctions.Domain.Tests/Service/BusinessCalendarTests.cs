using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using static ComplaintFunctions.Domain.Tests.Support.Local;

namespace ComplaintFunctions.Domain.Tests.Service;

public class BusinessCalendarTests
{
    static readonly BusinessCalendar Norway = new(Country.NO);
    static readonly BusinessCalendar Sweden = new(Country.SE);
    static readonly BusinessCalendar Denmark = new(Country.DK);
    static readonly BusinessCalendar Finland = new(Country.FI);

    static BusinessCalendar AlwaysOpen(Country country) => new(country, new BusinessHoursOptions
    {
        Monday = "00:00-24:00",
        Tuesday = "00:00-24:00",
        Wednesday = "00:00-24:00",
        Thursday = "00:00-24:00",
        Friday = "00:00-24:00",
        Saturday = "00:00-24:00",
        Sunday = "00:00-24:00",
    });

    [Fact]
    public void Customer_service_is_open_on_weekdays_from_eight_until_four_by_default()
    {
        Assert.False(Norway.IsOpen(Oslo(2027, 11, 1, 7, 59)));
        Assert.True(Norway.IsOpen(Oslo(2027, 11, 1, 8, 0)));
        Assert.True(Norway.IsOpen(Oslo(2027, 11, 1, 15, 59)));
        Assert.False(Norway.IsOpen(Oslo(2027, 11, 1, 16, 0)));
        Assert.False(Norway.IsOpen(Oslo(2027, 11, 6, 12, 0)));
        Assert.False(Norway.IsOpen(Oslo(2027, 11, 7, 12, 0)));
    }

    [Fact]
    public void Work_left_on_Friday_afternoon_continues_on_Monday_morning()
    {
        var friday = Oslo(2027, 11, 5, 15, 0);

        var due = Norway.AddBusinessTime(friday, TimeSpan.FromHours(3));

        Assert.Equal(Oslo(2027, 11, 8, 10, 0), due);
        Assert.Equal(TimeSpan.FromHours(1), due.Offset);
        Assert.Equal(TimeSpan.FromHours(3), Norway.BusinessTimeBetween(friday, due));
    }

    [Fact]
    public void A_weekend_adds_no_business_time()
    {
        Assert.Equal(TimeSpan.Zero, Norway.BusinessTimeBetween(Oslo(2027, 11, 5, 16, 0), Oslo(2027, 11, 8, 8, 0)));
        Assert.Equal(TimeSpan.FromHours(8), Norway.BusinessTimeBetween(Oslo(2027, 11, 5, 12, 0), Oslo(2027, 11, 8, 12, 0)));
    }

    [Fact]
    public void Business_time_that_ends_at_closing_time_ends_that_afternoon_not_the_next_morning()
    {
        Assert.Equal(Oslo(2027, 11, 5, 16, 0), Norway.AddBusinessTime(Oslo(2027, 11, 5, 8, 0), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Business_time_started_while_closed_counts_from_the_next_opening()
    {
        Assert.Equal(Oslo(2027, 11, 8, 9, 30), Norway.AddBusinessTime(Oslo(2027, 11, 6, 22, 0), TimeSpan.FromMinutes(90)));
        Assert.Equal(Oslo(2027, 11, 8, 8, 0), Norway.NextOpenInstant(Oslo(2027, 11, 6, 22, 0)));
    }

    [Fact]
    public void Business_time_between_two_instants_in_reverse_order_is_negative()
    {
        Assert.Equal(TimeSpan.FromHours(-2), Norway.BusinessTimeBetween(Oslo(2027, 11, 1, 12, 0), Oslo(2027, 11, 1, 10, 0)));
    }

    [Fact]
    public void The_seventeenth_of_May_is_closed_in_Norway()
    {
        // 2028: 17 May is a Wednesday and no other holiday.
        Assert.Equal("Constitution Day", Norway.ClosedReason(new DateOnly(2028, 5, 17)));
        Assert.Equal(Oslo(2028, 5, 18, 9, 0), Norway.AddBusinessTime(Oslo(2028, 5, 16, 15, 0), TimeSpan.FromHours(2)));

        // 2027: 17 May is a Monday, and Whit Monday too.
        Assert.Equal("Constitution Day and Whit Monday", Norway.ClosedReason(new DateOnly(2027, 5, 17)));
        Assert.False(Norway.IsOpen(Oslo(2027, 5, 17, 12, 0)));
        Assert.Equal(Oslo(2027, 5, 18, 9, 0), Norway.AddBusinessTime(Oslo(2027, 5, 14, 15, 0), TimeSpan.FromHours(2)));
        Assert.True(Sweden.IsOpen(Stockholm(2027, 5, 17, 12, 0)));
    }

    [Fact]
    public void A_deadline_set_before_Easter_falls_after_Easter_Monday()
    {
        // Wednesday 24 March 2027: two open hours left; Maundy Thursday to Easter Monday closed; clocks go forward on Easter Sunday.
        var due = Norway.AddBusinessTime(Oslo(2027, 3, 24, 14, 0), TimeSpan.FromHours(8));

        Assert.Equal(Oslo(2027, 3, 30, 14, 0), due);
        Assert.Equal(TimeSpan.FromHours(2), due.Offset);
        foreach (var day in new[] { 25, 26, 29 })
        {
            Assert.False(Norway.IsOpen(Oslo(2027, 3, day, 12, 0)), $"{day} March 2027 should be closed");
        }
    }

    [Fact]
    public void Norwegian_Easter_closes_Maundy_Thursday_to_Easter_Monday_but_Sweden_opens_on_Maundy_Thursday()
    {
        Assert.Equal("Maundy Thursday", Norway.ClosedReason(new DateOnly(2027, 3, 25)));
        Assert.Equal("Good Friday", Norway.ClosedReason(new DateOnly(2027, 3, 26)));
        Assert.Equal("Easter Monday", Norway.ClosedReason(new DateOnly(2027, 3, 29)));
        Assert.True(Sweden.IsBusinessDay(new DateOnly(2027, 3, 25)));
        Assert.False(Sweden.IsBusinessDay(new DateOnly(2027, 3, 26)));
    }

    [Fact]
    public void Business_days_skip_Easter_and_keep_the_wall_clock_time_across_the_clock_change()
    {
        Assert.Equal(Oslo(2027, 3, 30, 10, 0), Norway.AddBusinessDays(Oslo(2027, 3, 24, 10, 0), 1));
        Assert.Equal(Oslo(2027, 3, 31, 10, 0), Norway.AddBusinessDays(Oslo(2027, 3, 24, 10, 0), 2));
        Assert.Equal(Oslo(2027, 3, 24, 10, 0), Norway.AddBusinessDays(Oslo(2027, 3, 30, 10, 0), -1));
        Assert.Equal(Oslo(2027, 11, 8, 10, 0), Norway.AddBusinessDays(Oslo(2027, 11, 6, 10, 0), 1));
    }

    [Fact]
    public void Open_time_across_the_spring_clock_change_counts_wall_clock_hours_not_elapsed_hours()
    {
        // Four open hours on Wednesday 24 March, four on Tuesday 30 March; the hour lost on 28 March was at night.
        Assert.Equal(TimeSpan.FromHours(8), Norway.BusinessTimeBetween(Oslo(2027, 3, 24, 12, 0), Oslo(2027, 3, 30, 12, 0)));
        var opening = Assert.Single(Norway.OpenPeriodsOn(new DateOnly(2027, 3, 30)));
        Assert.Equal(new DateTimeOffset(2027, 3, 30, 6, 0, 0, TimeSpan.Zero), opening.Start);
        Assert.Equal(TimeSpan.FromHours(8), opening.Length);
    }

    [Fact]
    public void A_deadline_across_the_autumn_clock_change_lands_at_the_right_local_time()
    {
        // Friday 29 October 2027 at 15:00 summer time; clocks go back on Sunday 31 October.
        var due = Norway.AddBusinessTime(Oslo(2027, 10, 29, 15, 0), TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2027, 11, 1, 9, 0, 0, TimeSpan.FromHours(1)), due);
        Assert.Equal(Oslo(2027, 11, 1, 10, 0), Norway.AddBusinessDays(Oslo(2027, 10, 28, 10, 0), 2));
        Assert.Equal(TimeSpan.FromHours(8), Norway.BusinessTimeBetween(Oslo(2027, 10, 29, 12, 0), Oslo(2027, 11, 1, 12, 0)));
    }

    [Fact]
    public void A_day_when_the_clocks_go_back_has_twenty_five_open_hours_if_open_around_the_clock()
    {
        var calendar = AlwaysOpen(Country.NO);
        var day = calendar.OpenPeriodsOn(new DateOnly(2027, 10, 31));

        Assert.Equal(TimeSpan.FromHours(25), TimeSpan.FromTicks(day.Sum(p => p.Length.Ticks)));
        Assert.Equal(Oslo(2027, 10, 31, 23, 0), calendar.AddBusinessTime(Oslo(2027, 10, 31, 0, 0), TimeSpan.FromHours(24)));
    }

    [Fact]
    public void A_day_when_the_clocks_go_forward_has_twenty_three_open_hours_if_open_around_the_clock()
    {
        // 28 March 2027 is Easter Sunday (closed), so the open-all-day check uses 29 March 2026, Palm Sunday.
        var calendar = AlwaysOpen(Country.NO);
        var day = calendar.OpenPeriodsOn(new DateOnly(2026, 3, 29));

        Assert.Equal(TimeSpan.FromHours(23), TimeSpan.FromTicks(day.Sum(p => p.Length.Ticks)));
        Assert.Empty(calendar.OpenPeriodsOn(new DateOnly(2027, 3, 28)));
    }

    [Fact]
    public void Opening_hours_that_start_in_the_skipped_hour_start_when_the_clocks_jump()
    {
        var calendar = new BusinessCalendar(Country.NO, new BusinessHoursOptions { Sunday = "02:30-06:00" });

        var opening = Assert.Single(calendar.OpenPeriodsOn(new DateOnly(2026, 3, 29)));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), opening.Start);
        Assert.Equal(TimeSpan.FromHours(2), opening.Start.Offset);
        Assert.Equal(TimeSpan.FromHours(3), opening.Length);
    }

    [Fact]
    public void Swedish_Midsummer_Eve_is_closed_and_the_work_continues_on_Monday()
    {
        Assert.Equal("Midsummer Eve", Sweden.ClosedReason(new DateOnly(2027, 6, 25)));

        var due = Sweden.AddBusinessTime(Stockholm(2027, 6, 24, 15, 0), TimeSpan.FromHours(2));

        Assert.Equal(Stockholm(2027, 6, 28, 9, 0), due);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2029)]
    [InlineData(2030)]
    public void Midsummer_Eve_is_the_Friday_between_19_and_25_June_in_Sweden_and_Finland(int year)
    {
        foreach (var country in new[] { Country.SE, Country.FI })
        {
            var eve = Assert.Single(NordicHolidays.For(country, year), h => h.Name == "Midsummer Eve").Date;
            Assert.Equal(DayOfWeek.Friday, eve.DayOfWeek);
            Assert.InRange(eve.Day, 19, 25);
            Assert.Equal(6, eve.Month);
        }
    }

    [Fact]
    public void Finnish_Independence_Day_is_closed()
    {
        // 6 December 2027 is a Monday.
        Assert.Equal("Independence Day", Finland.ClosedReason(new DateOnly(2027, 12, 6)));

        var due = Finland.AddBusinessTime(Helsinki(2027, 12, 3, 15, 0), TimeSpan.FromHours(2));

        Assert.Equal(Helsinki(2027, 12, 7, 9, 0), due);
        Assert.Equal(TimeSpan.FromHours(2), due.Offset);
    }

    [Fact]
    public void Danish_Constitution_Day_and_Christmas_Eve_are_closed_in_Denmark_only()
    {
        // 5 June 2026 is a Friday.
        Assert.False(Denmark.IsBusinessDay(new DateOnly(2026, 6, 5)));
        Assert.Equal(Copenhagen(2026, 6, 8, 9, 0), Denmark.AddBusinessTime(Copenhagen(2026, 6, 4, 15, 0), TimeSpan.FromHours(2)));
        Assert.True(Norway.IsBusinessDay(new DateOnly(2026, 6, 5)));
        Assert.False(Denmark.IsBusinessDay(new DateOnly(2027, 12, 24)));
        Assert.True(Norway.IsBusinessDay(new DateOnly(2027, 12, 24)));
    }

    [Theory]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_falls_on_the_published_date(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), NordicHolidays.EasterSunday(year));
    }

    [Fact]
    public void Ascension_and_Whit_Monday_move_with_Easter()
    {
        var norway = Norway.HolidaysIn(2026).ToDictionary(h => h.Name, h => h.Date);

        Assert.Equal(new DateOnly(2026, 5, 14), norway["Ascension Day"]);
        Assert.Equal(new DateOnly(2026, 5, 25), norway["Whit Monday"]);
        Assert.DoesNotContain(Sweden.HolidaysIn(2026), h => h.Name == "Whit Monday");
    }

    [Fact]
    public void Configured_hours_and_extra_closed_dates_change_the_calendar()
    {
        var calendar = new BusinessCalendar(Country.SE, new BusinessHoursOptions
        {
            Friday = "08:00-12:00, 13:00-15:00",
            Saturday = "10:00-14:00",
            ExtraClosedDates = [new DateOnly(2027, 11, 10)],
        });

        Assert.False(calendar.IsOpen(Stockholm(2027, 11, 5, 12, 30)));
        Assert.Equal(TimeSpan.FromHours(6), calendar.BusinessTimeBetween(Stockholm(2027, 11, 5, 0, 0), Stockholm(2027, 11, 6, 0, 0)));
        Assert.True(calendar.IsOpen(Stockholm(2027, 11, 13, 11, 0)));
        Assert.Equal("All Saints' Day", calendar.ClosedReason(new DateOnly(2027, 11, 6)));
        Assert.Equal("extra closed day", calendar.ClosedReason(new DateOnly(2027, 11, 10)));
        Assert.Equal(Stockholm(2027, 11, 11, 9, 0), calendar.AddBusinessTime(Stockholm(2027, 11, 9, 15, 0), TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("8-16")]
    [InlineData("16:00-08:00")]
    [InlineData("08:00-12:00,11:00-16:00")]
    [InlineData("08:00-25:00")]
    [InlineData("always")]
    public void Unreadable_opening_hours_are_refused_naming_the_setting(string hours)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new BusinessCalendar(Country.DK, new BusinessHoursOptions { Tuesday = hours }));

        Assert.StartsWith("BusinessHours:DK:Tuesday", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_without_any_open_weekday_is_refused()
    {
        var closed = new BusinessHoursOptions { Monday = "closed", Tuesday = "closed", Wednesday = "closed", Thursday = "closed", Friday = "closed" };

        Assert.Throws<InvalidOperationException>(() => new BusinessCalendar(Country.NO, closed));
    }

    [Fact]
    public void Each_country_uses_its_own_time_zone()
    {
        Assert.Equal(TimeSpan.FromHours(2), Finland.AddBusinessTime(Helsinki(2027, 11, 1, 8, 0), TimeSpan.FromHours(1)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), Denmark.AddBusinessTime(Copenhagen(2027, 11, 1, 8, 0), TimeSpan.FromHours(1)).Offset);
        // 08:00 in Oslo is 09:00 in Helsinki: Finnish customer service has been open an hour already.
        Assert.True(Finland.IsOpen(Oslo(2027, 11, 1, 7, 30)));
        Assert.False(Norway.IsOpen(Oslo(2027, 11, 1, 7, 30)));
    }
}
