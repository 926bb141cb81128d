using System.Globalization;
using LocalFunctionsRunner.Functions;
using Microsoft.Extensions.Configuration;

namespace LocalFunctionsRunner;

/// <summary>The Durable extension's settings of host.json (<c>extensions.durableTask</c>) the runner honours.</summary>
/// <param name="DefaultVersion">Given to orchestrations started without a version (<c>defaultVersion</c>).</param>
/// <param name="VersionMatchStrategy"><c>None</c>, <c>CurrentOrOlder</c> or <c>Strict</c>, as in host.json.</param>
/// <param name="VersionFailureStrategy"><c>Reject</c> or <c>Fail</c>, as in host.json.</param>
public sealed record DurableHostSettings(
    string HubName,
    TimeSpan MaxQueuePollingInterval,
    int PartitionCount,
    int ControlQueueBatchSize,
    int MaxConcurrentActivityFunctions,
    int MaxConcurrentOrchestratorFunctions,
    bool ExtendedSessionsEnabled,
    TimeSpan ExtendedSessionIdleTimeout,
    string? DefaultVersion,
    string VersionMatchStrategy,
    string VersionFailureStrategy,
    TimeSpan ControlQueueVisibilityTimeout,
    TimeSpan WorkItemQueueVisibilityTimeout);

/// <summary>
/// The app's host.json as the Functions host reads it: the file, with app settings named
/// <c>AzureFunctionsJobHost__path__to__setting</c> winning over it, and the host's defaults where
/// neither says anything. Settings the runner does not carry out are listed, so nobody is misled.
/// </summary>
public sealed record HostJson(string RoutePrefix, DurableHostSettings Durable, QueueHostSettings Queues, IReadOnlyList<string> NotHonoured)
{
    public const string OverridePrefix = "AzureFunctionsJobHost";

    /// <summary>What the runner reads; anything else under <c>extensions</c> is reported as not honoured.</summary>
    static readonly string[] Honoured =
    [
        "version", "logging", "extensions:http:routePrefix",
        "extensions:durableTask:hubName", "extensions:durableTask:storageProvider:maxQueuePollingInterval",
        "extensions:durableTask:storageProvider:partitionCount", "extensions:durableTask:storageProvider:controlQueueBatchSize",
        "extensions:durableTask:storageProvider:controlQueueVisibilityTimeout", "extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout",
        "extensions:durableTask:maxConcurrentActivityFunctions", "extensions:durableTask:maxConcurrentOrchestratorFunctions",
        "extensions:durableTask:extendedSessionsEnabled",
        "extensions:durableTask:extendedSessionIdleTimeoutInSeconds",
        "extensions:durableTask:defaultVersion", "extensions:durableTask:versionMatchStrategy", "extensions:durableTask:versionFailureStrategy",
        "extensions:queues:maxDequeueCount", "extensions:queues:visibilityTimeout", "extensions:queues:batchSize",
        "extensions:queues:newBatchThreshold", "extensions:queues:maxPollingInterval", "extensions:queues:messageEncoding",
    ];

    /// <param name="path">The app's host.json.</param>
    /// <param name="appSettings">The app's settings; <c>AzureFunctionsJobHost:*</c> among them override the file.</param>
    public static HostJson Load(string path, IConfiguration appSettings)
    {
        ArgumentNullException.ThrowIfNull(appSettings);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"host.json not found at {path}: the runner reads the app's host.json as the Functions host does.", path);
        }

        var overrides = appSettings.GetSection(OverridePrefix).AsEnumerable(makePathsRelative: true).Where(kv => kv.Value is not null);
        var host = new ConfigurationBuilder()
            .AddJsonFile(path, optional: false, reloadOnChange: false)
            .AddInMemoryCollection(overrides)
            .Build();
        return FromConfiguration(host);
    }

    public static HostJson FromConfiguration(IConfiguration host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var durable = host.GetSection("extensions:durableTask");
        var storage = durable.GetSection("storageProvider");
        var queues = host.GetSection("extensions:queues");
        var cores = Environment.ProcessorCount;
        var batchSize = Int(queues["batchSize"], 16);
        return new HostJson(
            host["extensions:http:routePrefix"] ?? "api",
            new DurableHostSettings(
                durable["hubName"] ?? "TestHubName",
                Time(storage["maxQueuePollingInterval"], TimeSpan.FromSeconds(30)),
                Int(storage["partitionCount"], 4),
                Int(storage["controlQueueBatchSize"], 32),
                Int(durable["maxConcurrentActivityFunctions"], 10 * cores),
                Int(durable["maxConcurrentOrchestratorFunctions"], 10 * cores),
                Bool(durable["extendedSessionsEnabled"], false),
                TimeSpan.FromSeconds(Int(durable["extendedSessionIdleTimeoutInSeconds"], 30)),
                string.IsNullOrWhiteSpace(durable["defaultVersion"]) ? null : durable["defaultVersion"],
                durable["versionMatchStrategy"] ?? "CurrentOrOlder",
                durable["versionFailureStrategy"] ?? "Reject",
                // How long a message a crashed worker had taken stays hidden before another takes it.
                Time(storage["controlQueueVisibilityTimeout"], TimeSpan.FromMinutes(5)),
                Time(storage["workItemQueueVisibilityTimeout"], TimeSpan.FromMinutes(5))),
            new QueueHostSettings(
                Int(queues["maxDequeueCount"], 5),
                Time(queues["visibilityTimeout"], TimeSpan.Zero),
                batchSize,
                Int(queues["newBatchThreshold"], batchSize / 2),
                Time(queues["maxPollingInterval"], TimeSpan.FromMinutes(1)),
                queues["messageEncoding"] ?? "base64"),
            NotHonouredIn(host));
    }

    static List<string> NotHonouredIn(IConfiguration host) =>
        host.AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null)
            .Select(kv => kv.Key)
            .Where(key => key.StartsWith("extensions:", StringComparison.OrdinalIgnoreCase)
                && !Honoured.Any(h => key.Equals(h, StringComparison.OrdinalIgnoreCase) || key.StartsWith(h + ":", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();

    static int Int(string? value, int fallback) =>
        value is null ? fallback
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new FormatException($"host.json: '{value}' is not a whole number.");

    static bool Bool(string? value, bool fallback) =>
        value is null ? fallback
        : bool.TryParse(value, out var parsed) ? parsed
        : throw new FormatException($"host.json: '{value}' is not true or false.");

    static TimeSpan Time(string? value, TimeSpan fallback) =>
        value is null ? fallback
        : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new FormatException($"host.json: '{value}' is not a time span (hh:mm:ss).");
}
