using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// How many times the host gives a queue message before it moves it to <c>&lt;queue&gt;-poison</c>:
/// host.json's <c>extensions.queues.maxDequeueCount</c>, or the app setting that overrides it
/// (<c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>), else the host's default of 5.
/// The worker reads it only to tell, and count, a message's last attempt.
/// </summary>
public sealed class QueueRetrySettings(int maxDequeueCount)
{
    public const int HostDefault = 5;
    const string Setting = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    public int MaxDequeueCount { get; } = maxDequeueCount;

    public static QueueRetrySettings FromHost(IConfiguration configuration, string? hostJsonPath = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (int.TryParse(configuration[Setting], NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured) && configured > 0)
        {
            return new QueueRetrySettings(configured);
        }

        var path = hostJsonPath ?? Path.Combine(AppContext.BaseDirectory, "host.json");
        if (File.Exists(path))
        {
            using var hostJson = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (hostJson.RootElement.TryGetProperty("extensions", out var extensions)
                && extensions.TryGetProperty("queues", out var queues)
                && queues.TryGetProperty("maxDequeueCount", out var count)
                && count.TryGetInt32(out var fromFile) && fromFile > 0)
            {
                return new QueueRetrySettings(fromFile);
            }
        }

        return new QueueRetrySettings(HostDefault);
    }
}
