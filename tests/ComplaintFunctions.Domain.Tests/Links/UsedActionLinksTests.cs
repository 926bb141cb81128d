using ComplaintFunctions.Tests.Support;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Tests.Support;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Domain.Tests.Links;

[Collection(AzuriteCollection.Name)]
public class UsedActionLinksTests(AzuriteFixture azurite)
{
    readonly UsedActionLinks used = new(new AppTables(azurite.Account));

    static readonly DateTimeOffset At = new(2027, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_link_works_the_first_time_and_is_refused_the_second_time()
    {
        var actionId = Guid.NewGuid();
        var number = CaseNumber.New();

        Assert.True(await used.TryUseAsync(actionId, number, "customer", At));
        Assert.False(await used.TryUseAsync(actionId, number, "customer", At.AddMinutes(1)));
    }

    [Fact]
    public async Task The_refusal_page_can_say_who_used_the_link_and_when()
    {
        var actionId = Guid.NewGuid();
        var number = CaseNumber.New();
        await used.TryUseAsync(actionId, number, "agent:ola", At);
        await used.TryUseAsync(actionId, number, "agent:kari", At.AddHours(1));

        var use = await used.FindUseAsync(actionId);

        Assert.NotNull(use);
        Assert.Equal("agent:ola", use.UsedBy);
        Assert.Equal(At, use.UsedAt);
        Assert.Equal(number, use.CaseNumber);
    }

    [Fact]
    public async Task An_unused_link_has_no_recorded_use()
    {
        Assert.Null(await used.FindUseAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Of_many_simultaneous_clicks_exactly_one_gets_through()
    {
        var actionId = Guid.NewGuid();
        var number = CaseNumber.New();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => used.TryUseAsync(actionId, number, $"agent:{i}", At)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Links_are_used_independently_of_each_other()
    {
        var number = CaseNumber.New();

        Assert.True(await used.TryUseAsync(Guid.NewGuid(), number, "customer", At));
        Assert.True(await used.TryUseAsync(Guid.NewGuid(), number, "customer", At));
    }
}
