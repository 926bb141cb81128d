using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Links;

/// <summary>Who used an action link, and when.</summary>
public sealed record ActionLinkUse(Guid ActionId, CaseNumber CaseNumber, string UsedBy, DateTimeOffset UsedAt);

/// <summary>
/// Makes each action link work once: the first use inserts a row keyed by the link's action id;
/// every later use finds it (409) and is refused, across instances and retries. The row says who
/// used the link and when, for the "already used" page.
/// </summary>
public sealed class UsedActionLinks(AppTables tables)
{
    const string RowKey = "use";
    const string RefusedRowKey = "refused";

    /// <summary>Records the use; true the first time, false when the link was used before (by anyone).</summary>
    /// <param name="who">Who acted, as the audit trail writes it (<c>customer</c>, <c>agent:ola</c>).</param>
    public async Task<bool> TryUseAsync(Guid actionId, CaseNumber caseNumber, string who, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        var table = await tables.GetAsync(TableNames.UsedActionLinks);
        var entity = new TableEntity(PartitionOf(actionId), RowKey)
        {
            ["CaseNumber"] = caseNumber.Value,
            ["UsedBy"] = who,
            ["UsedAt"] = at,
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
                entity.GetDateTimeOffset("UsedAt") ?? DateTimeOffset.MinValue)
            : null;
    }

    static string PartitionOf(Guid actionId) => actionId.ToString("N");
}
