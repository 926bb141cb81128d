using System.Diagnostics;
using System.Text.Json;
using ComplaintFunctions.Bench;
using ComplaintFunctions.LocalHost;
using ComplaintFunctions.LocalHost.Storage;
using Microsoft.Extensions.Logging;

// scripts/bench: the pipeline beside the bare Durable Task engine on one fresh Azurite. Prints a
// table and appends a row to bench/results.md. See bench/README.md.
var options = BenchOptions.Parse(args, out var exitCode);
if (options is null)
{
    return exitCode;
}

// Everything below is bounded: each wait has its own timeout, and the whole run this one.
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(45));
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
LoadRun? bare = null, pipeline = null, paced = null;
HistoryResult? history = null;
Dictionary<string, StorageCounts> baselines = [];
long? azuritePeak = null;
var endpoints = new AzuriteEndpoints(AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort());
Console.WriteLine($"bench: starting Azurite in memory on 127.0.0.1:{endpoints.BlobPort}/{endpoints.QueuePort}/{endpoints.TablePort}");
await using (var azurite = await AzuriteProcess.EnsureRunningAsync(endpoints, dataFolder: null, cancel.Token))
{
    var azuritePid = SystemProbe.FindAzurite();
    await using (var proxy = await CountingStorageProxy.StartAsync(endpoints, cancel.Token))
    {
        Console.WriteLine($"bench: counting proxy on 127.0.0.1:{proxy.Endpoints.BlobPort}/{proxy.Endpoints.QueuePort}/{proxy.Endpoints.TablePort}");
        var benchmark = new Benchmark(options, proxy, endpoints.ConnectionString, azuritePid, loggerFactory);

        async Task<T?> PhaseAsync<T>(string name, Func<CancellationToken, Task<T>> phase)
            where T : class
        {
            try
            {
                return await phase(cancel.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                failed = true;
                Console.Error.WriteLine($"bench: {name} failed: {e}");
                return null;
            }
        }

        bare = await PhaseAsync("bare engine", benchmark.RunBareAsync);
        var pipelineRuns = await PhaseAsync("pipeline", async ct => (await benchmark.RunPipelineAsync(ct)).ToTuple());
        (pipeline, paced) = (pipelineRuns?.Item1, pipelineRuns?.Item2);
        if (options.HistoryCases > 0)
        {
            history = await PhaseAsync("history", benchmark.RunHistoryAsync);
        }

        baselines = benchmark.Baselines;
    }

    azuritePeak = azuritePid is { } pid ? SystemProbe.PeakResidentBytes(pid) : null;
}

var result = new BenchResult(
    startedAt,
    SystemProbe.Machine(),
    SystemProbe.MachineShort(),
    SystemProbe.GitCommit(root),
    AzuriteVersion(root),
    options,
    bare,
    pipeline,
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
    if (!File.Exists(file))
    {
        await File.WriteAllTextAsync(file, Report.ResultsHeader + "\n");
    }

    await File.AppendAllTextAsync(file, Report.ResultsRow(result) + "\n");
    Console.WriteLine($"bench: row appended to {Path.GetRelativePath(root, file)}");
}

return failed ? 1 : 0;

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
