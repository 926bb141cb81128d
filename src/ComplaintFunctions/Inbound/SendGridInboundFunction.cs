using ComplaintFunctions.Http;
using ComplaintFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// <c>POST /api/inbound/sendgrid</c>: SendGrid Inbound Parse, parsed or raw mode. It only stores the
/// post as it came and queues it; reading it happens from the <c>complaint-inbox</c> queue, so a
/// parsing bug never loses a mail. A 2xx means the mail is stored; on a storage failure the answer
/// is 503 and SendGrid tries again (for up to three days).
/// </summary>
public sealed class SendGridInboundFunction(RawMailStore rawMail, AppQueues queues, SendGridPostCheck check, IOptions<InboundOptions> options, ILogger<SendGridInboundFunction> logger)
{
    [Function("ReceiveSendGridMail")]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbound/sendgrid")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        if (!check.BySignature && check.CheckSecret(request) is { Verdict: not SendGridPostVerdict.Accepted } secret)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"inbound mail\"";
            return NotFromSendGrid(secret);
        }

        if (request.ContentLength > o.MaxPostBytes)
        {
            return TooLarge(o);
        }

        var body = await ReadLimitedAsync(request.Body, o.MaxPostBytes, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return TooLarge(o);
        }

        if (check.BySignature && check.CheckSignature(request, body) is { Verdict: not SendGridPostVerdict.Accepted } signed)
        {
            if (signed.Verdict == SendGridPostVerdict.Misconfigured)
            {
                request.HttpContext.Response.Headers.RetryAfter = "300";
            }

            return NotFromSendGrid(signed);
        }

        try
        {
            // Only to name the stored copy, so a redelivered mail lands on the same blob and another mail
            // with the same Message-ID on its own; the real reading waits for the queue.
            var identity = await MailIdentity.OfSendGridPostAsync(body, request.ContentType, request.HttpContext.RequestAborted);
            var stored = await rawMail.StoreAsync(identity, body, RawMailFormat.SendGridForm, request.ContentType, request.HttpContext.RequestAborted);
            var queue = await queues.GetAsync(QueueNames.ComplaintInbox);
            await queue.SendMessageAsync(stored.ToQueueMessage(), request.HttpContext.RequestAborted);
            return new ContentResult { StatusCode = StatusCodes.Status200OK, Content = "stored", ContentType = "text/plain" };
        }
        catch (Exception e) when (StorageOutage.Is(e, request.HttpContext.RequestAborted))
        {
            logger.LogError(e, "Could not store an inbound mail; SendGrid will retry");
            request.HttpContext.Response.Headers.RetryAfter = StorageOutageMiddleware.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "The mail could not be stored right now.", "It was not accepted; SendGrid retries.");
        }
    }

    static ObjectResult NotFromSendGrid(SendGridPostResult result) => result.Verdict == SendGridPostVerdict.Misconfigured
        ? Problems.Status(StatusCodes.Status503ServiceUnavailable, "Inbound mail cannot be checked right now.", "The SendGrid key in this app's settings cannot be read; nothing was accepted and SendGrid retries.")
        : Problems.Status(StatusCodes.Status401Unauthorized, "This endpoint takes mail only from the configured SendGrid Inbound Parse.", result.Reason);

    static ObjectResult TooLarge(InboundOptions o) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The mail is too large.", $"Mail up to {o.MaxPostBytes / (1024 * 1024)} MB is accepted.");

    static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
