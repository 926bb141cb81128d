using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Privacy;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(int Erased, int Refused, int Failed);

/// <summary>
/// Finds the closed cases whose country's retention period has run out since their close and erases
/// them, one after the other (never two at once, so a crash leaves at most one half done, and the next
/// sweep finishes it: a begun erasure is found by its mark). A second sweep finds nothing more to do.
/// </summary>
public sealed class RetentionSweep(ComplaintStore complaints, CaseEraser eraser, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionSweep> logger)
{
    public async Task<SweepResult> RunAsync(DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var o = options.Value;
        var now = time.GetUtcNow();
        var shortest = Enum.GetValues<Country>().Min(o.PeriodFor);
        int erased = 0, refused = 0, failed = 0;
        await foreach (var row in complaints.ListClosedBeforeAsync(now - shortest, now, cancellationToken))
        {
            if (erased + refused + failed >= o.MaxPerSweep)
            {
                break;
            }

            if (!ErasureRules.IsDue(row, o, now))
            {
                continue;
            }

            var country = row.Complaint.Details.Customer.Country;
            var period = o.PeriodFor(country);
            try
            {
                var result = await eraser.EraseAsync(row.Complaint.CaseNumber, "system",
                    $"retention: closed more than {period.TotalDays:0} days ago (Retention:EraseAfter:{country})", durable, cancellationToken);
                if (result.Outcome == ErasureOutcome.Refused)
                {
                    refused++;
                }
                else if (result.Outcome == ErasureOutcome.Erased)
                {
                    erased++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One case that fails does not stop the others; it is tried again on the next sweep.
                failed++;
                logger.LogError(e, "Retention could not erase case {CaseNumber}; the next sweep tries again", row.Complaint.CaseNumber.Value);
            }
        }

        logger.LogInformation("Retention sweep: {Erased} cases erased, {Refused} refused (hold or dispute), {Failed} failed", erased, refused, failed);
        return new SweepResult(erased, refused, failed);
    }
}

/// <summary>The nightly retention sweep, a timer trigger (one instance runs it, as the host runs timers as singletons).</summary>
public sealed class RetentionFunctions(RetentionSweep sweep, IOptions<RetentionOptions> options)
{
    [Function("RetentionSweep")]
    public async Task Run([TimerTrigger(RetentionOptions.SweepSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        if (options.Value.SweepEnabled)
        {
            await sweep.RunAsync(durable, context.CancellationToken);
        }
    }
}
