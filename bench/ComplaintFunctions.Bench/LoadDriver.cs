using System.Diagnostics;

namespace ComplaintFunctions.Bench;

/// <summary>Sends items and waits for their acknowledgements; shared by the pipeline and the bare engine so both are driven alike.</summary>
internal static class LoadDriver
{
    /// <summary>
    /// Sends <paramref name="count"/> items: from <paramref name="clients"/> concurrent senders,
    /// each sending its next item as soon as the previous one was answered (closed loop), or, when
    /// <paramref name="ratePerSecond"/> is given, one every 1/rate seconds whatever the answers
    /// (open loop). <paramref name="send"/> throws when an item was not accepted.
    /// </summary>
    public static async Task<LoadRun> SendAsync(
        string name, int count, int clients, double? ratePerSecond, Func<int, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var sentAt = new DateTimeOffset[count];
        var durations = new TimeSpan[count];
        var failed = new bool[count];
        string? firstFailure = null;

        async Task SendOneAsync(int index)
        {
            sentAt[index] = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            try
            {
                await send(index, cancellationToken);
                durations[index] = watch.Elapsed;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed[index] = true;
                Interlocked.CompareExchange(ref firstFailure, $"{e.GetType().Name}: {e.Message}", null);
            }
        }

        if (ratePerSecond is { } rate)
        {
            var start = Stopwatch.StartNew();
            var inFlight = new List<Task>(count);
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromSeconds(i / rate) - start.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                var index = i;
                inFlight.Add(Task.Run(() => SendOneAsync(index), cancellationToken));
            }

            await Task.WhenAll(inFlight);
        }
        else
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
                async () =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < count)
                    {
                        await SendOneAsync(index);
                    }
                },
                cancellationToken)));
        }

        return new LoadRun
        {
            Name = name,
            Count = count,
            SentAt = sentAt,
            SendDuration = durations,
            AcknowledgedAt = new DateTimeOffset?[count],
            Failed = failed.Count(f => f),
            FirstFailure = firstFailure,
            Rejected = failed,
        };
    }

    /// <summary>
    /// Polls <paramref name="acknowledgements"/> (key → when acknowledged) until every accepted
    /// item's key is in it, or the timeout passes (the run then reports fewer completed).
    /// </summary>
    public static async Task<bool> WaitForAcknowledgementsAsync(
        LoadRun run,
        Func<int, string> keyOf,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, DateTimeOffset>>> acknowledgements,
        TimeSpan pollInterval,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var seen = await acknowledgements(cancellationToken);
            var missing = 0;
            for (var i = 0; i < run.Count; i++)
            {
                if (run.Rejected[i] || run.AcknowledgedAt[i] is not null)
                {
                    continue;
                }

                if (seen.TryGetValue(keyOf(i), out var at))
                {
                    run.AcknowledgedAt[i] = at;
                }
                else
                {
                    missing++;
                }
            }

            if (missing == 0)
            {
                return true;
            }

            if (deadline.Elapsed > timeout)
            {
                Console.Error.WriteLine($"bench: {run.Name}: {missing} of {run.Count} not acknowledged within {timeout.TotalSeconds:0} s; reporting what completed");
                return false;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }
    }
}
