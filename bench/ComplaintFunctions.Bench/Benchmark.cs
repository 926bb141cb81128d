using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.LocalHost;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Bench;

/// <summary>What one history checkpoint found, per followed case.</summary>
internal sealed record HistoryCheckpoint(int Cycle, IReadOnlyList<int> CurrentExecutionEvents, IReadOnlyList<int> AllRowsInPartition);

internal sealed record HistoryResult(
    IReadOnlyList<HistoryCheckpoint> Checkpoints, int Cases, int CyclesReached, int ProgressMailsSeen, TimeSpan Duration, string? Problem);

/// <summary>The phases of one benchmark run, all against one Azurite behind one counting proxy.</summary>
internal sealed class Benchmark(BenchOptions options, CountingStorageProxy proxy, string directConnectionString, int? azuritePid, ILoggerFactory loggerFactory)
{
    const string PipelineHub = "BenchPipeline";
    const string BareHub = "BenchBare";
    const string HistoryHub = "BenchHistory";
    static readonly TimeSpan SettleBeforeBaseline = TimeSpan.FromSeconds(3);
    static readonly TimeSpan BaselineDuration = TimeSpan.FromSeconds(5);

    /// <summary>Above idle for either engine (1.5–6 requests a second), far below any work.</summary>
    const double QuietRequestsPerSecond = 20;

    readonly string runId = Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Storage requests per item of the last measured throughput run of each engine, per service, verb
    /// and resource, until the rate was back to idle (the idle baseline not subtracted): where they go.
    /// </summary>
    public Dictionary<string, IReadOnlyList<(string Resource, double PerItem)>> ResourceBreakdown { get; } = new(StringComparer.Ordinal);

    /// <summary>Idle storage requests per second, as measured before each throughput run, per engine.</summary>
    public Dictionary<string, List<StorageCounts>> Baselines { get; } = new(StringComparer.Ordinal);

