using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;

namespace ComplaintFunctions.Storage;

/// <summary>One line of a case's audit trail: who did what, when, through which channel.</summary>
/// <param name="EventId">Stable for one logical event, so a retried write finds it already there.</param>
/// <param name="Actor">Who acted: <c>customer</c>, <c>agent:name</c>, <c>ombudsman</c>, <c>system</c>.</param>
/// <param name="Channel">Through what: <c>webform</c>, <c>email</c>, <c>phone</c>, <c>chat</c>, <c>link</c>, <c>system</c>.</param>
/// <param name="Facts">What the reports count of the line (an outcome, an amount), with no personal data: erasure keeps it.</param>
public sealed record CaseEvent(
    CaseNumber CaseNumber,
    string EventId,
    DateTimeOffset OccurredAt,
    string Kind,
    string Actor,
    string Channel,
    string Summary,
    TrailFacts? Facts = null);

/// <summary>
/// The append-only audit trail (partition = case number, row = time then event id, so a case
/// reads in order). Rows are only added, with one exception: erasure of the case's personal data
/// (<see cref="AnonymiseAsync"/>) replaces each line's summary with a marker and a customer's address
/// as actor with <c>customer</c>, keeping everything else (keys, kind, time, channel, staff actors, facts).
/// Nothing deletes a row.
/// </summary>
public sealed class CaseEventLog(AppTables tables)
{
    /// <summary>Adds the event; false when this very event (same time and id) is already recorded.</summary>
    public async Task<bool> AppendAsync(CaseEvent caseEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        var table = await tables.GetAsync(TableNames.CaseEvents);
        return await AddAsync(table, EntityOf(caseEvent), cancellationToken);
    }

    /// <summary>
    /// Adds the lines of one case in one table transaction (one request instead of one each). When one of
    /// them is there already (a retried step), each is added on its own and those already there are left
    /// as they are: lines are never overwritten.
    /// </summary>
    public async Task AppendAllAsync(IReadOnlyList<CaseEvent> caseEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseEvents);
        if (caseEvents.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.CaseEvents);
        var entities = caseEvents.Select(EntityOf).DistinctBy(e => e.RowKey, StringComparer.Ordinal).ToList();
        if (entities.Select(e => e.PartitionKey).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            throw new ArgumentException("The lines of one transaction belong to one case.", nameof(caseEvents));
        }

        if (entities.Count == 1)
        {
            await AddAsync(table, entities[0], cancellationToken);
            return;
        }

        try
        {
            // A transaction holds at most 100 entities; a case's step writes a handful.
            foreach (var chunk in entities.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
            }
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            foreach (var entity in entities)
            {
                await AddAsync(table, entity, cancellationToken);
            }
        }
    }

    static TableEntity EntityOf(CaseEvent caseEvent)
    {
        var entity = new TableEntity(caseEvent.CaseNumber.Value, RowKeyOf(caseEvent))
        {
            ["EventId"] = caseEvent.EventId,
            ["OccurredAt"] = caseEvent.OccurredAt,
            ["Kind"] = caseEvent.Kind,
            ["Actor"] = caseEvent.Actor,
            ["Channel"] = caseEvent.Channel,
            ["Summary"] = caseEvent.Summary,
        };
        if (caseEvent.Facts?.ToColumn() is { } facts)
        {
            entity["Facts"] = facts;
        }

        return entity;
    }

    static async Task<bool> AddAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
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

    /// <summary>The case's trail, oldest first.</summary>
    public async Task<IReadOnlyList<CaseEvent>> ReadAsync(CaseNumber caseNumber, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.CaseEvents);
        var events = new List<CaseEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseNumber.Value}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            events.Add(new CaseEvent(
                caseNumber,
                e.GetString("EventId"),
                e.GetDateTimeOffset("OccurredAt") ?? DateTimeOffset.MinValue,
                e.GetString("Kind"),
                e.GetString("Actor"),
                e.GetString("Channel"),
                e.GetString("Summary"),
                TrailFacts.Parse(e.GetString("Facts"))));
        }

        return events;
    }

    static string RowKeyOf(CaseEvent e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.OccurredAt.UtcTicks:D19}-{e.EventId}");

    /// <summary>What an erased line's summary says instead of what it said.</summary>
    public const string ErasedSummary = "(erased)";

    /// <summary>
    /// Every line of the case but those of <paramref name="keepKind"/>: its summary replaced with <see cref="ErasedSummary"/>, and an
    /// actor that is an e-mail address (a customer's) with <c>customer</c>. Merged, so every other column stays; safe to run again.
    /// </summary>
    public async Task<int> AnonymiseAsync(CaseNumber caseNumber, string keepKind, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.CaseEvents);
        var changed = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseNumber.Value}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Kind", "Actor", "Summary"], cancellationToken: cancellationToken))
        {
            if (e.GetString("Kind") == keepKind)
            {
                continue;
            }

            var actor = e.GetString("Actor");
            var change = new TableEntity(e.PartitionKey, e.RowKey);
            if (e.GetString("Summary") != ErasedSummary)
            {
                change["Summary"] = ErasedSummary;
            }

            if (IsAddress(actor))
            {
                change["Actor"] = "customer";
            }

            if (change.Count > 2)
            {
                await table.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken);
                changed++;
            }
        }

        return changed;
    }

    /// <summary>Staff act as <c>role:Name</c> and the process as <c>system</c> or <c>customer</c>: an actor with an @ that is not a staff role's is someone's address.</summary>
    static bool IsAddress(string? actor)
    {
        if (actor is null || !actor.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var colon = actor.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || !StaffConsole.StaffRoles.All.Contains(actor[..colon], StringComparer.Ordinal);
    }
}
