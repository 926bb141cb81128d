using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Domain;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class ComplaintStoreTests(AzuriteFixture azurite)
{
    readonly ComplaintStore store = new(new AppTables(azurite.Account));

    [Fact]
    public async Task A_complaint_reads_back_as_it_was_stored()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.Zero);
        var complaint = Complaint.Open(CaseNumber.New(), Channel.Chat, Samples.Details(), opened);
        complaint.Apply(CaseAction.AskCustomer, opened.AddHours(2));

        Assert.True(await store.TryCreateAsync(complaint, idempotencyKey: "key-1"));
        var read = await store.GetAsync(complaint.CaseNumber);

        Assert.Equal(complaint.CaseNumber, read.Complaint.CaseNumber);
        Assert.Equal(Channel.Chat, read.Complaint.Channel);
        Assert.Equal(CaseStage.WaitingForCustomer, read.Complaint.Stage);
        Assert.Equal(complaint.Details, read.Complaint.Details);
        Assert.Equal(opened, read.Complaint.OpenedAt);
        Assert.Equal(opened.AddHours(2), read.Complaint.UpdatedAt);
        Assert.Equal("key-1", read.IdempotencyKey);
    }

    [Fact]
    public async Task A_taken_case_number_is_not_overwritten()
    {
        var number = CaseNumber.New();
        var first = Complaint.Open(number, Channel.Email, Samples.Details("first@example.no"), DateTimeOffset.UtcNow);
        var second = Complaint.Open(number, Channel.Email, Samples.Details("second@example.no"), DateTimeOffset.UtcNow);

        Assert.True(await store.TryCreateAsync(first, null));
        Assert.False(await store.TryCreateAsync(second, null));
        Assert.Equal("first@example.no", (await store.GetAsync(number)).Complaint.Details.Customer.Email);
    }

    [Fact]
    public async Task Of_two_concurrent_updates_the_later_one_loses_with_a_clear_error()
    {
        var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, Samples.Details(), DateTimeOffset.UtcNow);
        await store.TryCreateAsync(complaint, null);
        var agentA = await store.GetAsync(complaint.CaseNumber);
        var agentB = await store.GetAsync(complaint.CaseNumber);

        agentA.Complaint.Apply(CaseAction.GiveFinalAnswer, DateTimeOffset.UtcNow);
        await store.UpdateAsync(agentA);
        agentB.Complaint.Apply(CaseAction.AskCustomer, DateTimeOffset.UtcNow);
        var error = await Assert.ThrowsAsync<ConcurrentCaseUpdateException>(() => store.UpdateAsync(agentB));

        Assert.Contains(complaint.CaseNumber.Value, error.Message, StringComparison.Ordinal);
        Assert.Contains("read it again", error.Message, StringComparison.Ordinal);
        Assert.Equal(CaseStage.FinalAnswer, (await store.GetAsync(complaint.CaseNumber)).Complaint.Stage);
    }

    [Fact]
    public async Task Cases_created_concurrently_all_get_their_own_number()
    {
        var tasks = Enumerable.Range(0, 60).Select(async i =>
        {
            for (var draw = 0; ; draw++)
            {
                var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, Samples.Details($"c{i}@example.no"), DateTimeOffset.UtcNow);
                if (await store.TryCreateAsync(complaint, null))
                {
                    return complaint.CaseNumber;
                }
            }
        });

        var numbers = await Task.WhenAll(tasks);

        Assert.Equal(60, numbers.Distinct().Count());
        foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
        {
            Assert.Equal($"c{i}@example.no", (await store.GetAsync(number)).Complaint.Details.Customer.Email);
        }
    }
}
