using System.Diagnostics;
using System.Globalization;
using ComplaintFunctions.LocalHost;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Bench;

/// <summary>
/// <c>scripts/bench --idle</c>: the runner started as a deployment starts, on the repository's host.json
/// with no overrides, nothing sent; storage requests per second once it has settled, per resource, and
/// what they would be in a month of Azure storage transactions.
/// </summary>
internal static class IdleProbe
{
    public static async Task<string> RunAsync(CountingStorageProxy proxy, TimeSpan settle, TimeSpan window, CancellationToken cancellationToken)
    {
        var options = new LocalRunnerOptions
        {
            Port = 0,
            StorageConnectionString = proxy.Endpoints.ConnectionString,
            TaskHub = "IdleHub",
            LogLevel = LogLevel.Warning,
            SettingsFile = null,
            ProfileFile = null,
        };
        await using var runner = await LocalRunner.StartAsync(options, cancellationToken);
        Benchmark.Say($"idle: runner up on the repository's host.json; settling {settle.TotalSeconds:0} s, then counting {window.TotalSeconds:0} s");
        await Task.Delay(settle, cancellationToken);
        var before = proxy.ByResource();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken);
        var after = proxy.ByResource();
        var seconds = clock.Elapsed.TotalSeconds;

        var rows = after.Select(kv => (kv.Key, PerSecond: (kv.Value - before.GetValueOrDefault(kv.Key)) / seconds))
            .Where(r => r.PerSecond > 0)
            .OrderByDescending(r => r.PerSecond)
            .ToList();
        var total = rows.Sum(r => r.PerSecond);
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Idle storage requests, runner on the repository's host.json, nothing sent, {seconds:0} s after {settle.TotalSeconds:0} s to settle:");
        text.AppendLine();
        text.AppendLine("| service, verb, resource | requests/s |");
        text.AppendLine("| --- | --- |");
        foreach (var (key, perSecond) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {perSecond:0.00} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **total** | **{total:0.00}** |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"That is {total * 86400 * 30 / 1_000_000:0.0} million storage transactions in a 30-day month with no complaint at all.");
        return text.ToString();
    }
}
