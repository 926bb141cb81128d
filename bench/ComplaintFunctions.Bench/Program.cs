using System.Diagnostics;
using System.Text.Json;
using ComplaintFunctions.Bench;
using ComplaintFunctions.LocalHost;
using LocalFunctionsRunner.Storage;
using Microsoft.Extensions.Logging;

// scripts/bench: the pipeline beside the bare Durable Task engine on one fresh Azurite. Prints a
// table and appends a row to bench/results.md. See bench/README.md.
var options = BenchOptions.Parse(args, out var exitCode);
if (options is null)
{
    return exitCode;
}

// Everything below is bounded: each wait has its own timeout, and the whole run this one.
// (The worklist's seeding of 100,000 closed cases alone takes about an hour on Azurite.)
using var cancel = new CancellationTokenSource(options.Worklist ? TimeSpan.FromHours(3) : TimeSpan.FromMinutes(45));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var root = RepositoryRoot.Find();
var startedAt = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
using var loggerFactory = LoggerFactory.Create(logging =>
{
    logging.AddSimpleConsole(o =>
    {
        o.SingleLine = true;
        o.TimestampFormat = "HH:mm:ss ";
    });
    logging.SetMinimumLevel(LogLevel.Warning);
});

var failed = false;
var bare = new List<LoadRun>();
var pipeline = new List<LoadRun>();
LoadRun? paced = null;
HistoryResult? history = null;
Dictionary<string, List<StorageCounts>> baselines = [];
long? azuritePeak = null;
var endpoints = new AzuriteEndpoints(AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort());
var dataFolder = options.AzuriteInMemory ? null : Path.Combine(Path.GetTempPath(), $"complaints-bench-{Guid.NewGuid():N}");
Benchmark.Say($"starting Azurite on 127.0.0.1:{endpoints.BlobPort}/{endpoints.QueuePort}/{endpoints.TablePort}, data {dataFolder ?? "in memory"}");
try
{
    await using (var azurite = await AzuriteProcess.EnsureRunningAsync(endpoints, dataFolder, cancel.Token))
    {
        var azuritePid = SystemProbe.FindAzurite();
        if (options.CaptureGolden is { } goldenFolder)
        {
            // Straight to Azurite: the capture counts nothing, it reads what the task hub's tables hold.
            return await GoldenCapture.RunAsync(endpoints.ConnectionString, goldenFolder, cancel.Token);
        }

        await using (var proxy = await CountingStorageProxy.StartAsync(endpoints, cancel.Token))
        {
            Benchmark.Say($"counting proxy on 127.0.0.1:{proxy.Endpoints.BlobPort}/{proxy.Endpoints.QueuePort}/{proxy.Endpoints.TablePort}");
            if (options.Idle)
            {
                Console.WriteLine(await IdleProbe.RunAsync(proxy, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), cancel.Token));
                return 0;
            }

            if (options.Worklist)
            {
                Console.WriteLine(await WorklistBench.RunAsync(proxy, options.ClosedCases, options.OpenCases, cancel.Token));
                return 0;
            }

            var benchmark = new Benchmark(options, proxy, endpoints.ConnectionString, azuritePid, loggerFactory);
            if (options.Helpdesk)
            {
                return await HelpdeskAsync(benchmark, proxy, azuritePid);
            }

            await using var tracer = new Tracer(proxy, azuritePid);
            if (options.Trace)
            {
                tracer.Start();
            }

            // Each phase runs alone and leaves an empty account behind, whatever happened in it.
            async Task PhaseAsync(string name, Func<CancellationToken, Task> phase)
            {
                try
                {
                    await phase(cancel.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
                {
                    failed = true;
                    Console.Error.WriteLine($"bench: {name} failed: {e}");
                }

                await benchmark.EmptyAzuriteAsync(cancel.Token);
            }

            // Rounds alternate the order (bare first, then pipeline first, ...), so neither engine
            // always meets a machine that has been busy longer.
            for (var round = 1; round <= options.Rounds; round++)
            {
                var r = round;
                Task Bare(CancellationToken ct) => PhaseAsync($"round {r}, bare engine", async c => bare.Add(await benchmark.RunBareAsync(r, c)));
                Task Pipeline(CancellationToken ct) => PhaseAsync($"round {r}, pipeline", async c =>
                {
                    var (throughput, pacedRun) = await benchmark.RunPipelineAsync(r, withPacedRun: r == 1, c);
                    pipeline.Add(throughput);
                    paced ??= pacedRun;
                });
                if (round % 2 == 1)
                {
                    await Bare(cancel.Token);
                    await Pipeline(cancel.Token);
                }
                else
                {
                    await Pipeline(cancel.Token);
                    await Bare(cancel.Token);
                }
            }

            if (options.HistoryCases > 0)
            {
                await PhaseAsync("history", async c => history = await benchmark.RunHistoryAsync(c));
            }

            baselines = benchmark.Baselines;
            foreach (var (engine, rows) in benchmark.ResourceBreakdown)
            {
                // Where the requests go, resource by resource (task hub names as the benchmark gave them).
                Console.WriteLine($"\nStorage requests per item, {engine}, last throughput round, until idle (baseline not subtracted):");
                Console.WriteLine("| service, verb, resource | per item |\n| --- | --- |");
                foreach (var (resource, perItem) in rows)
                {
                    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"| {resource} | {perItem:0.00} |"));
                }
            }
        }

        azuritePeak = azuritePid is { } pid ? SystemProbe.PeakResidentBytes(pid) : null;
    }
}
finally
{
    // Even when a phase threw: the data folder is this run's alone.
    if (dataFolder is not null && Directory.Exists(dataFolder))
    {
        Directory.Delete(dataFolder, recursive: true);
    }
}

