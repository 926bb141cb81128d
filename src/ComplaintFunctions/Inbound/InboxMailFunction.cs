using System.Globalization;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Inbound;

/// <summary>The <c>complaint-inbox</c> queue: raw MIME from any forwarder (bytes, so 8-bit mail stays intact), or a stored SendGrid post.</summary>
public sealed class InboxMailFunction(InboxMailProcessor processor, QueueRetrySettings retries, ILogger<InboxMailFunction> logger)
{
    [Function("ReadInboxMail")]
    public async Task Run(
        [QueueTrigger(QueueNames.ComplaintInbox)] byte[] message,
        [DurableClient] DurableTaskClient durable,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessAsync(message, durable, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && DequeueCount(context) >= retries.MaxDequeueCount)
        {
            // The host moves the message to the poison queue after this; the raw mail is already in Blob
            // storage. The exception's text is left to the host's own log: it may quote the mail.
            logger.LogError(
                "Inbox message {MessageId} failed its last attempt ({Attempts} of {MaxAttempts}, {ExceptionType}); it goes to {PoisonQueue}",
                Binding(context, "Id") ?? "(unknown)", DequeueCount(context), retries.MaxDequeueCount, e.GetType().Name, QueueNames.ComplaintInbox + "-poison");
            ComplaintMetrics.PoisonMessage(QueueNames.ComplaintInbox);
            throw;
        }
    }

    /// <summary>The attempt the host is on, from the trigger's binding data; 0 where there is none (the local runner).</summary>
    static long DequeueCount(FunctionContext context) =>
        long.TryParse(Binding(context, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;

    static string? Binding(FunctionContext context, string name)
    {
        try
        {
            return context.BindingContext.BindingData.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
