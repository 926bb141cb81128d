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
public sealed record ReviewItem(string IdentityHash, string From, string Subject, string Reason, string RawMailBlob, DateTimeOffset At);

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
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewItem>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.InboxReview);
        var items = new List<ReviewItem>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            items.Add(new ReviewItem(e.RowKey, e.GetString("From"), e.GetString("Subject"), e.GetString("Reason"), e.GetString("RawMailBlob"), e.GetDateTimeOffset("At") ?? default));
        }

        return items.OrderByDescending(i => i.At).ToList();
    }
}
