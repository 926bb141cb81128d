namespace ComplaintFunctions.Domain.Tests.Support;

/// <summary>A clock the test sets by hand.</summary>
sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
