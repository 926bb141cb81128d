using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Links;

/// <summary>Who used an action link, and when; what they asked for, and whether it has all been done.</summary>
/// <param name="Intent">The input the use raises on the case (JSON), recorded with the use so that a use cut short can be finished.</param>
/// <param name="Done">The input was raised; a later use is a second use.</param>
public sealed record ActionLinkUse(Guid ActionId, CaseNumber CaseNumber, string UsedBy, DateTimeOffset UsedAt, string? Intent = null, bool Done = true);

/// <summary>
/// Makes each action link work once: the first use inserts a row keyed by the link's action id,
/// together with what it asks for; every later use finds it (409) and is refused, across instances
/// and retries, unless the first was cut short before it was done: then the same person's retry
/// finishes it. The row says who used the link and when, for the "already used" page.
/// </summary>
public sealed class UsedActionLinks(AppTables tables)
{
    const string RowKey = "use";
    const string RefusedRowKey = "refused";

    /// <summary>Records the use; true the first time, false when the link was used before (by anyone).</summary>
    /// <param name="who">Who acted, as the audit trail writes it (<c>customer</c>, <c>agent:ola</c>).</param>
    public Task<bool> TryUseAsync(Guid actionId, CaseNumber caseNumber, string who, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        TryUseAsync(actionId, caseNumber, who, at, null, cancellationToken);

    /// <param name="intent">What the use asks the case to do, kept until <see cref="MarkDoneAsync"/>; null for a use with nothing to finish.</param>
    public async Task<bool> TryUseAsync(Guid actionId, CaseNumber caseNumber, string who, DateTimeOffset at, string? intent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        var table = await tables.GetAsync(TableNames.UsedActionLinks);
        var entity = new TableEntity(PartitionOf(actionId), RowKey)
        {
            ["CaseNumber"] = caseNumber.Value,
            ["UsedBy"] = who,
            ["UsedAt"] = at,
            ["Intent"] = intent,
            ["Done"] = intent is null,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Records that the link was refused (its role may not take its step) and gives the time of its
    /// first refusal: the same time for every later look, so the trail line written with it (keyed by
    /// the link's action id and that time) is written once however often the link is opened.
    /// </summary>
    public async Task<DateTimeOffset> FirstRefusalAsync(Guid actionId, CaseNumber caseNumber, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.UsedActionLinks);
        var entity = new TableEntity(PartitionOf(actionId), RefusedRowKey)
        {
            ["CaseNumber"] = caseNumber.Value,
            ["RefusedAt"] = at,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return at;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var first = await table.GetEntityAsync<TableEntity>(PartitionOf(actionId), RefusedRowKey, cancellationToken: cancellationToken);
            return first.Value.GetDateTimeOffset("RefusedAt") ?? at;
        }
    }

    /// <summary>The recorded use of the link, or null when it has not been used.</summary>
    public async Task<ActionLinkUse?> FindUseAsync(Guid actionId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.UsedActionLinks);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(actionId), RowKey, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity
            ? new ActionLinkUse(
                actionId,
                CaseNumber.Parse(entity.GetString("CaseNumber")),
                entity.GetString("UsedBy"),
                entity.GetDateTimeOffset("UsedAt") ?? DateTimeOffset.MinValue,
                entity.GetString("Intent"),
                // Rows written before intents were kept have no column: those uses were done.
                entity.GetBoolean("Done") ?? true)
            : null;
    }

    /// <summary>The use's input has reached the case: from now on the link is used.</summary>
    public async Task MarkDoneAsync(Guid actionId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.UsedActionLinks);
        await table.UpdateEntityAsync(new TableEntity(PartitionOf(actionId), RowKey) { ["Done"] = true }, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    static string PartitionOf(Guid actionId) => actionId.ToString("N");
}
