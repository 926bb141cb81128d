using System.Globalization;
using System.Text;

namespace ComplaintFunctions.Bench;

/// <summary>Everything one run measured.</summary>
internal sealed record BenchResult(
    DateTimeOffset StartedAt,
    string Machine,
    string MachineShort,
    string Commit,
    string AzuriteVersion,
    BenchOptions Options,
    RunSet Bare,
    RunSet Pipeline,
    LoadRun? Paced,
    HistoryResult? History,
    IReadOnlyDictionary<string, List<StorageCounts>> Baselines,
    long PeakWorkingSet,
    long? AzuritePeakResident,
    TimeSpan Duration);

/// <summary>The table on stdout and the row in bench/results.md.</summary>
internal static class Report
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    static readonly string[] Columns = ["measure", "pipeline", "bare engine", "pipeline/bare", "target"];

    public const string ResultsHeader = """
        # Benchmark results

        One row per run of `scripts/bench` (newest last). Each run starts its own Azurite (a fresh data folder
        under the temp dir) behind a counting proxy and measures, in one process, the bare Durable Task engine and
        the pipeline through the local runner, in rounds of alternating order, emptying Azurite between phases;
        see `bench/README.md` for the method and for what the figures mean.

        - **N / clients**: complaints (and bare orchestrations) per throughput run, and concurrent clients sending them.
        - **rounds**: throughput runs per engine; the order alternates (bare, pipeline, pipeline, bare, ...) and Azurite is emptied between runs, so neither engine always runs second.
        - **pipeline/s, bare/s**: completed per second over all rounds (items / summed time from first send to last acknowledgement; pipeline: the acknowledgement mail kept by the SendGrid stand-in; bare: its empty activity ran). **ratio**: pipeline/bare (target ≥ 80%), per round in brackets.
        - **pipeline latency, bare latency**: send → acknowledgement, p50/p95/p99/max in seconds, during the throughput run (a backlog of N, so mostly queueing).
        - **p95 at rate**: pipeline p95 latency in seconds for the paced run (complaints posted at a fixed rate, default 100 at 10/s; target < 2 s).
        - **req/complaint pipeline, bare**: storage requests per item between the first send and the last acknowledgement, less the idle baseline (idle requests per second × duration), split blob/queue/table. **req ratio**: pipeline/bare (target ≤ 1.5×).
        - **history at 3/8/Y**: history events of a case's current execution after 3, 8 and Y progress cycles (progress interval shortened, read just after the ContinueAsNew), mean of the followed cases, and in brackets all rows in the case's partition of the History table; flat = ContinueAsNew keeps it bounded.
        - **others' load**: cores busy with processes other than the benchmark and its Azurite during the throughput runs (other builds and tests on a shared machine); high values make the row less trustworthy.
        - **peak WS**: peak working set of the benchmark process, which hosts the runner, the bare engine, the proxy and the clients (Azurite, a separate node process, in brackets: its peak RSS).

        | date (UTC) | machine | commit | N | clients | rounds | pipeline/s | bare/s | ratio | pipeline latency p50/p95/p99/max (s) | bare latency p50/p95/p99/max (s) | p95 at rate (s) | req/complaint pipeline (blob/queue/table) | req/complaint bare (blob/queue/table) | req ratio | history at 3/8/Y | others' load | peak WS (Azurite) |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        """;

    public static string ResultsRow(BenchResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var storagePipeline = r.Pipeline.StoragePerItem;
        var storageBare = r.Bare.StoragePerItem;
        var cells = new[]
        {
            r.StartedAt.ToString("yyyy-MM-dd HH:mm", Inv),
            r.MachineShort,
            r.Commit,
            r.Options.Intake == "mail" ? F($"{r.Options.Count} mails") : r.Options.Count.ToString(Inv),
            r.Options.Clients.ToString(Inv),
            r.Options.Rounds.ToString(Inv),
            Throughput(r.Pipeline),
            Throughput(r.Bare) + (r.Options.BareDirect ? " (DTFx direct)" : string.Empty),
            Ratio(r.Pipeline.Throughput, r.Bare.Throughput, percent: true) + $" ({RoundRatios(r)})",
            r.Pipeline.Latency.Format(),
            r.Bare.Latency.Format(),
            r.Paced is { } p ? F($"{p.Latency.P95:0.00} ({p.Count} at {r.Options.Rate:0.#}/s)") : "n/a",
            Split(storagePipeline),
            Split(storageBare),
            Ratio(storagePipeline?.Total, storageBare?.Total, percent: false),
            History(r.History) + (r.History is null ? string.Empty : $" ({AllRows(r.History)} rows)"),
            Others(r),
            F($"{r.PeakWorkingSet / 1048576.0:0} MB") + (r.AzuritePeakResident is { } a ? F($" ({a / 1048576.0:0} MB)") : string.Empty),
        };
        return "| " + string.Join(" | ", cells) + " |";
    }

    public static string Table(BenchResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var o = r.Options;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(F($"Benchmark {r.StartedAt:yyyy-MM-dd HH:mm} UTC, commit {r.Commit}, {r.Machine}"));
        text.AppendLine(F($"Azurite {r.AzuriteVersion} ({(o.AzuriteInMemory ? "in memory" : "fresh data folder")}), every storage request through the counting proxy, emptied after each phase."));
        text.AppendLine(F($"One process: the runner (in-process), the bare engine, the proxy and the clients; one engine at a time. Took {r.Duration.TotalMinutes:0.0} min."));
        text.AppendLine(F($"Pipeline intake: {(o.Intake == "mail" ? "raw mails through SendGrid Inbound Parse" : "JSON posts to /api/complaints")}."));
        text.AppendLine(F($"{o.Rounds} round(s) of {o.Count} per engine from {o.Clients} clients, order alternating (bare first in odd rounds); paced run of {o.PacedCount} at {o.Rate:0.#}/s after round 1's pipeline run; then history."));
        text.AppendLine();

        var sp = r.Pipeline.StoragePerItem;
        var sb = r.Bare.StoragePerItem;
        var spSettled = r.Pipeline.StorageSettledPerItem;
        var sbSettled = r.Bare.StorageSettledPerItem;
        List<string[]> rows =
        [
            Columns,
            ["completed", Completed(r.Pipeline), Completed(r.Bare), string.Empty, string.Empty],
            ["throughput (per s), all rounds", Throughput(r.Pipeline), Throughput(r.Bare), Ratio(r.Pipeline.Throughput, r.Bare.Throughput, percent: true), Target(r.Pipeline.Throughput / r.Bare.Throughput, 0.8, atLeast: true, "≥ 80%")],
            ["  per round, in order run", r.Pipeline.PerRound, r.Bare.PerRound, RoundRatios(r), string.Empty],
            ["latency p50/p95/p99/max (s)", r.Pipeline.Latency.Format(), r.Bare.Latency.Format(), string.Empty, "backlog of N: mostly queueing"],
            ["send p50/p95/p99/max (s)", r.Pipeline.SendLatency.Format(), r.Bare.SendLatency.Format(), string.Empty, "POST answered / schedule returned"],
            [F($"paced: {r.Paced?.Count ?? o.PacedCount} at {o.Rate:0.#}/s, latency p50/p95/p99/max (s)"), r.Paced?.Latency.Format() ?? "n/a", string.Empty, string.Empty, Target(r.Paced?.Latency.P95, 2.0, atLeast: false, "p95 < 2 s")],
            ["storage requests per item, to last ack", Total(sp), Total(sb), Ratio(sp?.Total, sb?.Total, percent: false), Target(sp?.Total / sb?.Total, 1.5, atLeast: false, "≤ 1.5×")],
            ["  blob (GET+HEAD / other)", Part(sp, s => (s.Blob, s.BlobReads, s.BlobWrites)), Part(sb, s => (s.Blob, s.BlobReads, s.BlobWrites)), Ratio(sp?.Blob, sb?.Blob, percent: false), string.Empty],
            ["  queue (GET / other)", Part(sp, s => (s.Queue, s.QueueReads, s.QueueWrites)), Part(sb, s => (s.Queue, s.QueueReads, s.QueueWrites)), Ratio(sp?.Queue, sb?.Queue, percent: false), string.Empty],
            ["  table (GET / other)", Part(sp, s => (s.Table, s.TableReads, s.TableWrites)), Part(sb, s => (s.Table, s.TableReads, s.TableWrites)), Ratio(sp?.Table, sb?.Table, percent: false), string.Empty],
            ["storage requests per item, until idle again", Total(spSettled), Total(sbSettled), Ratio(spSettled?.Total, sbSettled?.Total, percent: false), string.Empty],
            ["idle baseline subtracted (requests/s)", Baseline(r, "pipeline"), Baseline(r, "bare"), string.Empty, string.Empty],
            ["storage requests served per second in the runs", Served(r.Pipeline), Served(r.Bare), Ratio(r.Pipeline.StoragePerSecond, r.Bare.StoragePerSecond, percent: false), "Azurite's capacity when it is saturated"],
            ["cores busy in the runs: this process / Azurite / others", r.Pipeline.Cpu?.Format() ?? "n/a", r.Bare.Cpu?.Format() ?? "n/a", string.Empty, "others: not this benchmark"],
            [F($"history events at {string.Join('/', o.Checkpoints)} cycles (current execution)"), History(r.History), string.Empty, string.Empty, "flat"],
            ["history rows in the instance's partition (all executions)", AllRows(r.History), string.Empty, string.Empty, string.Empty],
            ["peak working set (this process) / Azurite peak RSS", F($"{r.PeakWorkingSet / 1048576.0:0} MB"), r.AzuritePeakResident is { } a ? F($"{a / 1048576.0:0} MB") : "n/a", string.Empty, string.Empty],
        ];

        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(row => row[c].Length)).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            text.AppendLine("| " + string.Join(" | ", rows[i].Select((cell, c) => cell.PadRight(widths[c]))) + " |");
            if (i == 0)
            {
                text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }

        text.AppendLine();
        text.AppendLine("Storage requests: counted by the proxy from the first send until the last acknowledgement was seen, divided by the items completed.");
        text.AppendLine(F($"Idle polling and lease renewals inflate raw counts, so an idle baseline (requests per second over {5} s before each phase, engine running, nothing sent)"));
        text.AppendLine("times the window's duration is subtracted. \"Until idle again\" extends the window until the request rate is back near the baseline (the orchestrations' steps after the acknowledgement).");
        text.AppendLine("Peak working set is this process's: the runner runs in-process here (with the bare engine, the proxy and the clients); on Azure the app runs on its own instance.");
        if (r.History is { Problem: { } problem })
        {
            text.AppendLine($"History: {problem}.");
        }

        if (r.History is { } h)
        {
            text.AppendLine(F($"History run: {h.Cases} cases, {h.CyclesReached} progress cycles reached, {h.ProgressMailsSeen} progress mails kept, {h.Duration.TotalSeconds:0} s."));
        }

        foreach (var run in r.Bare.Runs.Concat(r.Pipeline.Runs).Append(r.Paced))
        {
            if (run is { Failed: > 0 })
            {
                text.AppendLine($"{run.Name}: {run.Failed} not accepted; first: {run.FirstFailure}");
            }
        }

        return text.ToString();
    }

    static string F(FormattableString s) => s.ToString(Inv);

    static string Completed(RunSet runs) => F($"{runs.Completed}/{runs.Count}");

    static string Throughput(RunSet runs) => double.IsNaN(runs.Throughput) ? "n/a" : F($"{runs.Throughput:0.0}");

    static string RoundRatios(BenchResult r) => string.Join(
        ", ", r.Pipeline.Runs.Zip(r.Bare.Runs).Select(p => Ratio(p.First.Throughput, p.Second.Throughput, percent: true)));

    static string Served(RunSet runs) => runs.StoragePerSecond is { } perSecond ? F($"{perSecond:0}") : "n/a";

    static string Others(BenchResult r)
    {
        var cpu = new[] { r.Pipeline.Cpu, r.Bare.Cpu }.Where(c => c is not null).Aggregate((CpuUse?)null, (a, c) => a is null ? c : a + c!);
        return cpu is null ? "n/a" : F($"{Math.Max(0, cpu.OthersSeconds) / cpu.WallSeconds:0.00} cores");
    }

    static string Ratio(double? a, double? b, bool percent) =>
        a is { } x && b is { } y && y >= 0.05 && !double.IsNaN(x) && !double.IsNaN(y)
            ? (percent ? F($"{x / y * 100:0}%") : F($"{x / y:0.00}×"))
            : "n/a";

    static string Target(double? value, double target, bool atLeast, string label)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return label;
        }

        var met = atLeast ? v >= target : v <= target;
        return label + (met ? ": met" : ": MISSED");
    }

    static string Total(StorageCounts? s) => s is { } c ? F($"{c.Total:0.0}") : "n/a";

    static string Split(StorageCounts? s) => s is { } c ? F($"{c.Total:0.0} ({c.Blob:0.0}/{c.Queue:0.0}/{c.Table:0.0})") : "n/a";

    static string Part(StorageCounts? s, Func<StorageCounts, (double All, double Reads, double Writes)> pick)
    {
        if (s is not { } c)
        {
            return "n/a";
        }

        var (all, reads, writes) = pick(c);
        return F($"{all:0.0} ({reads:0.0} / {writes:0.0})");
    }

    static string Baseline(BenchResult r, string name)
    {
        if (!r.Baselines.TryGetValue(name, out var list) || list.Count == 0)
        {
            return "n/a";
        }

        var b = list.Aggregate(default(StorageCounts), (a, c) => a - c.Times(-1)).Times(1.0 / list.Count);
        return F($"{b.Total:0.0} (b {b.Blob:0.0}, q {b.Queue:0.0}, t {b.Table:0.0})");
    }

    static string History(HistoryResult? h) => h is null
        ? "n/a"
        : string.Join(" / ", h.Checkpoints.Select(c => c.CurrentExecutionEvents.Count == 0 ? "n/a" : F($"{c.CurrentExecutionEvents.Average():0.#}")));

    static string AllRows(HistoryResult? h) => h is null
        ? "n/a"
        : string.Join(" / ", h.Checkpoints.Select(c => c.AllRowsInPartition.Count == 0 ? "n/a" : F($"{c.AllRowsInPartition.Average():0.#}")));
}
