using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Http;

/// <summary>
/// Every HTTP door answers <c>503</c> with <c>Retry-After</c> when storage cannot be reached, instead
/// of the host's bare 500: the caller learns that nothing was taken and when to try again (a browser's
/// user, a client with an Idempotency-Key, SendGrid). Queue and Durable invocations are left alone: their
/// exceptions are how the host retries them.
/// </summary>
public sealed class StorageOutageMiddleware(ILogger<StorageOutageMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>Long enough for the SDK's retries on the next try to meet storage that is back.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageOutage.Is(e, http.RequestAborted) && !http.Response.HasStarted)
        {
            // One line per refused request, not a stack trace each: an outage refuses many.
            logger.LogError("Storage could not be reached in {Function}; answered 503: {Error}", context.FunctionDefinition.Name, Innermost(e));
            await WriteAsync(http.Response, "Storage cannot be reached right now.", "Nothing was taken. Try again in a little while; with the same Idempotency-Key a retry never opens a second case.");
        }
    }

    static string Innermost(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.GetType().Name + ": " + inner.Message;
    }

    static async Task WriteAsync(HttpResponse response, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = Problems.ContentType;
        await JsonSerializer.SerializeAsync(response.Body, new Dictionary<string, object>
        {
            ["status"] = StatusCodes.Status503ServiceUnavailable,
            ["title"] = title,
            ["detail"] = detail,
        });
    }
}
