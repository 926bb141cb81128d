using System.Text.Json;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using static ComplaintFunctions.Domain.Tests.Support.Local;

namespace ComplaintFunctions.Domain.Tests.Service;

public class SlaClockTests
{
    static readonly BusinessCalendar Norway = new(Country.NO);

    [Fact]
    public void A_running_clock_is_due_when_its_business_time_has_passed()
    {
        var clock = SlaClock.Start(TimeSpan.FromHours(8), Oslo(2027, 11, 1, 10, 0));

        Assert.Equal(Oslo(2027, 11, 2, 10, 0), clock.DueAt(Norway));
        Assert.False(clock.IsOverdue(Oslo(2027, 11, 2, 10, 0), Norway));
        Assert.True(clock.IsOverdue(Oslo(2027, 11, 2, 10, 1), Norway));
    }

    [Fact]
    public void A_clock_started_on_Friday_afternoon_is_due_on_Monday()
    {
        var clock = SlaClock.Start(TimeSpan.FromHours(4), Oslo(2027, 11, 5, 14, 0));

        Assert.Equal(Oslo(2027, 11, 8, 10, 0), clock.DueAt(Norway));
        Assert.False(clock.IsOverdue(Oslo(2027, 11, 7, 12, 0), Norway));
    }

    [Fact]
    public void Waiting_for_the_customer_stops_the_clock_and_their_answer_starts_it_again()
    {
        var clock = SlaClock.Start(TimeSpan.FromHours(8), Oslo(2027, 11, 1, 10, 0));

        var paused = clock.Pause(Oslo(2027, 11, 1, 14, 0), Norway);

        Assert.False(paused.IsRunning);
        Assert.Equal(TimeSpan.FromHours(4), paused.Consumed);
        Assert.Null(paused.DueAt(Norway));
        Assert.False(paused.IsOverdue(Oslo(2027, 11, 10, 12, 0), Norway));

        var resumed = paused.Resume(Oslo(2027, 11, 3, 10, 0));

        Assert.Equal(Oslo(2027, 11, 3, 14, 0), resumed.DueAt(Norway));
        Assert.Equal(TimeSpan.FromHours(2), resumed.RemainingAt(Oslo(2027, 11, 3, 12, 0), Norway));
        Assert.False(resumed.IsOverdue(Oslo(2027, 11, 3, 13, 59), Norway));
        Assert.True(resumed.IsOverdue(Oslo(2027, 11, 3, 14, 30), Norway));
    }

    [Fact]
    public void Pausing_or_resuming_twice_changes_nothing()
    {
        var clock = SlaClock.Start(TimeSpan.FromHours(8), Oslo(2027, 11, 1, 10, 0));
        var paused = clock.Pause(Oslo(2027, 11, 1, 14, 0), Norway);
        var resumed = paused.Resume(Oslo(2027, 11, 2, 9, 0));

        Assert.Equal(paused, paused.Pause(Oslo(2027, 11, 1, 15, 0), Norway));
        Assert.Equal(resumed, resumed.Resume(Oslo(2027, 11, 2, 11, 0)));
    }

    [Fact]
    public void A_restart_gives_the_whole_target_again_from_now()
    {
        var clock = SlaClock.Start(TimeSpan.FromHours(8), Oslo(2027, 11, 1, 10, 0)).Pause(Oslo(2027, 11, 1, 15, 0), Norway);

        var restarted = clock.Restart(Oslo(2027, 11, 4, 12, 0));

        Assert.Equal(TimeSpan.Zero, restarted.Consumed);
        Assert.Equal(Oslo(2027, 11, 5, 12, 0), restarted.DueAt(Norway));
    }

    [Fact]
    public void A_clock_paused_after_its_target_ran_out_stays_overdue()
    {
        var clock = SlaClock.Start(TimeSpan.FromHours(2), Oslo(2027, 11, 1, 10, 0));

        var paused = clock.Pause(Oslo(2027, 11, 1, 15, 0), Norway);

        Assert.True(paused.IsOverdue(Oslo(2027, 11, 1, 15, 0), Norway));
        Assert.Equal(TimeSpan.FromHours(-3), paused.RemainingAt(Oslo(2027, 11, 2, 12, 0), Norway));
    }

    [Fact]
    public void A_clock_paused_over_Easter_resumes_with_the_time_it_had_left()
    {
        var clock = SlaClock.Start(TimeSpan.FromHours(16), Oslo(2027, 3, 22, 8, 0))
            .Pause(Oslo(2027, 3, 23, 12, 0), Norway);

        var resumed = clock.Resume(Oslo(2027, 3, 24, 15, 0));

        // 12 hours used; 4 left: one hour on Wednesday, three on Tuesday after Easter.
        Assert.Equal(Oslo(2027, 3, 30, 11, 0), resumed.DueAt(Norway));
    }

    [Fact]
    public void A_clock_survives_a_round_trip_through_orchestration_state()
    {
        var clock = SlaClock.Start(TimeSpan.FromHours(8), Oslo(2027, 11, 1, 10, 0)).Pause(Oslo(2027, 11, 1, 12, 0), Norway);

        var copy = JsonSerializer.Deserialize<SlaClock>(JsonSerializer.Serialize(clock));

        Assert.Equal(clock, copy);
    }
}
