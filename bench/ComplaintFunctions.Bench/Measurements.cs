using System.Globalization;

namespace ComplaintFunctions.Bench;

/// <summary>Latency percentiles in seconds (nearest rank).</summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Select(l => l.TotalSeconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }

    public string Format() => Count == 0
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{P50:0.00}/{P95:0.00}/{P99:0.00}/{Max:0.00}");
}

/// <summary>One load run: when each item was sent and when its acknowledgement was seen.</summary>
internal sealed class LoadRun
{
    public required string Name { get; init; }
    public required int Count { get; init; }
    public required DateTimeOffset[] SentAt { get; init; }
    public required TimeSpan[] SendDuration { get; init; }
    public required DateTimeOffset?[] AcknowledgedAt { get; init; }
    public required bool[] Rejected { get; init; }
    public int Failed { get; init; }
    public string? FirstFailure { get; init; }

    /// <summary>Proxy counts from the first send to the moment the last acknowledgement was seen, less the idle baseline.</summary>
    public StorageCounts? Storage { get; set; }

    /// <summary>The same, but until the request rate fell back to idle (the orchestrations' work after the acknowledgement included).</summary>
    public StorageCounts? StorageSettled { get; set; }

    public double WindowSeconds { get; set; }
    public double BaselinePerSecond { get; set; }
    public double SettledWindowSeconds { get; set; }
    public CpuUse? Cpu { get; set; }

    public int Completed => AcknowledgedAt.Count(a => a is not null);

    public DateTimeOffset FirstSent => SentAt.Where(s => s != default).Min();

    public DateTimeOffset? LastAcknowledged => AcknowledgedAt.Where(a => a is not null).Max();

    /// <summary>Completed items per second, from the first send to the last acknowledgement.</summary>
    public double Throughput => LastAcknowledged is { } last && Completed > 0
        ? Completed / (last - FirstSent).TotalSeconds
        : double.NaN;

    /// <summary>From the first send to the last acknowledgement.</summary>
    public TimeSpan Duration => LastAcknowledged is { } last ? last - FirstSent : TimeSpan.Zero;

    public IEnumerable<TimeSpan> Latencies => SentAt.Zip(AcknowledgedAt).Where(p => p.Second is not null).Select(p => p.Second!.Value - p.First);

    public LatencySummary Latency => LatencySummary.Of(Latencies);

    public LatencySummary SendLatency => LatencySummary.Of(SendDuration.Where(d => d > TimeSpan.Zero));

    public StorageCounts? PerItem(StorageCounts? counts) => counts is { } c && Completed > 0 ? c.Times(1.0 / Completed) : null;
}

/// <summary>
/// CPU seconds used during a window: by the benchmark process (runner, engine, proxy, clients), by
/// Azurite, and by everything else on the machine (other people's builds and tests disturb the figures).
/// </summary>
internal sealed record CpuUse(double ProcessSeconds, double AzuriteSeconds, double OthersSeconds, double WallSeconds)
{
    public static CpuUse operator +(CpuUse a, CpuUse b) => new(
        a.ProcessSeconds + b.ProcessSeconds, a.AzuriteSeconds + b.AzuriteSeconds, a.OthersSeconds + b.OthersSeconds, a.WallSeconds + b.WallSeconds);

    /// <summary>Cores busy on average: this process / Azurite / others.</summary>
    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ProcessSeconds / WallSeconds:0.00} / {AzuriteSeconds / WallSeconds:0.00} / {Math.Max(0, OthersSeconds) / WallSeconds:0.00}");
}

/// <summary>The throughput runs of one engine over all rounds, taken together.</summary>
internal sealed class RunSet(IReadOnlyList<LoadRun> runs)
{
    public IReadOnlyList<LoadRun> Runs => runs;

    public int Count => runs.Sum(r => r.Count);

    public int Completed => runs.Sum(r => r.Completed);

    /// <summary>All completed items over the sum of the runs' durations (first send to last acknowledgement).</summary>
    public double Throughput => runs.Sum(r => r.Duration.TotalSeconds) is var seconds and > 0 ? Completed / seconds : double.NaN;

    public string PerRound => string.Join(", ", runs.Select(r => r.Throughput.ToString("0.0", CultureInfo.InvariantCulture)));

    public LatencySummary Latency => LatencySummary.Of(runs.SelectMany(r => r.Latencies));

    public LatencySummary SendLatency => LatencySummary.Of(runs.SelectMany(r => r.SendDuration.Where(d => d > TimeSpan.Zero)));

    public StorageCounts? StoragePerItem => PerItem(r => r.Storage);

    public StorageCounts? StorageSettledPerItem => PerItem(r => r.StorageSettled);

    /// <summary>Storage requests (less the idle baseline) per second of the runs: how much Azurite served.</summary>
    public double? StoragePerSecond => runs.Sum(r => r.Duration.TotalSeconds) is var seconds and > 0 && StoragePerItem is { } perItem
        ? perItem.Total * Completed / seconds
        : null;

    public CpuUse? Cpu => runs.Select(r => r.Cpu).Aggregate((CpuUse?)null, (sum, c) => c is null ? sum : sum is null ? c : sum + c);

    StorageCounts? PerItem(Func<LoadRun, StorageCounts?> pick)
    {
        if (Completed == 0 || runs.Any(r => pick(r) is null))
        {
            return null;
        }

        var total = runs.Select(r => pick(r)!.Value).Aggregate(default(StorageCounts), (a, b) => a - b.Times(-1));
        return total.Times(1.0 / Completed);
    }
}
