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
    LoadRun? Bare,
    LoadRun? Pipeline,
    LoadRun? Paced,
    HistoryResult? History,
    IReadOnlyDictionary<string, StorageCounts> Baselines,
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

        One row per run of `scripts/bench` (newest last). Each run starts its own in-memory Azurite behind a
        counting proxy and measures, in one process, the bare Durable Task engine first, then the pipeline
        through the local runner; see `bench/README.md` for the method.

        - **N / clients**: complaints (and bare orchestrations) per throughput run, and concurrent clients sending them.
        - **pipeline/s, bare/s**: completed per second, from the first send to the last acknowledgement (pipeline: the acknowledgement mail kept by the SendGrid stand-in; bare: its empty activity ran). **ratio**: pipeline/bare (target ≥ 80%).
        - **pipeline latency, bare latency**: send → acknowledgement, p50/p95/p99/max in seconds, during the throughput run (a backlog of N, so mostly queueing).
        - **p95 at rate**: pipeline p95 latency in seconds for the paced run (complaints posted at a fixed rate, default 100 at 10/s; target < 2 s).
        - **req/complaint pipeline, bare**: storage requests per item between the first send and the last acknowledgement, less the idle baseline (idle requests per second × duration), split blob/queue/table. **req ratio**: pipeline/bare (target ≤ 1.5×).
        - **history at 3/8/Y**: history events of a case's current execution after 3, 8 and Y progress cycles (progress interval shortened), mean of the followed cases; flat = ContinueAsNew keeps it bounded.
        - **peak WS**: peak working set of the benchmark process, which hosts the runner, the bare engine, the proxy and the clients (Azurite, a separate node process, in brackets: its peak RSS).

        | date (UTC) | machine | commit | N | clients | pipeline/s | bare/s | ratio | pipeline latency p50/p95/p99/max (s) | bare latency p50/p95/p99/max (s) | p95 at rate (s) | req/complaint pipeline (blob/queue/table) | req/complaint bare (blob/queue/table) | req ratio | history at 3/8/Y | peak WS (Azurite) |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        """;

    public static string ResultsRow(BenchResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var storagePipeline = r.Pipeline?.PerItem(r.Pipeline.Storage);
        var storageBare = r.Bare?.PerItem(r.Bare.Storage);
        var cells = new[]
        {
            r.StartedAt.ToString("yyyy-MM-dd HH:mm", Inv),
            r.MachineShort,
            r.Commit,
            r.Options.Count.ToString(Inv),
            r.Options.Clients.ToString(Inv),
            Throughput(r.Pipeline),
            Throughput(r.Bare),
            Ratio(r.Pipeline?.Throughput, r.Bare?.Throughput, percent: true),
            r.Pipeline?.Latency.Format() ?? "n/a",
            r.Bare?.Latency.Format() ?? "n/a",
            r.Paced is { } p ? F($"{p.Latency.P95:0.00} ({p.Count} at {r.Options.Rate:0.#}/s)") : "n/a",
            Split(storagePipeline),
            Split(storageBare),
            Ratio(storagePipeline?.Total, storageBare?.Total, percent: false),
            History(r.History),
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
        text.AppendLine(F($"Azurite {r.AzuriteVersion} in memory, every storage request through the counting proxy; one process: runner (in-process), bare engine, proxy, clients. Took {r.Duration.TotalMinutes:0.0} min."));
        text.AppendLine(F($"Order: bare engine, then pipeline ({o.Count} from {o.Clients} clients, then {o.PacedCount} at {o.Rate:0.#}/s), then history; one engine at a time."));
        text.AppendLine();

        var rows = new List<string[]>
        {
            Columns,
            new[] { "completed", Completed(r.Pipeline), Completed(r.Bare), string.Empty, string.Empty },
            new[] { "throughput (per s)", Throughput(r.Pipeline), Throughput(r.Bare), Ratio(r.Pipeline?.Throughput, r.Bare?.Throughput, percent: true), Target(r.Pipeline?.Throughput / r.Bare?.Throughput, 0.8, atLeast: true, "≥ 80%") },
            new[] { "latency p50/p95/p99/max (s)", r.Pipeline?.Latency.Format() ?? "n/a", r.Bare?.Latency.Format() ?? "n/a", string.Empty, string.Empty },
            new[] { "send p50/p95/p99/max (s)", r.Pipeline?.SendLatency.Format() ?? "n/a", r.Bare?.SendLatency.Format() ?? "n/a", string.Empty, "POST answered / schedule returned" },
            new[] { F($"paced: {o.PacedCount} at {o.Rate:0.#}/s, latency p50/p95/p99/max (s)"), r.Paced?.Latency.Format() ?? "n/a", string.Empty, string.Empty, Target(r.Paced?.Latency.P95, 2.0, atLeast: false, "p95 < 2 s") },
        };

        var sp = r.Pipeline?.PerItem(r.Pipeline.Storage);
        var sb = r.Bare?.PerItem(r.Bare.Storage);
        rows.Add(["storage requests per item, to last ack", Total(sp), Total(sb), Ratio(sp?.Total, sb?.Total, percent: false), Target(sp?.Total / sb?.Total, 1.5, atLeast: false, "≤ 1.5×")]);
        rows.Add(["  blob (GET+HEAD / other)", Part(sp, s => (s.Blob, s.BlobReads, s.BlobWrites)), Part(sb, s => (s.Blob, s.BlobReads, s.BlobWrites)), Ratio(sp?.Blob, sb?.Blob, percent: false), string.Empty]);
        rows.Add(["  queue (GET / other)", Part(sp, s => (s.Queue, s.QueueReads, s.QueueWrites)), Part(sb, s => (s.Queue, s.QueueReads, s.QueueWrites)), Ratio(sp?.Queue, sb?.Queue, percent: false), string.Empty]);
        rows.Add(["  table (GET / other)", Part(sp, s => (s.Table, s.TableReads, s.TableWrites)), Part(sb, s => (s.Table, s.TableReads, s.TableWrites)), Ratio(sp?.Table, sb?.Table, percent: false), string.Empty]);
        var spSettled = r.Pipeline?.PerItem(r.Pipeline.StorageSettled);
        var sbSettled = r.Bare?.PerItem(r.Bare.StorageSettled);
        rows.Add(["storage requests per item, until idle again", Total(spSettled), Total(sbSettled), Ratio(spSettled?.Total, sbSettled?.Total, percent: false), string.Empty]);
        rows.Add(["idle baseline subtracted (requests/s)", Baseline(r, "pipeline"), Baseline(r, "bare"), string.Empty, string.Empty]);
        rows.Add(["CPU, throughput run (cores busy): process / Azurite", Cpu(r.Pipeline), Cpu(r.Bare), string.Empty, string.Empty]);
        rows.Add([F($"history events at {string.Join('/', o.Checkpoints)} cycles (current execution)"), History(r.History), string.Empty, string.Empty, "flat"]);
        rows.Add(["history rows in the instance's partition (all executions)", AllRows(r.History), string.Empty, string.Empty, string.Empty]);
        rows.Add(["peak working set (this process) / Azurite peak RSS", F($"{r.PeakWorkingSet / 1048576.0:0} MB"), r.AzuritePeakResident is { } a ? F($"{a / 1048576.0:0} MB") : "n/a", string.Empty, string.Empty]);

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

        foreach (var run in new[] { r.Bare, r.Pipeline, r.Paced })
        {
            if (run is { Failed: > 0 })
            {
                text.AppendLine($"{run.Name}: {run.Failed} not accepted; first: {run.FirstFailure}");
            }
        }

        return text.ToString();
    }

    static string F(FormattableString s) => s.ToString(Inv);

    static string Completed(LoadRun? run) => run is null ? "n/a" : F($"{run.Completed}/{run.Count}");

    static string Throughput(LoadRun? run) => run is null || double.IsNaN(run.Throughput) ? "n/a" : F($"{run.Throughput:0.0}");

    static string Ratio(double? a, double? b, bool percent) =>
        a is { } x && b is { } y && y > 0 && !double.IsNaN(x) && !double.IsNaN(y)
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

    static string Baseline(BenchResult r, string name) =>
        r.Baselines.TryGetValue(name, out var b) ? F($"{b.Total:0.0} (b {b.Blob:0.0}, q {b.Queue:0.0}, t {b.Table:0.0})") : "n/a";

    static string Cpu(LoadRun? run) => run?.Cpu is { } c ? F($"{c.ProcessSeconds / c.WallSeconds:0.00} / {c.AzuriteSeconds / c.WallSeconds:0.00}") : "n/a";

    static string History(HistoryResult? h) => h is null
        ? "n/a"
        : string.Join(" / ", h.Checkpoints.Select(c => c.CurrentExecutionEvents.Count == 0 ? "n/a" : F($"{c.CurrentExecutionEvents.Average():0.#}")));

    static string AllRows(HistoryResult? h) => h is null
        ? "n/a"
        : string.Join(" / ", h.Checkpoints.Select(c => c.AllRowsInPartition.Count == 0 ? "n/a" : F($"{c.AllRowsInPartition.Average():0.#}")));
}
