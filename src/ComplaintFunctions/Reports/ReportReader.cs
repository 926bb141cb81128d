using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Reports;

/// <summary>
/// Reads what a period's report counts: the anonymised columns of every case that could count in it (opened
/// before its end and not closed for good before its start), each case's trail (kinds, ids, facts; never
/// the summaries), and the ombudsman's routine notes of the period. A report is read seldom, so it scans the
/// case table once (a page of 1,000 rows per request) rather than keeping figures that could drift from the trail.
/// </summary>
public sealed class ReportReader(AppTables tables)
{
    /// <summary>Cases whose trails are read at once: enough to hide the round trips, few enough for the storage account's limits.</summary>
    const int TrailsAtOnce = 16;

    static readonly string[] CaseColumns = ["PartitionKey", "RowKey", "Category", "Channel", "Country", "Manufacturer", "Stage", "OpenedAt", "ClosedAt"];
    static readonly string[] LineColumns = ["PartitionKey", "EventId", "OccurredAt", "Kind", "Actor", "Facts"];

    public async Task<(IReadOnlyList<ReportCase> Cases, IReadOnlyList<RoutineNote> Notes)> ReadAsync(ReportPeriod period, CancellationToken cancel)
    {
        var complaints = await tables.GetAsync(TableNames.Complaints);
        var candidates = new List<(string Number, TableEntity Row)>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {"case"} and OpenedAt lt {period.End}");
        await foreach (var row in complaints.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: CaseColumns, cancellationToken: cancel))
        {
            // Closed (and still closed) before the period began: nothing of it happened in the period.
            var closedBefore = row.GetString("Stage") == CaseStage.Closed.ToWire() && row.GetDateTimeOffset("ClosedAt") is { } closedAt && closedAt < period.Start;
            if (!closedBefore)
            {
                candidates.Add((row.PartitionKey, row));
            }
        }

        var trail = await tables.GetAsync(TableNames.CaseEvents);
        var cases = new ConcurrentBag<ReportCase>();
        await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = TrailsAtOnce, CancellationToken = cancel }, async (candidate, token) =>
        {
            var lines = new List<ReportLine>();
            var byCase = TableClient.CreateQueryFilter($"PartitionKey eq {candidate.Number}");
            await foreach (var line in trail.QueryAsync<TableEntity>(byCase, select: LineColumns, cancellationToken: token))
            {
                lines.Add(new ReportLine(
                    line.GetDateTimeOffset("OccurredAt") ?? DateTimeOffset.MinValue,
                    line.GetString("Kind") ?? string.Empty,
                    line.GetString("EventId") ?? string.Empty,
                    line.GetString("Actor") ?? string.Empty,
                    TrailFacts.Parse(line.GetString("Facts"))));
            }

            if (CaseOf(candidate.Number, candidate.Row, lines) is { } reportCase)
            {
                cases.Add(reportCase);
            }
        });

        return (cases.OrderBy(c => c.CaseNumber, StringComparer.Ordinal).ToList(), await NotesAsync(period, cancel));
    }

    static ReportCase? CaseOf(string number, TableEntity row, List<ReportLine> lines)
    {
        if (!ComplaintCategoryNames.TryParse(row.GetString("Category"), out var category)
            || !ChannelNames.TryParse(row.GetString("Channel"), out var channel)
            || !Enum.TryParse<Country>(row.GetString("Country"), out var country)
            || row.GetDateTimeOffset("OpenedAt") is not { } openedAt)
        {
            // Not a case row this version can read: left out rather than guessed at.
            return null;
        }

        return new ReportCase(number, category, channel, country, row.GetString("Manufacturer"), openedAt, lines);
    }

    /// <summary>The routine notes are kept a month to a partition (by the decision's UTC month).</summary>
    async Task<IReadOnlyList<RoutineNote>> NotesAsync(ReportPeriod period, CancellationToken cancel)
    {
        var table = await tables.GetAsync(TableNames.RoutineNotes);
        var notes = new List<RoutineNote>();
        var month = new DateTime(period.Start.UtcDateTime.Year, period.Start.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (; month < period.End.UtcDateTime; month = month.AddMonths(1))
        {
            var partition = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            await foreach (var note in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancel))
            {
                if (note.GetDateTimeOffset("At") is { } at && period.Holds(at))
                {
                    notes.Add(new RoutineNote(note.GetString("CaseNumber") ?? note.RowKey, at, note.GetString("Note") ?? string.Empty));
                }
            }
        }

        return notes;
    }
}