    /// <summary>A progress line on stdout, with the time, so traces and warnings can be placed.</summary>
    public static void Say(string message) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} bench: {message}");

    static TimeSpan CompletionTimeout(int count) => TimeSpan.FromSeconds(60 + (count * 0.5));

    public async Task<LoadRun> RunBareAsync(int round, CancellationToken cancellationToken)
    {
        Say($"round {round}, bare engine (task hub {BareHub}): starting");
        await using IBareEngine bare = options.BareDirect
            ? await DirectBareEngine.StartAsync(proxy.Endpoints.ConnectionString, BareHub, loggerFactory)
            : await BareEngine.StartAsync(proxy.Endpoints.ConnectionString, BareHub, loggerFactory, cancellationToken);
        string Id(string phase, int i) => $"bare-{runId}-{round}{phase}-{i}";
        Func<int, CancellationToken, Task> Send(string phase) => (i, ct) => bare.ScheduleAsync(Id(phase, i), $"case-{i}", ct);
        Task<IReadOnlyDictionary<string, DateTimeOffset>> Acknowledged(CancellationToken _) => Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(bare.Acknowledged);
        var poll = TimeSpan.FromMilliseconds(100);

        await WarmUpAsync("bare", i => Id("w", i), Send("w"), Acknowledged, poll, cancellationToken);
        var baseline = await IdleBaselineAsync("bare", cancellationToken);
        Say($"round {round}, bare engine: {options.Count} orchestrations from {options.Clients} clients");
        var run = await MeasureAsync($"round {round}, bare", options.Count, null, i => Id("m", i), Send("m"), Acknowledged, poll, baseline, cancellationToken);
        Say($"round {round}, bare engine: stopping");
        return run;
    }

    public async Task<(LoadRun Throughput, LoadRun? Paced)> RunPipelineAsync(int round, bool withPacedRun, CancellationToken cancellationToken)
    {
        Say($"round {round}, pipeline (local runner, task hub {PipelineHub}): starting");
        var runnerOptions = new LocalRunnerOptions
        {
            Port = 0,
            StorageConnectionString = proxy.Endpoints.ConnectionString,
            TaskHub = PipelineHub,
            LogLevel = LogLevel.Warning,
            SettingsFile = null,
            ProfileFile = null,
        };
        await using var runner = await LocalRunner.StartAsync(runnerOptions, cancellationToken);
        using var http = new HttpClient { BaseAddress = runner.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        string Address(string phase, int i) => $"bench-{runId}-{round}{phase}-{i}@example.no";
        Func<int, CancellationToken, Task> Send(string phase) => options.Intake == "mail"
            ? (i, ct) => PostMailAsync(http, Address(phase, i), ct)
            : (i, ct) => PostComplaintAsync(http, Address(phase, i), i, ct);
        Task<IReadOnlyDictionary<string, DateTimeOffset>> Acknowledged(CancellationToken ct) => AcknowledgementMailsAsync(http, ct);
        var poll = TimeSpan.FromSeconds(1);

        await WarmUpAsync("pipeline", i => Address("w", i), Send("w"), Acknowledged, poll, cancellationToken);
        var baseline = await IdleBaselineAsync("pipeline", cancellationToken);
        Say($"round {round}, pipeline: {options.Count} complaints from {options.Clients} clients");
        var run = await MeasureAsync($"round {round}, pipeline", options.Count, null, i => Address("m", i), Send("m"), Acknowledged, poll, baseline, cancellationToken);

        LoadRun? paced = null;
        if (withPacedRun && options.PacedCount > 0)
        {
            Say($"round {round}, pipeline: {options.PacedCount} complaints at {options.Rate}/s");
            paced = await MeasureAsync("pipeline paced", options.PacedCount, options.Rate, i => Address("p", i), Send("p"), Acknowledged, poll, baseline, cancellationToken);
        }

        Say($"round {round}, pipeline: stopping");
        return (run, paced);
    }

    public async Task<HistoryResult> RunHistoryAsync(CancellationToken cancellationToken)
    {
        Say($"history (task hub {HistoryHub}, progress every {options.ProgressInterval}): {options.HistoryCases} complaints through {options.Cycles} progress cycles");
        var runnerOptions = new LocalRunnerOptions
        {
            Port = 0,
            StorageConnectionString = proxy.Endpoints.ConnectionString,
            TaskHub = HistoryHub,
            LogLevel = LogLevel.Warning,
            SettingsFile = null,
            ProfileFile = null,
        };
        runnerOptions.Settings["CustomerService:ProgressAfter"] = options.ProgressInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

        // Open around the clock, so the shortened progress interval runs whatever the day and hour.
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            runnerOptions.Settings[$"BusinessHours:Default:{day}"] = "00:00-24:00";
        }

        runnerOptions.Settings["BusinessHours:Default:ObservePublicHolidays"] = "false";
        await using var runner = await LocalRunner.StartAsync(runnerOptions, cancellationToken);
        using var http = new HttpClient { BaseAddress = runner.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var durable = runner.Services.GetRequiredService<DurableTaskClient>();

        // The bench reads the task hub's tables directly, past the proxy, so its reads are not counted.
        var tables = new TableServiceClient(directConnectionString);
        var historyTable = tables.GetTableClient(HistoryHub + "History");
        var instancesTable = tables.GetTableClient(HistoryHub + "Instances");

        var clock = Stopwatch.StartNew();
        var instanceIds = new List<string>();
        var addresses = new List<string>();
        for (var i = 0; i < options.HistoryCases; i++)
        {
            var address = $"bench-{runId}-h-{i}@example.no";
            var caseNumber = await PostComplaintAsync(http, address, i, cancellationToken);
            instanceIds.Add(ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(caseNumber)));
            addresses.Add(address);
        }

        var checkpoints = options.Checkpoints;
        var found = checkpoints.ToDictionary(c => c, _ => new List<(int Current, int All)>());
        var nextCheckpoint = new int[instanceIds.Count];
        var deadline = TimeSpan.FromSeconds(60) + (options.Cycles * (options.ProgressInterval + TimeSpan.FromSeconds(8)));
        string? problem = null;
        var reached = 0;
        while (nextCheckpoint.Any(n => n < checkpoints.Count))
        {
            if (clock.Elapsed > deadline)
            {
                problem = $"timed out after {deadline.TotalSeconds:0} s with {reached} progress cycles reached";
                break;
            }

            for (var c = 0; c < instanceIds.Count; c++)
            {
                if (nextCheckpoint[c] >= checkpoints.Count)
                {
                    continue;
                }

                // Progress cycles so far: the progress mails this case's customer has been sent.
                var kept = await http.GetFromJsonAsync<List<MailView>>("/dev/mail", JsonSerializerOptions.Web, cancellationToken) ?? [];
                var sent = kept.Count(m => m.To.Contains(addresses[c]) && m.Kind == "progress");
                if (sent < checkpoints[nextCheckpoint[c]])
                {
                    continue;
                }

                // Just continued as new: let the new execution's first episode (which sets its timer) land.
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                found[checkpoints[nextCheckpoint[c]]].Add(await CountHistoryAsync(instancesTable, historyTable, instanceIds[c], cancellationToken));
                reached = Math.Max(reached, sent);
                nextCheckpoint[c]++;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        var mails = await http.GetFromJsonAsync<List<MailView>>("/dev/mail", JsonSerializerOptions.Web, cancellationToken) ?? [];
        var progressMails = mails.Count(m => m.To.Any(addresses.Contains) && m.Kind == "progress");
        Say($"history: stopping");
        return new HistoryResult(
            checkpoints.Select(c => new HistoryCheckpoint(c, found[c].Select(f => f.Current).ToList(), found[c].Select(f => f.All).ToList())).ToList(),
            instanceIds.Count,
            reached,
            progressMails,
            clock.Elapsed,
            problem);
    }

    /// <summary>
    /// Deletes every table, queue and blob container, past the proxy: Azurite gets slower per request as
    /// it holds more data (its metadata queries scan), so each engine starts on an empty account, not on
    /// what the phase before left.
    /// </summary>
    public async Task EmptyAzuriteAsync(CancellationToken cancellationToken)
    {
        // A stopped engine releases its partitions in the background; deleting its tables under it would
        // leave its partition manager retrying for ever. Wait until nothing talks to storage (at most 30 s).
        var quietFor = Stopwatch.StartNew();
        var waited = Stopwatch.StartNew();
        var last = proxy.Snapshot().Total;
        while (quietFor.Elapsed < TimeSpan.FromSeconds(2) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            var now = proxy.Snapshot().Total;
            if (now != last)
            {
                quietFor.Restart();
                last = now;
            }
        }

        var account = StorageAccount.FromConnectionString(directConnectionString);
        var removed = 0;
        await foreach (var table in account.Tables.QueryAsync(cancellationToken: cancellationToken))
        {
            await account.Tables.DeleteTableAsync(table.Name, cancellationToken);
            removed++;
        }

        await foreach (var queue in account.Queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            await account.Queues.DeleteQueueAsync(queue.Name, cancellationToken);
            removed++;
        }

        await foreach (var container in account.Blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            // The engine's lease containers may still hold a lease of the engine that just stopped.
            var client = account.Blobs.GetBlobContainerClient(container.Name);
            if (container.Properties.LeaseState == Azure.Storage.Blobs.Models.LeaseState.Leased)
            {
                await client.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken);
            }

            await client.DeleteAsync(cancellationToken: cancellationToken);
            removed++;
        }

        Say($"emptied Azurite ({removed} tables, queues and containers)");
    }

    /// <summary>History rows of the instance's current execution (events only, not the sentinel row), and all its rows.</summary>
    static async Task<(int Current, int All)> CountHistoryAsync(TableClient instances, TableClient history, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await instances.GetEntityAsync<TableEntity>(instanceId, string.Empty, ["ExecutionId"], cancellationToken);
        var executionId = instance.Value.GetString("ExecutionId");
        int current = 0, all = 0;
        await foreach (var row in history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), select: ["RowKey", "ExecutionId", "EventType"], cancellationToken: cancellationToken))
        {
            all++;
            if (row.GetString("ExecutionId") == executionId && row.GetString("EventType") is not null)
            {
                current++;
            }
        }

        return (current, all);
    }

    async Task WarmUpAsync(
        string name,
        Func<int, string> keyOf,
        Func<int, CancellationToken, Task> send,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, DateTimeOffset>>> acknowledged,
        TimeSpan poll,
        CancellationToken cancellationToken)
    {
        // Items first, unmeasured: every partition is owned, and both this process's and Azurite's code is
        // warm (without this the very first phase of a run measured about a third slower).
        var warm = await LoadDriver.SendAsync(name + " warm-up", Math.Max(options.Clients, options.WarmUp), options.Clients, null, send, cancellationToken);
        if (warm.Failed > 0)
        {
            throw new InvalidOperationException($"{name}: warm-up items were not accepted: {warm.FirstFailure}");
        }

        var timeout = CompletionTimeout(warm.Count);
        if (!await LoadDriver.WaitForAcknowledgementsAsync(warm, keyOf, acknowledged, poll, timeout, cancellationToken))
        {
            throw new TimeoutException($"{name}: the warm-up items were not acknowledged within {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>Storage requests per second while nothing is sent (queue polling, lease renewals).</summary>
    public async Task<StorageCounts> IdleBaselineAsync(string name, CancellationToken cancellationToken)
    {
        await Task.Delay(SettleBeforeBaseline, cancellationToken);

        // Until the warm-up's cases have done their work: a baseline taken while they still run (175
        // requests a second once) is subtracted from every count and hides real requests.
        var quiet = 0;
        var waited = Stopwatch.StartNew();
        var last = proxy.Snapshot();
        while (quiet < 3 && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = proxy.Snapshot();
            quiet = (now - last).Total <= QuietRequestsPerSecond ? quiet + 1 : 0;
            last = now;
        }

        var before = proxy.Snapshot();
        var clock = Stopwatch.StartNew();
        await Task.Delay(BaselineDuration, cancellationToken);
        var rate = (proxy.Snapshot() - before).Times(1 / clock.Elapsed.TotalSeconds);
        if (!Baselines.TryGetValue(name, out var list))
        {
            Baselines[name] = list = [];
        }

        list.Add(rate);
        return rate;
    }

    async Task<LoadRun> MeasureAsync(
        string name,
        int count,
        double? rate,
        Func<int, string> keyOf,
        Func<int, CancellationToken, Task> send,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, DateTimeOffset>>> acknowledged,
        TimeSpan poll,
        StorageCounts baseline,
        CancellationToken cancellationToken)
    {
        var cpu = SystemProbe.StartCpuWindow(azuritePid);
        var resourcesBefore = proxy.ByResource();
        var before = proxy.Snapshot();
        var clock = Stopwatch.StartNew();
        var run = await LoadDriver.SendAsync(name, count, options.Clients, rate, send, cancellationToken);
        if (run.Failed > 0)
        {
            Console.Error.WriteLine($"bench: {name}: {run.Failed} of {count} not accepted; first: {run.FirstFailure}");
        }

        var timeout = CompletionTimeout(count) + (rate is { } r ? TimeSpan.FromSeconds(count / r) : TimeSpan.Zero);
        await LoadDriver.WaitForAcknowledgementsAsync(run, keyOf, acknowledged, poll, timeout, cancellationToken);
        var atLast = proxy.Snapshot();
        run.WindowSeconds = clock.Elapsed.TotalSeconds;
        Say($"{name}: {run.Completed}/{count} acknowledged, {run.Throughput:0.0}/s, latency p50/p95/p99/max {run.Latency.Format()} s");
        run.Cpu = cpu();
        run.BaselinePerSecond = baseline.Total;
        run.Storage = (atLast - before - baseline.Times(run.WindowSeconds)).AtLeastZero();

        // Then until the request rate is back to idle: the orchestrations' last steps (setting their timers) included.
        var last = await WaitUntilIdleAsync(baseline, cancellationToken);
        run.SettledWindowSeconds = clock.Elapsed.TotalSeconds;
        run.StorageSettled = (last - before - baseline.Times(run.SettledWindowSeconds)).AtLeastZero();
        if (rate is null && run.Completed > 0)
        {
            ResourceBreakdown[name.Contains("bare", StringComparison.Ordinal) ? "bare" : "pipeline"] = proxy.ByResource()
                .Select(kv => (kv.Key, PerItem: (kv.Value - resourcesBefore.GetValueOrDefault(kv.Key)) / (double)run.Completed))
                .Where(r => r.PerItem >= 0.05)
                .OrderByDescending(r => r.PerItem)
                .ToList();
        }

        return run;
    }

    /// <summary>Waits (at most 60 s) until the request rate has been back near <paramref name="baseline"/> for 2 s; the proxy's counts then.</summary>
    public async Task<StorageCounts> WaitUntilIdleAsync(StorageCounts baseline, CancellationToken cancellationToken)
    {
        var quietSeconds = 0;
        var settle = Stopwatch.StartNew();
        var last = proxy.Snapshot();
        var idle = Math.Max(baseline.Total * 1.5, baseline.Total + 3);
        while (quietSeconds < 2 && settle.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = proxy.Snapshot();
            quietSeconds = (now - last).Total <= idle ? quietSeconds + 1 : 0;
            last = now;
        }

        return last;
    }

    static readonly string[] Countries = ["NO", "SE", "DK", "FI"];

    /// <summary>Posts a complaint as the JSON API's clients do; returns its case number.</summary>
    static async Task<string> PostComplaintAsync(HttpClient http, string address, int index, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            "/api/complaints",
            new
            {
                name = "Benk Testesen",
                email = address,
                description = "Skjermen var død ved levering: ingen strøm, ingen lys. (benchmark)",
                category = "doa",
                country = Countries[index % Countries.Length],
            },
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"POST /api/complaints answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("caseNumber").GetString() ?? throw new InvalidOperationException("No case number in the answer.");
    }

    /// <summary>A customer's mail as SendGrid Inbound Parse posts it in raw mode: stored, queued, then read into a new case.</summary>
    static async Task PostMailAsync(HttpClient http, string address, CancellationToken cancellationToken)
    {
        var mime = $"From: Benk Testesen <{address}>\r\nTo: kundeservice@example.no\r\nSubject: Skjermen virket ikke ved levering\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
            "Skjermen var død ved levering: ingen strøm, ingen lys. (benchmark)\r\n";
        await PostRawMailAsync(http, mime, cancellationToken);
    }

    /// <summary>Posts raw MIME as SendGrid Inbound Parse does in raw mode (with the local shared secret); throws unless taken.</summary>
    public static async Task PostRawMailAsync(HttpClient http, string mime, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(mime), "email" },
            { new StringContent("kundeservice@example.no"), "to" },
        };
        using var response = await http.PostAsync("/api/inbound/sendgrid?key=local-inbound-secret", form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"POST /api/inbound/sendgrid answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Recipient → when its acknowledgement mail was kept, from <c>GET /dev/mail</c>.</summary>
    static async Task<IReadOnlyDictionary<string, DateTimeOffset>> AcknowledgementMailsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var mails = await http.GetFromJsonAsync<List<MailView>>("/dev/mail", JsonSerializerOptions.Web, cancellationToken) ?? [];
        var acknowledged = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        foreach (var mail in mails)
        {
            if (mail.Kind != "acknowledgement")
            {
                continue;
            }

            foreach (var to in mail.To)
            {
                if (!acknowledged.TryGetValue(to, out var seen) || mail.Time < seen)
                {
                    acknowledged[to] = mail.Time;
                }
            }
        }

        return acknowledged;
    }

    /// <summary>The fields of a kept mail the benchmark reads.</summary>
    internal sealed record MailView(string[] To, DateTimeOffset Time, Dictionary<string, string> Headers)
    {
        /// <summary>"ack" or "progress": the mail id leads our Message-ID (<c>&lt;ack-…&gt;</c>, <c>&lt;progress-3-…&gt;</c>).</summary>
        public string Kind => Headers.TryGetValue("Message-ID", out var id) && id.Length > 1 ? id[1..].Split('-', 2)[0] : string.Empty;
    }
}
