using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintFunctions.LocalHost.Functions;

namespace ComplaintFunctions.LocalHost;

/// <summary>The settings of the app's host.json the runner honours, so local runs behave like the host.</summary>
public sealed record HostJson(string RoutePrefix, string TaskHub, QueueHostSettings Queues)
{
    public static HostJson Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = root?["extensions"];
        var queues = extensions?["queues"];
        return new HostJson(
            extensions?["http"]?["routePrefix"]?.GetValue<string>() ?? "api",
            extensions?["durableTask"]?["hubName"]?.GetValue<string>() ?? "TestHubName",
            new QueueHostSettings(
                queues?["maxDequeueCount"]?.GetValue<int>() ?? 5,
                TimeSpan.Parse(queues?["visibilityTimeout"]?.GetValue<string>() ?? "00:00:00", System.Globalization.CultureInfo.InvariantCulture),
                queues?["batchSize"]?.GetValue<int>() ?? 16,
                TimeSpan.FromSeconds(2)));
    }

    /// <summary>
    /// App settings override host.json as under the Functions host
    /// (<c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> and so on).
    /// </summary>
    public HostJson WithOverrides(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queues = configuration.GetSection("AzureFunctionsJobHost:extensions:queues");
        return this with
        {
            Queues = Queues with
            {
                MaxDequeueCount = int.TryParse(queues["maxDequeueCount"], out var count) ? count : Queues.MaxDequeueCount,
                VisibilityTimeout = TimeSpan.TryParse(queues["visibilityTimeout"], System.Globalization.CultureInfo.InvariantCulture, out var visibility) ? visibility : Queues.VisibilityTimeout,
                BatchSize = int.TryParse(queues["batchSize"], out var batch) ? batch : Queues.BatchSize,
            },
        };
    }
}
