using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Domain;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.Storage;

/// <summary>The open-case list the worklist reads: every open case on it, closed cases off it, and a stale line never shown as it is.</summary>
[Collection(AzuriteCollection.Name)]
public class OpenCaseListTests(AzuriteFixture azurite)
{
    readonly AppTables tables = new(azurite.Account);

    ComplaintStore Store() => new(tables);

    async Task<bool> ListedAsync(CaseNumber number)
    {
        await foreach (var line in Store().ListOpenAsync(null, DateTimeOffset.UtcNow))
        {
            if (line.Complaint.CaseNumber == number)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task A_new_case_is_listed_with_its_stage_and_a_closed_one_is_not()
    {
        var store = Store();
        var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, Samples.Details(), DateTimeOffset.UtcNow);
        Assert.True(await store.TryCreateAsync(complaint, null));
        Assert.True(await ListedAsync(complaint.CaseNumber));

        var stored = await store.GetAsync(complaint.CaseNumber);
        stored.Complaint.Apply(CaseAction.AskCustomer, DateTimeOffset.UtcNow);
        stored = await store.UpdateAsync(stored);
        await foreach (var line in store.ListOpenAsync(CaseStage.WaitingForCustomer, DateTimeOffset.UtcNow))
        {
            if (line.Complaint.CaseNumber == complaint.CaseNumber)
            {
                Assert.Equal(complaint.Details.Customer.Email, line.Complaint.Details.Customer.Email);
            }
        }

        await store.AssignAsync(complaint.CaseNumber, "Ola Hansen");
        await store.UpdateServiceStateAsync(complaint.CaseNumber, owner: "customer", dueAt: DateTimeOffset.UtcNow.AddDays(2));
        var checkedLines = await store.CheckAsync([(await store.FindOnTheListAsync(complaint.CaseNumber, DateTimeOffset.UtcNow))!], DateTimeOffset.UtcNow);
        Assert.Equal("Ola Hansen", Assert.Single(checkedLines).AssignedTo);

        stored = await store.GetAsync(complaint.CaseNumber);
        stored.Complaint.Apply(CaseAction.Resolve, DateTimeOffset.UtcNow);
        await store.UpdateAsync(stored);
        Assert.False(await ListedAsync(complaint.CaseNumber));

        // A service-state write after the close does not list the case again.
        await store.UpdateServiceStateAsync(complaint.CaseNumber, owner: "nobody (closed)", clearDue: true);
        Assert.False(await ListedAsync(complaint.CaseNumber));
    }

    [Fact]
    public async Task Two_attempts_racing_for_one_case_number_leave_the_case_listed_with_its_own_columns()
    {
        // As two deliveries of one mail do: the same number from the same key. The second attempt's line went in
        // first, the first attempt stored the case; the second's line is then made to show that case, not deleted.
        var store = Store();
        var number = CaseNumber.New();
        var first = Complaint.Open(number, Channel.Email, Samples.Details("first@example.no"), DateTimeOffset.UtcNow);
        var second = Complaint.Open(number, Channel.Email, Samples.Details("second@example.no"), DateTimeOffset.UtcNow);
        var index = await tables.GetAsync(TableNames.OpenCases);
        var cases = await tables.GetAsync(TableNames.Complaints);
        Assert.True(await store.TryCreateAsync(first, null));

        // The first attempt's own line lost to the second's, which went in just before it: none of the first's stays.
        await index.DeleteEntityAsync("open", number.Value);

        // The second attempt: its line goes in (none there), the case is taken, so its line is rewritten from the case.
        Assert.False(await store.TryCreateAsync(second, null));

        var line = (await index.GetEntityIfExistsAsync<TableEntity>("open", number.Value)).Value;
        Assert.NotNull(line);
        Assert.Equal("first@example.no", line.GetString("CustomerEmail"));
        Assert.True((await cases.GetEntityIfExistsAsync<TableEntity>(number.Value, "case")).HasValue);
    }

    [Fact]
    public async Task A_line_that_shows_its_case_is_not_written_again_when_checked()
    {
        var store = Store();
        var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, Samples.Details(), DateTimeOffset.UtcNow);
        Assert.True(await store.TryCreateAsync(complaint, null));
        await store.UpdateServiceStateAsync(complaint.CaseNumber, owner: "customer-service team", dueAt: DateTimeOffset.UtcNow.AddHours(8));
        var index = await tables.GetAsync(TableNames.OpenCases);
        var before = (await index.GetEntityAsync<TableEntity>("open", complaint.CaseNumber.Value)).Value.ETag;
        var line = await FindLineAsync(store, complaint.CaseNumber);

        Assert.Single(await store.CheckAsync([line], DateTimeOffset.UtcNow));
        Assert.Equal(before, (await index.GetEntityAsync<TableEntity>("open", complaint.CaseNumber.Value)).Value.ETag);
    }

