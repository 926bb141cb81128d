using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace ComplaintFunctions.Bench;

/// <summary>One Durable input as it was found in a task hub's table, byte for byte.</summary>
/// <param name="Source">"Instances" (the instance row's <c>Input</c>) or "History" (a row's <c>Input</c>).</param>
/// <param name="EventType">The History row's event type; <c>(instance row)</c> for Instances.</param>
/// <param name="Name">The orchestration's name (Instances, ExecutionStarted), the event's (EventRaised) or the activity's (TaskScheduled).</param>
internal sealed record SeenInput(string Source, string PartitionKey, string RowKey, string? ExecutionId, string EventType, string Name, string Input, DateTimeOffset SeenAt);

/// <summary>
/// Polls a task hub's Instances and History tables and keeps every distinct input it sees. It has to
/// poll: the Azure Storage backend writes a new execution's history over the previous one's rows, so
/// an input raised in one episode is only in the table until the case continues as new.
/// </summary>
internal sealed class GoldenRecorder(string connectionString, string taskHub) : IAsyncDisposable
{
    static readonly string[] HistoryEvents = ["ExecutionStarted", "EventRaised", "TaskScheduled"];

    readonly ConcurrentDictionary<(string Source, string Name, string Input), SeenInput> seen = new();
    readonly ConcurrentDictionary<string, (string? Input, string? Status, string? Name)> latest = new(StringComparer.Ordinal);
    readonly CancellationTokenSource stop = new();
    Task? loop;
    long blobRows;
    bool disposed;

    /// <summary>Rows whose input was too large for the table and went to a blob (none expected: the states are small).</summary>
    public long BlobRows => Interlocked.Read(ref blobRows);

    public IReadOnlyCollection<SeenInput> Seen => seen.Values.OrderBy(s => s.SeenAt).ToList();

    /// <summary>The instance row's latest input and runtime status, as last polled.</summary>
    public (string? Input, string? Status, string? Name) Latest(string instanceId) => latest.TryGetValue(instanceId, out var row) ? row : (null, null, null);

    public IEnumerable<string> Instances => latest.Keys;

    public void Start() => loop = Task.Run(() => PollAsync(stop.Token));

    async Task PollAsync(CancellationToken cancel)
    {
        var service = new TableServiceClient(connectionString);
        var instances = service.GetTableClient(taskHub + "Instances");
        var history = service.GetTableClient(taskHub + "History");
        var round = 0;
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                await ReadInstancesAsync(instances, cancel);

                // Recent history rows every round; the whole table now and then, in case a clock skew hid a row.
                var since = round++ % 50 == 0 ? (DateTimeOffset?)null : DateTimeOffset.UtcNow.AddSeconds(-20);
                await ReadHistoryAsync(history, since, cancel);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // The task hub's tables are not made yet.
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(80, cancel);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    async Task ReadInstancesAsync(TableClient table, CancellationToken cancel)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancel))
        {
            CountBlob(row);
            var input = row.GetString("Input");
            var name = row.GetString("Name") ?? string.Empty;
            latest[row.PartitionKey] = (input, row.GetString("RuntimeStatus"), name);
            if (input is { Length: > 0 })
            {
                Keep(new SeenInput("Instances", row.PartitionKey, row.RowKey, row.GetString("ExecutionId"), "(instance row)", name, input, DateTimeOffset.UtcNow));
            }
        }
    }

    async Task ReadHistoryAsync(TableClient table, DateTimeOffset? since, CancellationToken cancel)
    {
        var filter = since is { } s ? TableClient.CreateQueryFilter($"Timestamp ge {s}") : null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancel))
        {
            var eventType = row.GetString("EventType");
            if (eventType is null || !HistoryEvents.Contains(eventType, StringComparer.Ordinal))
            {
                continue;
            }

            CountBlob(row);
            if (row.GetString("Input") is { Length: > 0 } input)
            {
                Keep(new SeenInput("History", row.PartitionKey, row.RowKey, row.GetString("ExecutionId"), eventType, row.GetString("Name") ?? string.Empty, input, DateTimeOffset.UtcNow));
            }
        }
    }

    void CountBlob(TableEntity row)
    {
        if (row.Keys.Any(k => k.EndsWith("BlobName", StringComparison.Ordinal) && row[k] is string { Length: > 0 }))
        {
            Interlocked.Increment(ref blobRows);
        }
    }

    void Keep(SeenInput input)
    {
        // The first sighting of each distinct input (by where it belongs and its bytes) is the one kept.
        var kind = input.Source == "Instances" || input.EventType == "ExecutionStarted" ? "state" : input.EventType;
        seen.TryAdd((kind, input.Name, input.Input), input);
    }

    /// <summary>Every input seen, one JSON object a line.</summary>
    public string Dump()
    {
        var text = new StringBuilder();
        foreach (var s in Seen)
        {
            text.Append(JsonSerializer.Serialize(new
            {
                source = s.Source,
                pk = s.PartitionKey,
                rk = s.RowKey,
                executionId = s.ExecutionId,
                eventType = s.EventType,
                name = s.Name,
                seenAt = s.SeenAt.ToString("O", CultureInfo.InvariantCulture),
                input = s.Input,
            })).Append('\n');
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        stop.Dispose();
    }
}
