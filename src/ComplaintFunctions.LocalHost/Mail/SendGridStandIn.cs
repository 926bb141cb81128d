using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ComplaintFunctions.LocalHost.Mail;

/// <summary>
/// The runner's stand-in for SendGrid's mail API: <c>POST /v3/mail/send</c> keeps the mail;
/// <c>GET /dev/mail</c> lists kept mails as JSON, newest first; <c>GET /dev/mail/view</c> shows
/// them to a person with clickable links. Local only: never deployed.
/// </summary>
static class SendGridStandIn
{
    public static void Map(IEndpointRouteBuilder endpoints, KeptMailbox mailbox, TimeProvider time)
    {
        endpoints.MapPost("/v3/mail/send", async context =>
        {
            if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            {
                await Json(context, 401, """{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked"}]}""");
                return;
            }

            if (mailbox.FailNext.TryDequeue(out var failure))
            {
                switch (failure)
                {
                    case KeptMailbox.Drop:
                        // The connection breaks before an answer, as a timeout does; the mail is not taken.
                        await Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted);
                        context.Abort();
                        return;
                    case KeptMailbox.Slow:
                        // Taken, but only after a while.
                        await Task.Delay(TimeSpan.FromSeconds(4), context.RequestAborted);
                        break;
                    default:
                        if (failure == StatusCodes.Status429TooManyRequests)
                        {
                            context.Response.Headers.RetryAfter = "1";
                        }

                        await Json(context, failure, """{"errors":[{"message":"stand-in failure requested by a test"}]}""");
                        return;
                }
            }

            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }

            if (body is null || body["personalizations"] is null)
            {
                await Json(context, 400, """{"errors":[{"message":"The personalizations field is required."}]}""");
                return;
            }

            foreach (var mail in KeptMailbox.FromSendGridRequest(body, time.GetUtcNow()))
            {
                mailbox.Keep(mail);
            }

            context.Response.StatusCode = StatusCodes.Status202Accepted;
        });

        endpoints.MapPost("/dev/mail/fail-next", async context =>
        {
            // e.g. ?status=429&status=500&status=drop&status=slow: the next sends answer these, then 202 again.
            foreach (var status in context.Request.Query["status"])
            {
                if (int.TryParse(status, out var code))
                {
                    mailbox.FailNext.Enqueue(code);
                }
                else if (status == "drop" || status == "slow")
                {
                    mailbox.FailNext.Enqueue(status == "drop" ? KeptMailbox.Drop : KeptMailbox.Slow);
                }
            }

            await Json(context, 200, $$"""{"queued":{{mailbox.FailNext.Count}}}""");
        });

        // ?after=N: only the mails kept after the first N, oldest first (a benchmark polling thousands of mails).
        endpoints.MapGet("/dev/mail", (int? after) => Results.Json(after is { } count ? mailbox.After(count) : mailbox.NewestFirst()));
        endpoints.MapGet("/dev/mail/view", () => Results.Content(View(mailbox.NewestFirst()), "text/html; charset=utf-8"));
    }

    static async Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    static string View(IReadOnlyList<KeptMail> mails)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Kept mail</title>")
            .Append("<style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto} article{border:1px solid #ccc;margin:1rem 0;padding:.5rem 1rem} pre{white-space:pre-wrap}</style></head><body>")
            .Append("<h1>Mail kept by the local runner (").Append(mails.Count).Append(")</h1>");
        foreach (var mail in mails)
        {
            html.Append("<article><p><b>").Append(E(mail.Subject)).Append("</b><br>To: ").Append(E(string.Join(", ", mail.To)))
                .Append(" · From: ").Append(E(mail.From)).Append(" · ").Append(mail.Time.ToString("u", System.Globalization.CultureInfo.InvariantCulture)).Append("</p>");
            html.Append(mail.Html is { } body
                ? $"<iframe sandbox=\"allow-popups allow-top-navigation-by-user-activation\" style=\"width:100%;height:22rem;border:0\" srcdoc=\"{E(body)}\"></iframe>"
                : $"<pre>{E(mail.Text)}</pre>");
            html.Append("</article>");
        }

        return html.Append("</body></html>").ToString();
    }

    static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
