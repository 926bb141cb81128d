namespace ComplaintFunctions.Domain.Service;

/// <summary>
/// A service-level target measured in business time (first response, next response, resolution)
/// that stops while the case waits for the customer. A value: every change returns a new clock,
/// and every method takes the instant it works on, so an orchestration can keep one in its state
/// and replay it. Pausing and resuming twice is harmless (the second call changes nothing).
/// </summary>
/// <param name="Target">How much open time the retailer gives itself.</param>
/// <param name="Consumed">Open time used up to <see cref="RunningSince"/>, or up to the pause.</param>
/// <param name="RunningSince">When the clock last started running; null while paused.</param>
public sealed record SlaClock(TimeSpan Target, TimeSpan Consumed, DateTimeOffset? RunningSince)
{
    public bool IsRunning => RunningSince is not null;

    /// <summary>A clock that starts running at <paramref name="now"/> with nothing used.</summary>
    public static SlaClock Start(TimeSpan target, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(target, TimeSpan.Zero);
        return new SlaClock(target, TimeSpan.Zero, now);
    }

    /// <summary>Stops the clock (the case now waits for the customer), keeping the open time used so far.</summary>
    public SlaClock Pause(DateTimeOffset now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return RunningSince is null ? this : this with { Consumed = ConsumedAt(now, calendar), RunningSince = null };
    }

    /// <summary>Runs the clock again from <paramref name="now"/> (the customer answered), with the time already used.</summary>
    public SlaClock Resume(DateTimeOffset now) => RunningSince is null ? this with { RunningSince = now } : this;

    /// <summary>A fresh target from <paramref name="now"/>, e.g. the next-response clock after each answer.</summary>
    public SlaClock Restart(DateTimeOffset now) => this with { Consumed = TimeSpan.Zero, RunningSince = now };

    /// <summary>Open time used by <paramref name="now"/>, counting the running stretch.</summary>
    public TimeSpan ConsumedAt(DateTimeOffset now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (RunningSince is not { } since)
        {
            return Consumed;
        }

        var running = calendar.BusinessTimeBetween(since, now);
        return Consumed + (running > TimeSpan.Zero ? running : TimeSpan.Zero);
    }

    /// <summary>Open time left at <paramref name="now"/>; negative once the target is passed.</summary>
    public TimeSpan RemainingAt(DateTimeOffset now, BusinessCalendar calendar) => Target - ConsumedAt(now, calendar);

    /// <summary>When the target runs out if the clock keeps running; null while paused (no deadline while we wait for the customer).</summary>
    public DateTimeOffset? DueAt(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (RunningSince is not { } since)
        {
            return null;
        }

        var left = Target - Consumed;
        return calendar.AddBusinessTime(since, left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>
    /// True once the deadline has passed. A paused clock is overdue only if it had used its whole
    /// target before it was paused.
    /// </summary>
    public bool IsOverdue(DateTimeOffset now, BusinessCalendar calendar) =>
        DueAt(calendar) is { } due ? now > due : Consumed >= Target;
}
