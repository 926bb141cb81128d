using System.Net;
using ComplaintFunctions.LocalHost.Durable;
using ComplaintFunctions.LocalHost.Functions;
using ComplaintFunctions.LocalHost.Mail;
using ComplaintFunctions.LocalHost.Storage;
using ComplaintFunctions.Storage;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.LocalHost;

public sealed class LocalRunnerOptions
{
    /// <summary>The port <c>func start</c> uses; 0 picks a free one.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Storage to use; null starts (or reuses) Azurite on its default ports with data under <see cref="DataFolder"/>.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>Azurite's data and the kept mails live here.</summary>
    public string DataFolder { get; set; } = Path.Combine(RepositoryRoot.Find(), ".local");

    /// <summary>Where the SendGrid stand-in keeps mail; by default under <see cref="DataFolder"/> when the runner owns its Azurite, else in memory.</summary>
    public string? MailFolder { get; set; }

    /// <summary>Overrides host.json's task hub, so parallel runners (tests) never take each other's work.</summary>
    public string? TaskHub { get; set; }

    /// <summary>App settings that win over everything else (tests shorten durations here).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    /// <summary>More logging providers or filters (tests capture log lines here).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}

/// <summary>
/// Runs the function app's functions, unchanged, where the Functions host is not available:
/// HTTP functions on Kestrel, orchestrators and activities on the Durable Task SDK worker
/// against the Azure Storage backend, queue triggers from a poller, and a stand-in for SendGrid.
/// </summary>
public sealed class LocalRunner : IAsyncDisposable
{
    readonly WebApplication app;
    readonly AzureStorageSidecar sidecar;
    readonly AzuriteProcess? azurite;
    readonly GrpcChannel channel;

    LocalRunner(WebApplication app, AzureStorageSidecar sidecar, AzuriteProcess? azurite, GrpcChannel channel, Uri baseAddress, IReadOnlyList<FunctionEntry> functions)
    {
        this.app = app;
        this.sidecar = sidecar;
        this.azurite = azurite;
        this.channel = channel;
        BaseAddress = baseAddress;
        Functions = functions;
    }

    public Uri BaseAddress { get; }
    public IReadOnlyList<FunctionEntry> Functions { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<LocalRunner> StartAsync(LocalRunnerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hostJson = HostJson.Load(Path.Combine(RepositoryRoot.Find(), "host.json"));
        var functions = FunctionCatalog.Discover(typeof(ComplaintPipelineServices).Assembly);
        var port = options.Port == 0 ? AzuriteProcess.FreePort() : options.Port;
        var baseAddress = new Uri($"http://127.0.0.1:{port}");

        AzuriteProcess? azurite = null;
        var connectionString = options.StorageConnectionString;
        if (connectionString is null)
        {
            azurite = await AzuriteProcess.EnsureRunningAsync(AzuriteEndpoints.Default, Path.Combine(options.DataFolder, "azurite"), cancellationToken);
            connectionString = azurite.Endpoints.ConnectionString;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Development });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddInMemoryCollection(EmbeddedDefaults(baseAddress))
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Always this runner's storage and its SendGrid stand-in: a local run never sends real mail.
                [StorageAccount.SettingName] = connectionString,
                ["SendGrid:Host"] = baseAddress.ToString().TrimEnd('/'),
            })
            .AddInMemoryCollection(options.Settings);
        ConfigureLogging(builder.Logging, options.LogLevel);
        options.ConfigureLogging?.Invoke(builder.Logging);
        hostJson = hostJson.WithOverrides(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);

            // The Functions host takes request bodies up to 100 MB; the functions set their own lower limits.
            kestrel.Limits.MaxRequestBodySize = 100L * 1024 * 1024;
        });

        var loggerFactory = LoggerFactory.Create(logging => ConfigureLogging(logging, options.LogLevel));
        var sidecar = await AzureStorageSidecar.StartAsync(
            connectionString, options.TaskHub ?? hostJson.TaskHub, TimeSpan.FromSeconds(1), loggerFactory, cancellationToken);
        var channel = GrpcChannel.ForAddress(sidecar.Address);

        var runnerServices = new RunnerServices();
        builder.Services.AddComplaintPipeline(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(new KeptMailbox(options.MailFolder ?? (options.StorageConnectionString is null ? Path.Combine(options.DataFolder, "mail") : null)));
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(registry =>
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
        foreach (var function in functions.Where(f => f.Trigger == TriggerKind.Queue))
        {
            builder.Services.AddSingleton<IHostedService>(sp => new QueueTriggerPoller(
                function,
                sp.GetRequiredService<StorageAccount>().Queues,
                hostJson.Queues,
                sp,
                sp.GetRequiredService<IConfiguration>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger($"Queue.{function.Name}")));
        }

        var app = builder.Build();
        runnerServices.Root = app.Services;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ComplaintFunctions.LocalHost");
        foreach (var unsupported in functions.Where(f => f.Trigger == TriggerKind.Unsupported))
        {
            logger.LogWarning("{Function}: its trigger ({Trigger}) is not run by the local runner", unsupported.Name, unsupported.TriggerAttribute?.GetType().Name ?? "none");
        }

        HttpFunctionEndpoints.Map(app, functions, hostJson.RoutePrefix, logger);
        SendGridStandIn.Map(app, app.Services.GetRequiredService<KeptMailbox>(), app.Services.GetRequiredService<TimeProvider>());
        app.MapGet("/", () => Results.Content(IndexPage(functions), "text/html; charset=utf-8"));

        await app.StartAsync(cancellationToken);
        logger.LogInformation("Complaint pipeline running on {Address} ({Count} functions); mail kept at {Mail}", baseAddress, functions.Count, new Uri(baseAddress, "/dev/mail/view"));
        return new LocalRunner(app, sidecar, azurite, channel, baseAddress, functions);
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

    /// <summary>Settings that let the pipeline run on a fresh machine with nothing configured.</summary>
    static Dictionary<string, string?> EmbeddedDefaults(Uri baseAddress) => new()
    {
        ["Pipeline:PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/'),
        ["SendGrid:ApiKey"] = "SG.local-runner-stand-in",
        ["Links:SigningKey"] = "local-runner-only-link-signing-key-not-for-azure",
        ["Inbound:SendGridSecret"] = "local-inbound-secret",
    };

    static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        logging.SetMinimumLevel(level);
        foreach (var noisy in new[] { "Microsoft.AspNetCore", "Microsoft.DurableTask", "DurableTask", "Grpc", "Microsoft.Extensions.Hosting", "System.Net.Http" })
        {
            logging.AddFilter(noisy, LogLevel.Warning);
        }
    }

    static string IndexPage(IReadOnlyList<FunctionEntry> functions)
    {
        var items = string.Concat(functions.Select(f => $"<li>{WebUtility.HtmlEncode(f.Name)} <small>({f.Trigger})</small></li>"));
        return $"""
            <!doctype html><html><head><meta charset="utf-8"><title>Complaint pipeline (local)</title></head>
            <body style="font-family:sans-serif;max-width:48rem;margin:2rem auto">
            <h1>Complaint pipeline, local runner</h1>
            <p><a href="/api/form">The complaint form</a> · <a href="/dev/mail/view">Mail kept by the SendGrid stand-in</a> · <a href="/dev/mail">as JSON</a></p>
            <h2>Functions</h2><ul>{items}</ul></body></html>
            """;
    }
}
