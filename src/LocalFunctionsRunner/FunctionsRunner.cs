using System.Net;
using System.Reflection;
using Grpc.Net.Client;
using LocalFunctionsRunner.Durable;
using LocalFunctionsRunner.Functions;
using LocalFunctionsRunner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LocalFunctionsRunner;

/// <summary>What to run and how; the app is given, never known.</summary>
public sealed class FunctionsRunnerOptions
{
    /// <summary>The setting that switches key checks off, for those who want <c>func start</c>'s laxer behaviour.</summary>
    public const string EnforceAuthorizationSetting = "LocalRunner:EnforceAuthorization";

    /// <summary>The assembly with the app's <c>[Function]</c> methods.</summary>
    public required Assembly FunctionAssembly { get; init; }

    /// <summary>The app's own registration, as its Program.cs gives it to the worker's builder (services and middleware).</summary>
    public required Action<IFunctionsWorkerApplicationBuilder, IConfiguration> ConfigureApp { get; init; }

    /// <summary>The app's host.json; by default next to <see cref="FunctionAssembly"/> (the build copies it there).</summary>
    public string? HostJsonPath { get; set; }

    /// <summary>The app's <c>local.settings.json</c>, read as <c>func start</c> reads it, when the file exists.</summary>
    public string? LocalSettingsPath { get; set; }

    /// <summary>Files in local.settings.json's format laid over it (or over the defaults), in order, below environment variables: profiles.</summary>
    public IList<string> ProfileSettingsPaths { get; } = [];

    /// <summary>The settings used instead when there is no <see cref="LocalSettingsPath"/> file.</summary>
    public IDictionary<string, string?> DefaultSettings { get; } = new Dictionary<string, string?>();

    /// <summary>The port <c>func start</c> uses; 0 picks a free one.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Storage to use; null takes <c>AzureWebJobsStorage</c> from the settings, or starts (or reuses) Azurite with data under <see cref="DataFolder"/>.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>Azurite's data and the function keys live here.</summary>
    public string DataFolder { get; set; } = Path.Combine(Directory.GetCurrentDirectory(), ".local");

    /// <summary>Where the function keys are kept; by default <c>keys.json</c> in <see cref="DataFolder"/>.</summary>
    public string? KeysFile { get; set; }

    /// <summary>Overrides host.json's task hub, so parallel runners (tests) never take each other's work.</summary>
    public string? TaskHub { get; set; }

    /// <summary>Settings the runner itself must give the app once it knows its address (e.g. a stand-in's URL); they win over the file and the environment.</summary>
    public Func<Uri, IDictionary<string, string?>>? RunnerSettings { get; set; }

    /// <summary>App settings that win over everything else (tests shorten durations here).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Services of the runner's own stand-ins (not of the app).</summary>
    public Action<IServiceCollection>? ConfigureRunnerServices { get; set; }

    /// <summary>Endpoints of the runner's own stand-ins, mapped beside the functions.</summary>
    public Action<WebApplication>? MapRunnerEndpoints { get; set; }

    /// <summary>Links the index page offers to the stand-ins' pages.</summary>
    public IList<(string Label, string Href)> IndexLinks { get; } = [];

    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    /// <summary>More logging providers or filters (tests capture log lines here).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}

/// <summary>
/// Runs an isolated-worker Functions app's functions, unchanged, where the Functions host is not
/// available: HTTP functions on Kestrel behind the host's key checks, orchestrators and activities on
/// the Durable Task SDK worker against the Azure Storage backend, queue triggers from a poller, all
/// set up from the app's host.json and local.settings.json, with the app's middleware around them.
/// </summary>
public sealed class FunctionsRunner : IAsyncDisposable
{
    readonly WebApplication app;
    readonly AzureStorageSidecar sidecar;
    readonly AzuriteProcess? azurite;
    readonly GrpcChannel channel;

