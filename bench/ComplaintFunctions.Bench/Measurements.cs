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

    public LatencySummary Latency => LatencySummary.Of(
        SentAt.Zip(AcknowledgedAt).Where(p => p.Second is not null).Select(p => p.Second!.Value - p.First));

    public LatencySummary SendLatency => LatencySummary.Of(SendDuration.Where(d => d > TimeSpan.Zero));

    public StorageCounts? PerItem(StorageCounts? counts) => counts is { } c && Completed > 0 ? c.Times(1.0 / Completed) : null;
}

/// <summary>CPU seconds used during a window, by the benchmark process (runner, engine, proxy, clients) and by Azurite.</summary>
internal sealed record CpuUse(double ProcessSeconds, double AzuriteSeconds, double WallSeconds)
{
    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"this process {ProcessSeconds:0.0} s CPU ({ProcessSeconds / WallSeconds:0.00} cores), Azurite {AzuriteSeconds:0.0} s CPU ({AzuriteSeconds / WallSeconds:0.00} cores) over {WallSeconds:0.0} s");
}
