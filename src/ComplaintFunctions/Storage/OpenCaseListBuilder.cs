using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Storage;

/// <summary>At start, lists the open cases of a deployment from before the <c>opencases</c> list, once ever (see <see cref="ComplaintStore.BuildListOnceAsync"/>).</summary>
/// <remarks>The store is taken when the work starts, so a host whose storage is not set up still starts (and says so).</remarks>
public sealed class OpenCaseListBuilder(IServiceProvider services, ILogger<OpenCaseListBuilder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var added = await services.GetRequiredService<ComplaintStore>().BuildListOnceAsync(stoppingToken);
            if (added > 0)
            {
                logger.LogInformation("Open-case list built: {Added} open cases from before it were listed", added);
            }
        }
        catch (InvalidOperationException e)
        {
            // No storage set up: the host says so where it matters (the functions); nothing to list here.
            logger.LogDebug(e, "The open-case list is not built: storage is not set up");
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException)
        {
            // Storage out of reach at start: the list is not marked built, so the next start tries again.
            logger.LogWarning(e, "The open-case list could not be built now; the next start tries again");
        }
    }
}