    FunctionsRunner(WebApplication app, AzureStorageSidecar sidecar, AzuriteProcess? azurite, GrpcChannel channel, Uri baseAddress, IReadOnlyList<FunctionEntry> functions, FunctionKeys keys, bool enforced, HostJson hostJson, string? settingsFile)
    {
        this.app = app;
        this.sidecar = sidecar;
        this.azurite = azurite;
        this.channel = channel;
        BaseAddress = baseAddress;
        Functions = functions;
        Keys = keys;
        EnforcesAuthorization = enforced;
        HostJson = hostJson;
        SettingsFile = settingsFile;
    }

    public Uri BaseAddress { get; }
    public IReadOnlyList<FunctionEntry> Functions { get; }
    public IServiceProvider Services => app.Services;
    public FunctionKeys Keys { get; }
    public bool EnforcesAuthorization { get; }
    public HostJson HostJson { get; }

    /// <summary>The local.settings.json read, or null when the defaults were used.</summary>
    public string? SettingsFile { get; }

    public static async Task<FunctionsRunner> StartAsync(FunctionsRunnerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var appFolder = Path.GetDirectoryName(options.FunctionAssembly.Location) ?? AppContext.BaseDirectory;
        var functions = FunctionCatalog.Discover(options.FunctionAssembly);
        var port = options.Port == 0 ? AzuriteProcess.FreePort() : options.Port;
        var baseAddress = new Uri($"http://127.0.0.1:{port}");

        // As func start: local.settings.json's Values, then environment variables, which win.
        var settingsPath = options.LocalSettingsPath ?? Path.Combine(appFolder, "local.settings.json");
        var fileExists = File.Exists(settingsPath);
        var fileSettings = new Dictionary<string, string?>(fileExists ? LocalSettingsFile.Read(settingsPath) : options.DefaultSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var profile in options.ProfileSettingsPaths)
        {
            foreach (var (key, value) in LocalSettingsFile.Read(profile))
            {
                fileSettings[key] = value;
            }
        }

        var appSettings = new ConfigurationBuilder().AddInMemoryCollection(fileSettings).AddEnvironmentVariables().AddInMemoryCollection(options.Settings).Build();

        AzuriteProcess? azurite = null;
        var connectionString = options.StorageConnectionString;
        if (connectionString is null && appSettings["AzureWebJobsStorage"] is { Length: > 0 } configured && !configured.Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            connectionString = configured;
        }

        if (connectionString is null)
        {
            azurite = await AzuriteProcess.EnsureRunningAsync(AzuriteEndpoints.Default, Path.Combine(options.DataFolder, "azurite"), cancellationToken);
            connectionString = azurite.Endpoints.ConnectionString;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = appFolder, EnvironmentName = Environments.Development });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddInMemoryCollection(fileSettings)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString })
            .AddInMemoryCollection(options.RunnerSettings?.Invoke(baseAddress) ?? new Dictionary<string, string?>())
            .AddInMemoryCollection(options.Settings);
        ConfigureLogging(builder.Logging, options.LogLevel);
        options.ConfigureLogging?.Invoke(builder.Logging);
        var hostJson = HostJson.Load(options.HostJsonPath ?? Path.Combine(appFolder, "host.json"), builder.Configuration);
        var enforce = !string.Equals(builder.Configuration[FunctionsRunnerOptions.EnforceAuthorizationSetting], "false", StringComparison.OrdinalIgnoreCase);
        var keys = FunctionKeys.LoadOrCreate(options.KeysFile ?? Path.Combine(options.DataFolder, "keys.json"));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);

            // The Functions host takes request bodies up to 100 MB; the functions set their own lower limits.
            kestrel.Limits.MaxRequestBodySize = 100L * 1024 * 1024;
        });

        var loggerFactory = LoggerFactory.Create(logging => ConfigureLogging(logging, options.LogLevel));
        var sidecar = await AzureStorageSidecar.StartAsync(connectionString, options.TaskHub ?? hostJson.Durable.HubName, hostJson.Durable, loggerFactory, cancellationToken);
        var channel = GrpcChannel.ForAddress(sidecar.Address);

        var runnerServices = new RunnerServices();
        AddWorkerOptions(builder.Services);
        var worker = new WorkerApplicationBuilder(builder.Services);
        options.ConfigureApp(worker, builder.Configuration);
        var middleware = worker.Build();
        builder.Services.AddMvcCore();
        options.ConfigureRunnerServices?.Invoke(builder.Services);
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
            client.Configure(o => o.DefaultVersion = hostJson.Durable.DefaultVersion ?? string.Empty);
        });
        builder.Services.AddOptions<DurableTaskClientOptions>(Options.DefaultName)
            .PostConfigure<IOptions<WorkerOptions>>((o, w) => o.DataConverter = new WorkerSerializerConverter(w.Value.Serializer!));
        builder.Services.AddDurableTaskWorker(durable =>
        {
            durable.UseGrpc(channel);
            durable.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = hostJson.Durable.MaxConcurrentActivityFunctions;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = hostJson.Durable.MaxConcurrentOrchestratorFunctions;
            });
            if (hostJson.Durable.DefaultVersion is { } version)
            {
                durable.UseVersioning(new DurableTaskWorkerOptions.VersioningOptions
                {
                    Version = version,
                    DefaultVersion = version,
                    MatchStrategy = Enum.Parse<DurableTaskWorkerOptions.VersionMatchStrategy>(hostJson.Durable.VersionMatchStrategy, ignoreCase: true),
                    FailureStrategy = Enum.Parse<DurableTaskWorkerOptions.VersionFailureStrategy>(hostJson.Durable.VersionFailureStrategy, ignoreCase: true),
                });
            }

            durable.AddTasks(registry =>
            {
                foreach (var function in functions.Where(f => f.Trigger == TriggerKind.Orchestration))
                {
                    registry.AddOrchestrator(function.Name, new FunctionOrchestrator(function, runnerServices));
                }

                foreach (var function in functions.Where(f => f.Trigger == TriggerKind.Activity))
                {
                    registry.AddActivity(function.Name, new FunctionActivity(function, runnerServices));
                }
            });
        });
        builder.Services.AddOptions<DurableTaskWorkerOptions>(Options.DefaultName)
            .PostConfigure<IOptions<WorkerOptions>>((o, w) => o.DataConverter = new WorkerSerializerConverter(w.Value.Serializer!));
        foreach (var function in functions.Where(f => f.Trigger == TriggerKind.Queue))
        {
            builder.Services.AddSingleton<IHostedService>(sp => new QueueTriggerPoller(
                function,
                hostJson.Queues,
                sp,
                sp.GetRequiredService<IConfiguration>(),
                middleware,
                sp.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger($"Queue.{function.Name}")));
        }

        foreach (var function in functions.Where(f => f.Trigger == TriggerKind.Timer))
        {
            builder.Services.AddSingleton<IHostedService>(sp => new TimerTriggerScheduler(
                function,
                sp,
                sp.GetRequiredService<IConfiguration>(),
                middleware,
                TimeProvider.System,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger($"Timer.{function.Name}")));
        }

        var app = builder.Build();
        runnerServices.Root = app.Services;
        runnerServices.DataConverter = new WorkerSerializerConverter(app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LocalFunctionsRunner");
        foreach (var unsupported in functions.Where(f => f.Trigger == TriggerKind.Unsupported))
        {
            logger.LogWarning("{Function}: its trigger ({Trigger}) is not run by the local runner", unsupported.Name, unsupported.TriggerAttribute?.GetType().Name ?? "none");
        }

        foreach (var setting in hostJson.NotHonoured)
        {
            logger.LogWarning("host.json: {Setting} is not carried out by the local runner (it is under the Functions host)", setting);
        }

        HttpFunctionEndpoints.Map(app, functions, hostJson.RoutePrefix, enforce ? keys : null, middleware, logger);
        options.MapRunnerEndpoints?.Invoke(app);
        app.MapGet("/", () => Results.Content(IndexPage(functions, hostJson.RoutePrefix, options.IndexLinks), "text/html; charset=utf-8"));

        await app.StartAsync(cancellationToken);
        logger.LogInformation(
            "Running {Count} functions on {Address}; settings from {Settings}{Profiles}; keys {Enforced} (kept in {KeysFile})",
            functions.Count, baseAddress, fileExists ? settingsPath : "the embedded defaults", string.Concat(options.ProfileSettingsPaths.Select(p => " + " + p)), enforce ? "enforced" : "NOT enforced", keys.Path ?? "memory");
        return new FunctionsRunner(app, sidecar, azurite, channel, baseAddress, functions, keys, enforce, hostJson, fileExists ? settingsPath : null);
    }

    /// <summary>
    /// The worker's own defaults for <see cref="WorkerOptions"/> (its serializer above all), from the
    /// worker's setup class, so payloads are written as under the host; the app's own Configure wins.
    /// </summary>
    static void AddWorkerOptions(IServiceCollection services)
    {
        services.AddOptions<WorkerOptions>();
        var setup = typeof(WorkerOptions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IConfigureOptions<WorkerOptions>).IsAssignableFrom(t))
            .ToList();
        foreach (var type in setup)
        {
            services.AddTransient(typeof(IConfigureOptions<WorkerOptions>), type);
        }

        // Should a worker version move its setup elsewhere: the default it documents.
        services.PostConfigure<WorkerOptions>(o => o.Serializer ??= new Azure.Core.Serialization.JsonObjectSerializer());
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the app and its worker first, then the engine, then the Azurite this runner started.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await sidecar.DisposeAsync();
        channel.Dispose();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = true; o.TimestampFormat = "HH:mm:ss "; });
        logging.SetMinimumLevel(level);
        foreach (var noisy in new[] { "Microsoft.AspNetCore", "Microsoft.DurableTask", "DurableTask", "Grpc", "Microsoft.Extensions.Hosting", "System.Net.Http" })
        {
            logging.AddFilter(noisy, LogLevel.Warning);
        }
    }

    static string IndexPage(IReadOnlyList<FunctionEntry> functions, string routePrefix, IEnumerable<(string Label, string Href)> links)
    {
        var standIns = string.Join(" · ", links.Select(l => $"<a href=\"{WebUtility.HtmlEncode(l.Href)}\">{WebUtility.HtmlEncode(l.Label)}</a>"));
        var items = string.Concat(functions.Select(f =>
        {
            var name = WebUtility.HtmlEncode(f.Name);
            if (f.TriggerAttribute is HttpTriggerAttribute http)
            {
                var route = $"/{routePrefix.Trim('/')}/{(http.Route ?? f.Name).TrimStart('/')}".Replace("//", "/", StringComparison.Ordinal);
                var methods = http.Methods is { Length: > 0 } m ? string.Join(",", m).ToUpperInvariant() : "any";
                var shown = WebUtility.HtmlEncode(route);
                var link = http.AuthLevel == AuthorizationLevel.Anonymous && !route.Contains('{', StringComparison.Ordinal) && methods.Contains("GET", StringComparison.Ordinal)
                    ? $"<a href=\"{shown}\">{shown}</a>"
                    : shown;
                return $"<li>{name} <small>[{WebUtility.HtmlEncode(methods)}] {link} ({http.AuthLevel})</small></li>";
            }

            return $"<li>{name} <small>({f.Trigger})</small></li>";
        }));
        return $"""
            <!doctype html><html><head><meta charset="utf-8"><title>Functions (local runner)</title></head>
            <body style="font-family:sans-serif;max-width:56rem;margin:2rem auto">
            <h1>Local Functions runner</h1>
            <p>{standIns}</p>
            <h2>Functions</h2><ul>{items}</ul></body></html>
            """;
    }
}