var result = new BenchResult(
    startedAt,
    SystemProbe.Machine(),
    SystemProbe.MachineShort(),
    SystemProbe.GitCommit(root),
    AzuriteVersion(root),
    options,
    new RunSet(bare),
    new RunSet(pipeline),
    paced,
    history,
    baselines,
    SystemProbe.PeakWorkingSet(),
    azuritePeak,
    clock.Elapsed);
Console.WriteLine(Report.Table(result));

if (options.Record)
{
    var file = Path.Combine(root, "bench", "results.md");
    await HelpdeskComparison.RecordAsync(file, [Report.ResultsRow(result)], inHelpdeskTable: false);
    Benchmark.Say($"row added to {Path.GetRelativePath(root, file)}");
}

return failed ? 1 : 0;

// The helpdesk comparison: 1 and 4 feeders per round (the order alternating), each on a fresh runner
// and an empty Azurite, then the paced run; a row per run in results.md's helpdesk table.
async Task<int> HelpdeskAsync(Benchmark benchmark, CountingStorageProxy proxy, int? azuritePid)
{
    var comparison = new HelpdeskComparison(options, proxy, benchmark, azuritePid);
    var runs = new List<HelpdeskRun>();
    var rounds = options.RoundsGiven ? options.Rounds : 1;
    var ok = true;
    async Task OneAsync(int round, int? feeders, double? rate)
    {
        try
        {
            runs.Add(await comparison.RunAsync(round, feeders, rate, cancel.Token));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            ok = false;
            Console.Error.WriteLine($"bench: helpdesk run failed: {e}");
        }

        await benchmark.EmptyAzuriteAsync(cancel.Token);
    }

    for (var round = 1; round <= rounds; round++)
    {
        foreach (var feeders in round % 2 == 1 ? options.Feeders : options.Feeders.Reverse())
        {
            await OneAsync(round, feeders, null);
        }
    }

    if (options.PacedCount > 0)
    {
        await OneAsync(1, null, options.Rate);
    }

    var commit = SystemProbe.GitCommit(root);
    var rows = runs.Select(r => HelpdeskComparison.Row(r, SystemProbe.MachineShort(), commit, options.Count, options.RunnerSettings)).ToList();
    Console.WriteLine();
    Console.WriteLine(HelpdeskComparison.TableHeader.Split('\n').Last(l => l.StartsWith("| date", StringComparison.Ordinal)));
    Console.WriteLine(HelpdeskComparison.Reference);
    rows.ForEach(Console.WriteLine);
    if (options.Record)
    {
        var file = Path.Combine(root, "bench", "results.md");
        await HelpdeskComparison.RecordAsync(file, rows, inHelpdeskTable: true);
        Benchmark.Say($"{rows.Count} rows added to the helpdesk table of {Path.GetRelativePath(root, file)}");
    }

    return ok ? 0 : 1;
}

static string AzuriteVersion(string root)
{
    try
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "node_modules", "azurite", "package.json")));
        return package.RootElement.GetProperty("version").GetString() ?? "?";
    }
    catch (IOException)
    {
        return "?";
    }
}
