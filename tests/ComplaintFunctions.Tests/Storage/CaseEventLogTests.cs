using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class CaseEventLogTests(AzuriteFixture azurite)
{
    readonly CaseEventLog trail = new(new AppTables(azurite.Account));

    [Fact]
    public async Task The_audit_trail_reads_in_order_with_who_what_when_and_channel()
    {
        var number = CaseNumber.New();
        var t0 = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        await trail.AppendAsync(new CaseEvent(number, "answered", t0.AddHours(3), "answered", "agent:ola", "link", "Agent answered."));
        await trail.AppendAsync(new CaseEvent(number, "opened", t0, "opened", "customer", "phone", "Complaint reported."));

        var events = await trail.ReadAsync(number);

        Assert.Equal(["opened", "answered"], events.Select(e => e.Kind));
        Assert.Equal("agent:ola", events[1].Actor);
        Assert.Equal("phone", events[0].Channel);
        Assert.Equal(t0, events[0].OccurredAt);
    }

    [Fact]
    public async Task The_audit_trail_is_append_only_a_line_is_never_overwritten()
    {
        var number = CaseNumber.New();
        var at = DateTimeOffset.UtcNow;
        var original = new CaseEvent(number, "decided", at, "decision", "ombudsman", "link", "Upheld.");

        Assert.True(await trail.AppendAsync(original));
        Assert.False(await trail.AppendAsync(original with { Actor = "agent:mallory", Summary = "Overturned." }));

        var events = await trail.ReadAsync(number);
        var only = Assert.Single(events);
        Assert.Equal("ombudsman", only.Actor);
        Assert.Equal("Upheld.", only.Summary);
    }

    [Fact]
    public void The_audit_trail_offers_no_way_to_change_or_remove_a_line()
    {
        var writers = typeof(CaseEventLog).GetMethods()
            .Where(m => m.DeclaringType == typeof(CaseEventLog))
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);

        // The one exception is erasure's: it blanks a line's summary and a customer's address as its actor, and keeps the rest.
        Assert.Equal(["AnonymiseAsync", "AppendAllAsync", "AppendAsync", "ReadAsync"], writers);
    }
}
