using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplaintFunctions.LocalHost;
using LocalFunctionsRunner.Storage;

namespace ComplaintFunctions.Bench;

/// <summary>One run of the helpdesk comparison: N mails from F feeders (or paced), what it cost.</summary>
internal sealed record HelpdeskRun(
    string Label,
    LoadRun Load,
    double AcceptedPerSecond,
    double RunnerCpuSeconds,
    double AzuriteCpuSeconds,
    double OthersCores,
    double RequestsToAck,
    double RequestsUntilIdle,
    long? RunnerPeakBytes,
    long? AzuritePeakBytes);

/// <summary>
/// The comparison the cost issue measured beside osTicket: customers' mails (Norwegian, ISO-8859-1,
/// quoted-printable) posted as SendGrid Inbound Parse posts them in raw mode, to the runner started as
/// its own process (as the Functions host runs the app: its CPU and memory are the app's and the host's
/// alone, not the benchmark's clients or proxy). Done = the acknowledgement kept by the SendGrid stand-in.
/// </summary>
internal sealed class HelpdeskComparison(BenchOptions options, CountingStorageProxy proxy, Benchmark benchmark, int? azuritePid)
{
    const string TaskHub = "BenchHelpdesk";
    readonly string runId = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The helpdesk's figures, measured on this machine with the same mails (the cost issue's table).</summary>
    public const string Reference = "| reference: osTicket 1.18.1 (PHP-FPM, MariaDB, nginx) | | | 500 | 1 / 4 | 12.6–13.2 / 25.8 | 12.6–13.2 / 25.8 | 0.19 (4 feeders) | | 0.07 (php + MariaDB) | | 390 MB (all) | | |";

    public const string TableHeading = "## Mail intake beside the helpdesk (`scripts/bench --helpdesk`)";

    public const string TableHeader = """
        ## Mail intake beside the helpdesk (`scripts/bench --helpdesk`)

        One row per run (newest last). Each run: the runner as its own process on a fresh, empty Azurite
        (behind the counting proxy), 100 unmeasured mails, the idle baseline, then N mails; the paced run
        after the last. See `bench/README.md`.

        - **accepted/s**: mails / time from the first post to the last post answered (200). **done/s**: mails / time from the first post to the last acknowledgement kept.
        - **accept**, **done**: post → answer, post → acknowledgement, p50/p95 in seconds.
        - **CPU-s per mail**: CPU seconds of the runner process and of Azurite from the first post until storage is back to idle, per mail (runner / Azurite in brackets).
        - **req/mail**: storage requests per mail to the last acknowledgement (and until idle), less the idle baseline.
        - **peak RSS**: the runner process's (Azurite's in brackets), over the run.
        - **others**: cores busy with other processes (the benchmark's own clients and proxy included).

        | date (UTC) | machine | commit | N | feeders | accepted/s | done/s | accept p50/p95 (s) | done p50/p95 (s) | CPU-s per mail (runner / Azurite) | req/mail to ack (until idle) | peak RSS (Azurite) | others | notes |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        """;

    public async Task<HelpdeskRun> RunAsync(int round, int? feeders, double? rate, CancellationToken cancellationToken)
    {
        var label = feeders is { } f ? $"{f}" : $"paced {rate:0.#}/s";
        var count = feeders is null ? options.PacedCount : options.Count;
        Benchmark.Say($"helpdesk round {round}, {label}: starting the runner (task hub {TaskHub})");
        await using var runner = await RunnerChild.StartAsync(proxy.Endpoints.ConnectionString, TaskHub, options.RunnerSettings, cancellationToken);
        using var http = new HttpClient { BaseAddress = runner.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var kept = new KeptAcknowledgements(http);
        string Address(string phase, int i) => $"desk-{runId}-{round}{phase}{feeders}-{i}@example.no";

        var warm = await LoadDriver.SendAsync("warm-up", options.WarmUp, Math.Max(1, feeders ?? 4), null, (i, ct) => PostMailAsync(http, Address("w", i), i, ct), cancellationToken);
        if (!await LoadDriver.WaitForAcknowledgementsAsync(warm, i => Address("w", i), kept.ReadAsync, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120), cancellationToken))
        {
            throw new TimeoutException("helpdesk: the warm-up mails were not acknowledged");
        }

        var baseline = await benchmark.IdleBaselineAsync("helpdesk", cancellationToken);
        Benchmark.Say($"helpdesk round {round}, {label}: {count} mails");
        var cpuRunner = SystemProbe.CpuSeconds(runner.Pid);
        var cpuAzurite = SystemProbe.CpuSeconds(azuritePid);
        var machine = SystemProbe.MachineBusySeconds();
        var before = proxy.Snapshot();
        var resourcesBefore = proxy.ByResource();
        var clock = Stopwatch.StartNew();
        var load = await LoadDriver.SendAsync($"helpdesk {label}", count, feeders ?? 1, rate, (i, ct) => PostMailAsync(http, Address("m", i), i, ct), cancellationToken);
        if (load.Failed > 0)
        {
            Console.Error.WriteLine($"bench: helpdesk {label}: {load.Failed} of {count} not accepted; first: {load.FirstFailure}");
        }

        var lastAccepted = load.SentAt.Zip(load.SendDuration).Where(p => p.Second > TimeSpan.Zero).Select(p => p.First + p.Second).DefaultIfEmpty(load.FirstSent).Max();
        var accepted = load.SendDuration.Count(d => d > TimeSpan.Zero);
        await LoadDriver.WaitForAcknowledgementsAsync(load, i => Address("m", i), kept.ReadAsync, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60 + count), cancellationToken);
        var toAck = proxy.Snapshot() - before - baseline.Times(clock.Elapsed.TotalSeconds);
        var settled = await benchmark.WaitUntilIdleAsync(baseline, cancellationToken);
        var untilIdle = settled - before - baseline.Times(clock.Elapsed.TotalSeconds);
        var wall = clock.Elapsed.TotalSeconds;
        var runnerCpu = SystemProbe.CpuSeconds(runner.Pid) - cpuRunner;
        var azuriteCpu = SystemProbe.CpuSeconds(azuritePid) - cpuAzurite;
        var others = (SystemProbe.MachineBusySeconds() - machine - runnerCpu - (double.IsNaN(azuriteCpu) ? 0 : azuriteCpu)) / wall;
        var done = Math.Max(1, load.Completed);
        if (options.Trace)
        {
            // Where the requests went, per mail until idle (baseline not subtracted).
            foreach (var (resource, total) in proxy.ByResource().OrderByDescending(kv => kv.Value - resourcesBefore.GetValueOrDefault(kv.Key)))
            {
                var perMail = (total - resourcesBefore.GetValueOrDefault(resource)) / (double)done;
                if (perMail >= 0.05)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {resource,-60} {perMail,6:0.00}"));
                }
            }
        }

        var run = new HelpdeskRun(
            label,
            load,
            accepted / Math.Max(0.001, (lastAccepted - load.FirstSent).TotalSeconds),
            runnerCpu / done,
            azuriteCpu / done,
            others,
            toAck.AtLeastZero().Total / done,
            untilIdle.AtLeastZero().Total / done,
            SystemProbe.PeakResidentBytes(runner.Pid),
            azuritePid is { } pid ? SystemProbe.PeakResidentBytes(pid) : null);
        Benchmark.Say(string.Create(CultureInfo.InvariantCulture,
            $"helpdesk {label}: accepted {run.AcceptedPerSecond:0.0}/s, done {load.Throughput:0.0}/s, accept p95 {load.SendLatency.P95:0.00} s, CPU-s per mail {run.RunnerCpuSeconds + run.AzuriteCpuSeconds:0.000} ({run.RunnerCpuSeconds:0.000} / {run.AzuriteCpuSeconds:0.000}), {run.RequestsToAck:0.0} requests per mail to ack"));
        return run;
    }

    public static string Row(HelpdeskRun r, string machine, string commit, int count, IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(r);
        static string Mb(long? bytes) => bytes is { } b ? $"{b / (1024 * 1024)} MB" : "n/a";
        var l = r.Load;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} | {machine} | {commit} | {(r.Label.StartsWith("paced", StringComparison.Ordinal) ? l.Count : count)} | {r.Label} | {r.AcceptedPerSecond:0.0} | {l.Throughput:0.0} | {l.SendLatency.P50:0.00}/{l.SendLatency.P95:0.00} | {l.Latency.P50:0.00}/{l.Latency.P95:0.00} | {r.RunnerCpuSeconds + r.AzuriteCpuSeconds:0.000} ({r.RunnerCpuSeconds:0.000} / {r.AzuriteCpuSeconds:0.000}) | {r.RequestsToAck:0.0} ({r.RequestsUntilIdle:0.0}) | {Mb(r.RunnerPeakBytes)} ({Mb(r.AzuritePeakBytes)}) | {r.OthersCores:0.00} | {l.Completed}/{l.Count} acknowledged{string.Concat(settings.Select(kv => $"; {kv.Key.Split(':').Last()}={kv.Value}"))} |");
    }

    /// <summary>
    /// Adds rows at the end of a table in results.md: the helpdesk table (made, with its reference line, the
    /// first time), or the benchmark's own table, the first in the file.
    /// </summary>
    public static async Task RecordAsync(string file, IEnumerable<string> rows, bool inHelpdeskTable)
    {
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file) : Report.ResultsHeader + "\n";
        if (inHelpdeskTable && !text.Contains(TableHeading, StringComparison.Ordinal))
        {
            text = text.TrimEnd('\n') + "\n\n" + TableHeader + "\n" + Reference + "\n";
        }

        var lines = text.TrimEnd('\n').Split('\n').ToList();
        var heading = lines.FindIndex(l => l == TableHeading);
        var (from, to) = inHelpdeskTable ? (heading + 1, lines.Count) : (0, heading < 0 ? lines.Count : heading);
        var last = from - 1;
        for (var i = from; i < to; i++)
        {
            if (lines[i].StartsWith('|'))
            {
                last = i;
            }
        }

        lines.InsertRange(last + 1, rows);
        await File.WriteAllTextAsync(file, string.Join('\n', lines) + "\n");
    }

    /// <summary>A customer's complaint as a Norwegian mail client writes it: ISO-8859-1, quoted-printable, in SendGrid's raw mode.</summary>
    static async Task PostMailAsync(HttpClient http, string address, int index, CancellationToken cancellationToken)
    {
        var mime = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"From: =?ISO-8859-1?Q?B=F8rre_Kj=E6rstad?= <{address}>\r\n")
            .Append("To: kundeservice@example.no\r\n")
            .Append("Subject: =?ISO-8859-1?Q?Skjermen_var_d=F8d_ved_levering?=\r\n")
            .Append(CultureInfo.InvariantCulture, $"Message-ID: <{index}.{Guid.NewGuid():N}@bench.example>\r\n")
            .Append("Date: Tue, 01 Dec 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
            .Append("Hei,\r\n\r\nSkjermen jeg kj=F8pte var d=F8d da den kom: ingen str=F8m, ingen lys. Ordrenummer =\r\n")
            .Append("123456. Jeg =F8nsker =E5 f=E5 en ny, eller pengene tilbake.\r\n\r\nMvh\r\nB=F8rre Kj=E6rstad\r\n")
            .ToString();
        await Benchmark.PostRawMailAsync(http, mime, cancellationToken);
    }

    /// <summary>Acknowledgements kept by the stand-in, read incrementally (<c>/dev/mail?after=N</c>), so polling stays cheap for the runner.</summary>
    sealed class KeptAcknowledgements(HttpClient http)
    {
        readonly Dictionary<string, DateTimeOffset> acknowledged = new(StringComparer.OrdinalIgnoreCase);
        int seen;

        public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAsync(CancellationToken cancellationToken)
        {
            var mails = await http.GetFromJsonAsync<List<Benchmark.MailView>>($"/dev/mail?after={seen}", JsonSerializerOptions.Web, cancellationToken) ?? [];
            seen += mails.Count;
            foreach (var mail in mails.Where(m => m.Kind == "acknowledgement"))
            {
                foreach (var to in mail.To)
                {
                    acknowledged.TryAdd(to, mail.Time);
                }
            }

            return acknowledged;
        }
    }

    /// <summary>The runner as its own process (<c>ComplaintFunctions.LocalHost</c>, as built), on storage through the proxy.</summary>
    sealed class RunnerChild : IAsyncDisposable
    {
        readonly Process process;
        readonly string dataFolder;

        RunnerChild(Process process, string dataFolder, int port)
        {
            this.process = process;
            this.dataFolder = dataFolder;
            BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        }

        public Uri BaseAddress { get; }

        public int Pid => process.Id;

        public static async Task<RunnerChild> StartAsync(string connectionString, string taskHub, IDictionary<string, string> settings, CancellationToken cancellationToken)
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var program = Path.Combine(RepositoryRoot.Find(), "src", "ComplaintFunctions.LocalHost", "bin", configuration, "net10.0", "ComplaintFunctions.LocalHost.dll");
            if (!File.Exists(program))
            {
                throw new FileNotFoundException("Build the solution first: the runner program is not there.", program);
            }

            var port = AzuriteProcess.FreePort();
            var data = Path.Combine(Path.GetTempPath(), $"complaints-bench-runner-{Guid.NewGuid():N}");
            var info = new ProcessStartInfo("dotnet", [program]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            info.Environment["LOCAL_RUNNER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
            info.Environment["LOCAL_RUNNER_STORAGE"] = connectionString;
            info.Environment["LOCAL_RUNNER_TASK_HUB"] = taskHub;
            info.Environment["LOCAL_RUNNER_DATA"] = data;
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var (key, value) in settings)
            {
                info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("The runner did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 } line)
                {
                    Console.Error.WriteLine($"runner: {line}");
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var runner = new RunnerChild(process, data, port);
            using var probe = new HttpClient { BaseAddress = runner.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The runner ended at start (exit code {process.ExitCode}).");
                }

                try
                {
                    if ((await probe.GetAsync("/dev/mail?after=0", cancellationToken)).IsSuccessStatusCode)
                    {
                        return runner;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // Not answering yet.
                }

                if (deadline.Elapsed > TimeSpan.FromSeconds(90))
                {
                    await runner.DisposeAsync();
                    throw new TimeoutException("The runner did not answer within 90 s.");
                }

                await Task.Delay(250, cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                // SIGTERM: the runner stops as the host does (releases its partitions), within a minute.
                using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(150));
                try
                {
                    await process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            process.Dispose();
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open: the temp folder is cleaned by the system.
            }
        }
    }
}
