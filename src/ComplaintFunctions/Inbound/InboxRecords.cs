using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Inbound;

/// <summary>What became of one inbound mail, keyed by its identity: a redelivery finds it and is ignored.</summary>
public sealed record InboundMailRecord(string IdentityHash, string Outcome, string? CaseNumber, string Reason, DateTimeOffset At);

public sealed class InboundMailLedger(AppTables tables)
{
    public async Task<InboundMailRecord?> FindAsync(string identityHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.InboundMail);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(identityHash, "mail", cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new InboundMailRecord(identityHash, e.GetString("Outcome"), e.GetString("CaseNumber"), e.GetString("Reason"), e.GetDateTimeOffset("At") ?? default)
            : null;
    }

    public async Task RecordAsync(InboundMailRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableNames.InboundMail);
        var entity = new TableEntity(record.IdentityHash, "mail")
        {
            ["Outcome"] = record.Outcome,
            ["CaseNumber"] = record.CaseNumber,
            ["Reason"] = Trim(record.Reason),
            ["At"] = record.At,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A concurrent delivery of the same mail recorded it first.
        }
    }

    internal static string Trim(string? text, int max = 2000) =>
        text is null ? string.Empty : text.Length <= max ? text : text[..max] + "…";
}

/// <summary>A mail kept for a person because it belongs to no case and must not be answered (bounces, lists, unreadable mail).</summary>
public sealed record ReviewItem(string IdentityHash, string From, string Subject, string Reason, string RawMailBlob, DateTimeOffset At)
{
    /// <summary>What a person does with it, once someone has taken it in hand; null while it waits.</summary>
    public ReviewHandling? Handling { get; init; }
}

/// <summary>What staff do with a mail on the review list.</summary>
public static class ReviewActions
{
    public const string Attach = "attach";
    public const string OpenCase = "open-case";
    public const string Dismiss = "dismiss";

    public static IReadOnlyList<string> All { get; } = [Attach, OpenCase, Dismiss];
}

/// <param name="Into">The case it is attached to (attach), or the case it opened (open as a case, once done).</param>
/// <param name="Done">Carried out; until then the person who took it in hand (or anyone after them) can finish it.</param>
public sealed record ReviewHandling(string Action, string? Into, string By, DateTimeOffset At, bool Done, string? Note);

/// <summary>What came of taking a review item in hand.</summary>
public enum ReviewClaim
{
    /// <summary>Taken in hand now, or it was already in hand for this very action: carry it out.</summary>
    Carry,

    /// <summary>Someone took it in hand for something else, or it is done.</summary>
    TakenOther,

    /// <summary>No such item.</summary>
    Missing,
}
public sealed class InboxReviewList(AppTables tables)
{
    const string Partition = "review";

    public async Task AddAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var table = await tables.GetAsync(TableNames.InboxReview);
        var entity = new TableEntity(Partition, item.IdentityHash)
        {
            ["From"] = InboundMailLedger.Trim(item.From, 300),
            ["Subject"] = InboundMailLedger.Trim(item.Subject, 500),
            ["Reason"] = InboundMailLedger.Trim(item.Reason),
            ["RawMailBlob"] = item.RawMailBlob,
            ["At"] = item.At,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            // The same mail again (a retried queue item): the row stays as it is, with what a person may already have done with it.
        }
    }

    public async Task<ReviewItem?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.InboxReview);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, hash, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ItemOf(e) : null;
    }

    /// <summary>
    /// Takes the item in hand for one action, once (the row's ETag decides between two people at once):
    /// the action is written on the item before it is carried out, so one cut short is finished, never
    /// carried out as something else by someone else.
    /// </summary>
    public async Task<(ReviewClaim Claim, ReviewItem? Item)> ClaimAsync(string hash, string action, string? into, string by, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.InboxReview);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, hash, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e)
        {
            return (ReviewClaim.Missing, null);
        }

        var item = ItemOf(e);
        if (item.Handling is { } handling)
        {
            var same = !handling.Done && handling.Action == action && (action != ReviewActions.Attach || handling.Into == into);
            return (same ? ReviewClaim.Carry : ReviewClaim.TakenOther, item);
        }

        var claim = new TableEntity(Partition, hash) { ["Action"] = action, ["Into"] = into, ["HandledBy"] = by, ["HandledAt"] = at, ["Note"] = note is null ? null : InboundMailLedger.Trim(note, 1000), ["Done"] = false };
        try
        {
            await table.UpdateEntityAsync(claim, e.ETag, TableUpdateMode.Merge, cancellationToken);
            return (ReviewClaim.Carry, item with { Handling = new ReviewHandling(action, into, by, at, false, note) });
        }
        catch (Azure.RequestFailedException conflict) when (conflict.Status == 412)
        {
            // Someone took it in hand at the same moment: read again; what they chose stands (the same choice is carried out once more, which changes nothing).
            return await ClaimAsync(hash, action, into, by, note, at, cancellationToken);
        }
    }

    /// <summary>The item's action is carried out; <paramref name="caseNumber"/> is the case it went to (attached, or opened).</summary>
    public async Task MarkDoneAsync(string hash, string? caseNumber, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.InboxReview);
        await table.UpdateEntityAsync(new TableEntity(Partition, hash) { ["Done"] = true, ["Into"] = caseNumber }, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    static ReviewItem ItemOf(TableEntity e) =>
        new(e.RowKey, e.GetString("From"), e.GetString("Subject"), e.GetString("Reason"), e.GetString("RawMailBlob"), e.GetDateTimeOffset("At") ?? default)
        {
            Handling = e.GetString("Action") is { Length: > 0 } action
                ? new ReviewHandling(action, e.GetString("Into"), e.GetString("HandledBy") ?? "unknown", e.GetDateTimeOffset("HandledAt") ?? default, e.GetBoolean("Done") ?? false, e.GetString("Note"))
                : null,
        };

    public async Task<IReadOnlyList<ReviewItem>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.InboxReview);
        var items = new List<ReviewItem>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            items.Add(ItemOf(e));
        }

        return items.OrderByDescending(i => i.At).ToList();
    }
}
