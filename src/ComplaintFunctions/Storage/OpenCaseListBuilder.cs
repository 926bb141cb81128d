using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Storage;

/// <summary>At start, lists the open cases of a deployment from before the <c>opencases</c> list, once ever (see <see cref="ComplaintStore.BuildListOnceAsync"/>).</summary>
public sealed class OpenCaseListBuilder(ComplaintStore complaints, ILogger<OpenCaseListBuilder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var added = await complaints.BuildListOnceAsync(stoppingToken);
            if (added > 0)
            {
                logger.LogInformation("Open-case list built: {Added} open cases from before it were listed", added);
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException)
        {
            // Storage out of reach at start: the list is not marked built, so the next start tries again.
            logger.LogWarning(e, "The open-case list could not be built now; the next start tries again");
        }
    }
}
