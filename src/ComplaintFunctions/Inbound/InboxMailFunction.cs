using ComplaintFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ComplaintFunctions.Inbound;

/// <summary>The <c>complaint-inbox</c> queue: raw MIME from any forwarder (bytes, so 8-bit mail stays intact), or a stored SendGrid post.</summary>
public sealed class InboxMailFunction(InboxMailProcessor processor)
{
    [Function("ReadInboxMail")]
    public Task Run([QueueTrigger(QueueNames.ComplaintInbox)] byte[] message, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message, durable, cancellationToken);
}