    static async Task<CaseOnTheList> FindLineAsync(ComplaintStore store, CaseNumber number)
    {
        await foreach (var line in store.ListOpenAsync(null, DateTimeOffset.UtcNow))
        {
            if (line.Complaint.CaseNumber == number)
            {
                return line;
            }
        }

        throw new InvalidOperationException($"{number} is not listed.");
    }

    [Fact]
    public async Task A_line_left_behind_by_a_crash_is_not_shown_and_is_taken_off_when_checked()
    {
        var store = Store();
        var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, Samples.Details(), DateTimeOffset.UtcNow);
        Assert.True(await store.TryCreateAsync(complaint, null));
        var line = (await store.FindOnTheListAsync(complaint.CaseNumber, DateTimeOffset.UtcNow))!;

        // As if the close was written to the case and the process stopped before the list heard of it.
        var cases = await tables.GetAsync(TableNames.Complaints);
        await cases.UpdateEntityAsync(new TableEntity(complaint.CaseNumber.Value, "case") { ["Stage"] = "closed" }, Azure.ETag.All, TableUpdateMode.Merge);
        Assert.True(await ListedAsync(complaint.CaseNumber));

        Assert.Empty(await store.CheckAsync([line], DateTimeOffset.UtcNow));
        Assert.False(await ListedAsync(complaint.CaseNumber));
    }

    [Fact]
    public async Task Opening_a_case_page_heals_its_line()
    {
        var store = Store();
        var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, Samples.Details(), DateTimeOffset.UtcNow);
        Assert.True(await store.TryCreateAsync(complaint, null));
        var cases = await tables.GetAsync(TableNames.Complaints);
        await cases.UpdateEntityAsync(new TableEntity(complaint.CaseNumber.Value, "case") { ["Stage"] = "closed" }, Azure.ETag.All, TableUpdateMode.Merge);

        // The case page reads the case itself and keeps its line in step: closed, so off the list.
        await store.FindOnTheListAsync(complaint.CaseNumber, DateTimeOffset.UtcNow, keepLine: true);
        Assert.False(await ListedAsync(complaint.CaseNumber));
    }

    [Fact]
    public async Task A_line_behind_its_case_shows_the_case_as_it_is_and_is_written_again()
    {
        var store = Store();
        var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, Samples.Details(), DateTimeOffset.UtcNow);
        Assert.True(await store.TryCreateAsync(complaint, null));
        var stale = (await store.FindOnTheListAsync(complaint.CaseNumber, DateTimeOffset.UtcNow))!;

        var cases = await tables.GetAsync(TableNames.Complaints);
        await cases.UpdateEntityAsync(new TableEntity(complaint.CaseNumber.Value, "case") { ["Stage"] = "final-answer" }, Azure.ETag.All, TableUpdateMode.Merge);
        Assert.Equal(CaseStage.FinalAnswer, Assert.Single(await store.CheckAsync([stale], DateTimeOffset.UtcNow)).Complaint.Stage);

        var listed = false;
        await foreach (var l in store.ListOpenAsync(CaseStage.FinalAnswer, DateTimeOffset.UtcNow))
        {
            listed |= l.Complaint.CaseNumber == complaint.CaseNumber;
        }

        Assert.True(listed);
    }
}
