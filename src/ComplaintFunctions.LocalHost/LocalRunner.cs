using ComplaintFunctions.LocalHost.Mail;
using LocalFunctionsRunner;
using LocalFunctionsRunner.Functions;
using LocalFunctionsRunner.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.LocalHost;

public sealed class LocalRunnerOptions
{
    /// <summary>Names a settings file in local.settings.json's format laid over the app's own settings (a profile, e.g. short clocks).</summary>
    public const string SettingsFileVariable = "LOCAL_RUNNER_SETTINGS";

    /// <summary>The port <c>func start</c> uses; 0 picks a free one.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Storage to use; null starts (or reuses) Azurite on its default ports with data under <see cref="DataFolder"/>.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>Azurite's data, the function keys and the kept mails live here.</summary>
    public string DataFolder { get; set; } = Path.Combine(RepositoryRoot.Find(), ".local");

    /// <summary>Where the SendGrid stand-in keeps mail; by default under <see cref="DataFolder"/> when the runner owns its Azurite, else in memory.</summary>
    public string? MailFolder { get; set; }

    /// <summary>Where the function keys are kept; by default <c>keys.json</c> under <see cref="DataFolder"/>.</summary>
    public string? KeysFile { get; set; }

    /// <summary>
    /// The settings file read as <c>func start</c> reads local.settings.json: by default
    /// <c>src/ComplaintFunctions/local.settings.json</c>. Null (or a missing file) runs on the embedded defaults.
    /// </summary>
    public string? SettingsFile { get; set; } = Path.Combine(RepositoryRoot.Find(), "src", "ComplaintFunctions", "local.settings.json");

    /// <summary>A profile laid over <see cref="SettingsFile"/> or the defaults: by default the file named by <c>LOCAL_RUNNER_SETTINGS</c>.</summary>
    public string? ProfileFile { get; set; } = Environment.GetEnvironmentVariable(SettingsFileVariable) is { Length: > 0 } named ? Path.GetFullPath(named) : null;

    /// <summary>Overrides host.json's task hub, so parallel runners (tests) never take each other's work.</summary>
    public string? TaskHub { get; set; }

    /// <summary>App settings that win over everything else (tests shorten durations here).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    /// <summary>More logging providers or filters (tests capture log lines here).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}

/// <summary>
/// The complaint app on the generic local Functions runner: its function assembly and registration,
/// the settings it runs on when nothing is configured, and the SendGrid stand-in that keeps its mail.
/// </summary>
public sealed class LocalRunner : IAsyncDisposable
{
    readonly FunctionsRunner runner;

    LocalRunner(FunctionsRunner runner) => this.runner = runner;

    public Uri BaseAddress => runner.BaseAddress;
    public IReadOnlyList<FunctionEntry> Functions => runner.Functions;
    public IServiceProvider Services => runner.Services;
    public FunctionKeys Keys => runner.Keys;
    public bool EnforcesAuthorization => runner.EnforcesAuthorization;

    /// <summary>The settings file read, or null when the embedded defaults were used (a profile is laid over either).</summary>
    public string? SettingsFile => runner.SettingsFile;

    /// <summary>
    /// What the pipeline runs on with no settings file: a fresh machine's defaults. Everything else
    /// has its default in the app's options; local.settings.sample.json explains every setting.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> EmbeddedDefaults(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return new Dictionary<string, string?>
        {
            ["Pipeline:PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/'),
            ["SendGrid:ApiKey"] = "SG.local-runner-stand-in",
            ["Links:SigningKey"] = "local-runner-only-link-signing-key-not-for-azure",
            ["Inbound:SendGridSecret"] = "local-inbound-secret",

            // The console signs in at the runner's stand-in for Entra ID (LOCAL ONLY; see SignIn/EntraStandIn.cs).
            ["Console:Authority"] = SignIn.EntraStandIn.Authority(baseAddress),
            ["Console:ClientId"] = SignIn.EntraStandIn.ClientId,
        };
    }

    public static async Task<LocalRunner> StartAsync(LocalRunnerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var port = options.Port == 0 ? AzuriteProcess.FreePort() : options.Port;
        var mailbox = new KeptMailbox(options.MailFolder ?? (options.StorageConnectionString is null ? Path.Combine(options.DataFolder, "mail") : null));
        var generic = new FunctionsRunnerOptions
        {
            FunctionAssembly = typeof(ComplaintPipelineServices).Assembly,
            ConfigureApp = (builder, configuration) => builder.UseComplaintPipeline(configuration),
            LocalSettingsPath = options.SettingsFile ?? Path.Combine(options.DataFolder, "no-settings-file"),
            Port = port,
            StorageConnectionString = options.StorageConnectionString,
            DataFolder = options.DataFolder,
            KeysFile = options.KeysFile,
            TaskHub = options.TaskHub,
            LogLevel = options.LogLevel,
            ConfigureLogging = options.ConfigureLogging,

            // Always the SendGrid stand-in: a local run never sends real mail.
            RunnerSettings = address => new Dictionary<string, string?> { ["SendGrid:Host"] = address.ToString().TrimEnd('/') },
            ConfigureRunnerServices = services => services.AddSingleton(mailbox),
            MapRunnerEndpoints = app =>
            {
                SendGridStandIn.Map(app, mailbox, app.Services.GetRequiredService<TimeProvider>());
                SignIn.EntraStandIn.Map(app, new Uri($"http://127.0.0.1:{port}"));
            },
        };
        foreach (var (key, value) in EmbeddedDefaults(new Uri($"http://127.0.0.1:{port}")))
        {
            generic.DefaultSettings[key] = value;
        }

        foreach (var (key, value) in options.Settings)
        {
            generic.Settings[key] = value;
        }

        if (options.ProfileFile is { } profile)
        {
            generic.ProfileSettingsPaths.Add(profile);
        }

        generic.IndexLinks.Add(("The complaint form", "/api/form"));
        generic.IndexLinks.Add(("The staff console (local sign-in)", "/api/console"));
        generic.IndexLinks.Add(("Mail kept by the SendGrid stand-in", "/dev/mail/view"));
        generic.IndexLinks.Add(("as JSON", "/dev/mail"));
        return new LocalRunner(await FunctionsRunner.StartAsync(generic, cancellationToken));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => runner.WaitForShutdownAsync(cancellationToken);

    public ValueTask DisposeAsync() => runner.DisposeAsync();
}
