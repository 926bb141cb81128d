using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ComplaintFunctions.LocalHost;

namespace ComplaintFunctions.Tests.Support;

/// <summary>
/// The local runner as its own process (the program <c>scripts/run-local</c> starts), so a test can
/// end it with SIGKILL, as a crashed or evicted host ends, and start it again on the same port,
/// storage, task hub and data folder.
/// </summary>
public sealed class RunnerProcess : IAsyncDisposable
{
    readonly string connectionString;
    readonly string taskHub;
    readonly string dataFolder = Path.Combine(Path.GetTempPath(), "complaints-proc-" + Guid.NewGuid().ToString("N"));
    readonly string profile;
    readonly ConcurrentQueue<string> lines = new();
    Process? process;

    RunnerProcess(string connectionString, string taskHub, int port, IDictionary<string, string?> settings)
    {
        this.connectionString = connectionString;
        this.taskHub = taskHub;
        Port = port;
        Directory.CreateDirectory(dataFolder);
        profile = Path.Combine(dataFolder, "profile.settings.json");
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in RunnerClient.TestSettings.Concat(settings))
        {
            values[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        File.WriteAllText(profile, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Every line the runner wrote, across all its lives.</summary>
    public IReadOnlyCollection<string> Lines => lines;

    public static async Task<RunnerProcess> StartAsync(string connectionString, string taskHub, IDictionary<string, string?>? settings = null)
    {
        var runner = new RunnerProcess(connectionString, taskHub, LocalFunctionsRunner.Storage.AzuriteProcess.FreePort(), settings ?? new Dictionary<string, string?>());
        await runner.StartAsync();
        return runner;
    }

    /// <summary>Starts the runner and waits until it answers.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", [Program()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Find(),
        };
        info.Environment["LOCAL_RUNNER_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["LOCAL_RUNNER_STORAGE"] = connectionString;
        info.Environment["LOCAL_RUNNER_TASK_HUB"] = taskHub;
        info.Environment["LOCAL_RUNNER_DATA"] = dataFolder;
        info.Environment["LOCAL_RUNNER_SETTINGS"] = profile;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var started = Process.Start(info) ?? throw new InvalidOperationException("The runner did not start.");
        started.OutputDataReceived += (_, e) => Keep(e.Data);
        started.ErrorDataReceived += (_, e) => Keep(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException("The runner ended at start: " + string.Join(Environment.NewLine, lines.TakeLast(30)));
            }

            try
            {
                if ((await probe.GetAsync("/dev/mail")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The runner did not answer within 90 s: " + string.Join(Environment.NewLine, lines.TakeLast(30)));
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, whatever was in flight stops where it was.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    static string Program()
    {
        // The same configuration the tests were built in (bin/<configuration>/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Find(), "src", "ComplaintFunctions.LocalHost", "bin", configuration, "net10.0", "ComplaintFunctions.LocalHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the runner program is not there.", path);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
