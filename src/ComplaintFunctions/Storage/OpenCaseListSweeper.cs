using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Storage;

/// <summary>
/// Every <see cref="StaffConsole.ConsoleOptions.ListSweepEvery"/> (first after one interval, not at start), checks each
/// line of the open-case list against its case: a line left behind by a crash between a case's write and its line's
/// is written again, and the line of a closed or never-stored case is taken off. A point read per open case.
/// </summary>
public sealed class OpenCaseListSweeper(IServiceProvider services, IOptions<StaffConsole.ConsoleOptions> options, TimeProvider time, ILogger<OpenCaseListSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.ListSweepEvery;
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var complaints = services.GetRequiredService<ComplaintStore>();
                var lines = new List<CaseOnTheList>();
                await foreach (var line in complaints.ListOpenAsync(null, time.GetUtcNow(), stoppingToken))
                {
                    lines.Add(line);
                }

                var kept = 0;
                foreach (var chunk in lines.Chunk(100))
                {
                    kept += (await complaints.CheckAsync(chunk, time.GetUtcNow(), stoppingToken)).Count;
                }

                if (kept < lines.Count)
                {
                    logger.LogInformation("Open-case list swept: {Removed} lines of closed or missing cases taken off", lines.Count - kept);
                }
            }
            catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException or InvalidOperationException)
            {
                // Storage out of reach now: the next sweep tries again.
                logger.LogWarning(e, "The open-case list could not be swept now");
            }
        }
    }
}
