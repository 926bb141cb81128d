using ComplaintFunctions.Domain.Complaints;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ComplaintFunctions.Workflow;

/// <summary>What a case's orchestration carries between runs: references and counters, never mail bodies.</summary>
public sealed record ComplaintCaseInput(string CaseNumber, TimeSpan ProgressInterval, bool Acknowledged = false, int ProgressMailsSent = 0, DateTime? ProgressDueAt = null);

/// <summary>Raised on the case's orchestration when the case is closed from outside (withdrawn, solved).</summary>
public sealed record CaseClosed(string By, string Reason);

/// <summary>The customer wrote to us on the case (a mail reply); the text is on the case's audit trail.</summary>
public sealed record CustomerReply(string MessageRef, DateTimeOffset ReceivedAt, int Attachments);

public static class CaseEvents
{
    public const string Closed = "CaseClosed";
    public const string CustomerReplied = "CustomerReplied";
}

/// <summary>
/// One orchestration per complaint. It acknowledges the complaint, then keeps the customer
/// informed on a timer until the case is closed. Deterministic: time from the context only.
/// </summary>
public static class ComplaintCaseOrchestration
{
    public const string Name = "ComplaintCase";

    // Mail may fail for a while (SendGrid 429/5xx); back off up to about half an hour in all.
    static readonly TaskOptions MailRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(10)));

    /// <summary>The instance id comes from the case, so a retried request can never start a second orchestration.</summary>
    public static string InstanceIdFor(CaseNumber caseNumber) => $"complaint-{caseNumber.Digits}";

    [Function(Name)]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ComplaintCaseInput>() ?? throw new InvalidOperationException("The case orchestration needs its input.");

        if (!input.Acknowledged)
        {
            await context.CallActivityAsync(CaseMailActivities.SendAcknowledgement, new CaseMailRequest(input.CaseNumber, context.CurrentUtcDateTime, 0), MailRetry);
            input = input with { Acknowledged = true };
        }

        var progressDueAt = input.ProgressDueAt ?? context.CurrentUtcDateTime + input.ProgressInterval;
        using var stopWaiting = new CancellationTokenSource();
        var closed = context.WaitForExternalEvent<CaseClosed>(CaseEvents.Closed, stopWaiting.Token);
        var replied = context.WaitForExternalEvent<CustomerReply>(CaseEvents.CustomerReplied, stopWaiting.Token);
        var progressDue = context.CreateTimer(progressDueAt, stopWaiting.Token);
        var first = await Task.WhenAny(closed, replied, progressDue);

        // Synchronous on purpose: an orchestrator awaits only durable tasks.
#pragma warning disable CA1849
        stopWaiting.Cancel();
#pragma warning restore CA1849
        if (first == closed)
        {
            return $"closed by {closed.Result.By}";
        }

        if (first == replied)
        {
            // The reply is on the case's trail already; keep the progress schedule as it was.
            context.ContinueAsNew(input with { ProgressDueAt = progressDueAt }, preserveUnprocessedEvents: true);
            return "waiting";
        }

        var sequence = input.ProgressMailsSent + 1;
        await context.CallActivityAsync(CaseMailActivities.SendProgressUpdate, new CaseMailRequest(input.CaseNumber, context.CurrentUtcDateTime, sequence), MailRetry);

        // A fresh history for each waiting period keeps a months-long case small.
        context.ContinueAsNew(input with { ProgressMailsSent = sequence, ProgressDueAt = null }, preserveUnprocessedEvents: true);
        return "waiting";
    }
}
