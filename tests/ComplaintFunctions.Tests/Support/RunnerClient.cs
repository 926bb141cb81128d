using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintFunctions.LocalHost;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Tests.Support;

/// <summary>A mail as a person finds it in the runner's <c>/dev/mail</c>.</summary>
public sealed record SeenMail(string Id, DateTimeOffset Time, string[] To, string From, string Subject, string? Text, string? Html, Dictionary<string, string> Headers, string? FromName = null, Dictionary<string, string>? CustomArgs = null)
{
    /// <summary>The id our sender gave the mail (the <c>mailId</c> custom argument): the same mail sent twice has it twice.</summary>
    public string? MailId => CustomArgs is { } args && args.TryGetValue("mailId", out var id) ? id : null;
}

/// <summary>Starts a local runner for a test on its own port and task hub, and talks to it over HTTP like a user.</summary>
public sealed partial class RunnerClient : IAsyncDisposable
{
    LocalRunner? runner;
    string? settingsFile;

    // Kept across restarts of this client's runner, as the real runner keeps .local/mail.
    readonly string mailFolder = Path.Combine(Path.GetTempPath(), "complaints-mail-" + Guid.NewGuid().ToString("N"));

    // More logging for a test (a capturing provider, filters), applied again on every restart.
    readonly Action<ILoggingBuilder>? logging;

    RunnerClient(HttpClient http, HttpClient staffHttp, Action<ILoggingBuilder>? logging)
    {
        Http = http;
        StaffHttp = staffHttp;
        this.logging = logging;
    }

    /// <summary>What anyone on the internet has: no key. Links in mails must work with this.</summary>
    public HttpClient Http { get; }

    /// <summary>Staff tools: sends the runner's function key, as a script with the key from <c>az functionapp keys list</c> would.</summary>
    public HttpClient StaffHttp { get; }

    /// <param name="settingsFile">A local.settings.json to read; none by default, so a developer's own file never changes a test.</param>
    /// <param name="logging">Added to the runner's logging, e.g. a provider that records log lines and their scopes.</param>
    public static async Task<RunnerClient> StartAsync(AzuriteFixture azurite, string taskHub, IDictionary<string, string?>? settings = null, int port = 0, string? settingsFile = null, Action<ILoggingBuilder>? logging = null)
    {
        var client = new RunnerClient(new HttpClient(), new HttpClient(), logging) { settingsFile = settingsFile };
        await client.StartRunnerAsync(azurite, taskHub, settings, port);
        return client;
    }

    public Uri BaseAddress => runner?.BaseAddress ?? throw new InvalidOperationException("The runner is stopped.");

    /// <summary>The runner's services, for a test's set-up only (what a user sees goes over HTTP).</summary>
    public IServiceProvider Services => runner?.Services ?? throw new InvalidOperationException("The runner is stopped.");

    /// <summary>The runner's keys, as a person reads them from its start-up lines.</summary>
    public LocalFunctionsRunner.FunctionKeys Keys => runner?.Keys ?? throw new InvalidOperationException("The runner is stopped.");

    /// <summary>Polls <paramref name="probe"/> until it gives a value, or fails with what was last seen.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>A runner on storage reached through <paramref name="connectionString"/> (e.g. a <see cref="StorageGate"/>).</summary>
    public static async Task<RunnerClient> StartAsync(string connectionString, string taskHub, IDictionary<string, string?>? settings = null, int port = 0, Action<ILoggingBuilder>? logging = null)
    {
        var client = new RunnerClient(new HttpClient(), new HttpClient(), logging);
        await client.StartRunnerAsync(connectionString, taskHub, settings, port);
        return client;
    }

    public Task StartRunnerAsync(AzuriteFixture azurite, string taskHub, IDictionary<string, string?>? settings, int port)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return StartRunnerAsync(azurite.ConnectionString, taskHub, settings, port);
    }

    public async Task StartRunnerAsync(string connectionString, string taskHub, IDictionary<string, string?>? settings, int port)
    {
        var options = new LocalRunnerOptions
        {
            Port = port,
            StorageConnectionString = connectionString,
            TaskHub = taskHub,
            LogLevel = LogLevel.Warning,
            MailFolder = mailFolder,

            // Its own keys, kept across restarts of this client's runner; no developer's local.settings.json.
            KeysFile = Path.Combine(mailFolder, "keys.json"),
            SettingsFile = settingsFile,
            ProfileFile = null,
            ConfigureLogging = logging,
        };

        foreach (var (key, value) in TestSettings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            options.Settings[key] = value;
        }

        runner = await LocalRunner.StartAsync(options);
        // A restarted runner comes back on the same port, so the client's address stays right.
        Http.BaseAddress ??= runner.BaseAddress;
        StaffHttp.BaseAddress ??= runner.BaseAddress;
        StaffHttp.DefaultRequestHeaders.Remove("x-functions-key");
        StaffHttp.DefaultRequestHeaders.Add("x-functions-key", runner.Keys.DefaultFunctionKey);
    }

    /// <summary>
    /// What every test runner runs on: Durable queue polling shortened to 1 s through the host.json
    /// override the host honours too, and open around the clock and on holidays, so targets of
    /// seconds run on any day a test runs.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> TestSettings { get; } = new Dictionary<string, string?>(
        Enum.GetNames<DayOfWeek>().Select(day => KeyValuePair.Create($"BusinessHours:Default:{day}", (string?)"00:00-24:00"))
            .Append(KeyValuePair.Create("BusinessHours:Default:ObservePublicHolidays", (string?)"false"))
            .Append(KeyValuePair.Create("AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval", (string?)"00:00:01")));

    public async Task StopRunnerAsync()
    {
        if (runner is not null)
        {
            await runner.DisposeAsync();
            runner = null;
        }
    }

    public async Task<IReadOnlyList<SeenMail>> MailAsync() =>
        await Http.GetFromJsonAsync<List<SeenMail>>("/dev/mail", JsonSerializerOptions.Web) ?? [];

    /// <summary>Waits until a mail matching <paramref name="match"/> shows in <c>/dev/mail</c>.</summary>
    public async Task<SeenMail> WaitForMailAsync(Func<SeenMail, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = (await MailAsync()).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join("; ", (await MailAsync()).Select(m => m.Subject));
                throw new TimeoutException($"No matching mail within the time. Mail seen: {seen}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The first link in a mail's text that starts with <paramref name="prefix"/>.</summary>
    public static string LinkIn(SeenMail mail, string prefix) =>
        Links().Matches(mail.Text ?? string.Empty).Select(m => m.Value).FirstOrDefault(l => l.Contains(prefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link with '{prefix}' in mail '{mail.Subject}'.");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();

    public async ValueTask DisposeAsync()
    {
        await StopRunnerAsync();
        Http.Dispose();
        StaffHttp.Dispose();
        if (Directory.Exists(mailFolder))
        {
            Directory.Delete(mailFolder, recursive: true);
        }
    }
}
