using System.Net.Sockets;
using Azure;
using Grpc.Core;

namespace ComplaintFunctions.Http;

/// <summary>
/// Whether an exception means the storage account (or the Durable backend on it) cannot be reached
/// right now, however the SDK reports it: a <see cref="RequestFailedException"/> with no answer or a
/// server-side status, the <see cref="AggregateException"/> the SDK throws once its retries are spent,
/// a socket or HTTP error, the SDK's own network timeout, or the Durable client's gRPC call failing
/// because its backend could not store the start.
/// </summary>
public static class StorageOutage
{
    public static bool Is(Exception exception, CancellationToken requestAborted = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Is(e, requestAborted)),
            HttpRequestException or SocketException or TimeoutException or IOException => true,

            // The SDK's network timeout shows as a cancellation the caller did not ask for.
            OperationCanceledException => !requestAborted.IsCancellationRequested,
            RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unknown or StatusCode.Internal or StatusCode.ResourceExhausted,
            _ => exception.InnerException is { } inner && Is(inner, requestAborted),
        };
    }
}
