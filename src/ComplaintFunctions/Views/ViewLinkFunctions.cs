using ComplaintFunctions.Http;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Views;

/// <summary>
/// <c>GET /api/view/{token}</c>: what a view link in a staff mail shows, without a function key,
/// since the token is the permission. It reads and writes nothing else, so a mail scanner that
/// fetches the link changes nothing. Forged or mangled links get 403, expired 410, a view the
/// link's role may not see 403, a case file not prepared yet 404; each page says what to do.
/// </summary>
public sealed class ViewLinkFunctions(
    ViewTokens tokens,
    ComplaintStore complaints,
    CaseEventLog auditTrail,
    CaseFileStore caseFiles,
    IOptions<StaffOptions> staff,
    TimeProvider time)
{
    [Function("ShowViewLink")]
    public async Task<IActionResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "view/{token}")] HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancel = request.HttpContext.RequestAborted;

        // The page shows a customer's case to whoever holds the link: keep it out of caches, and the token out of Referer headers.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";

        var texts = ViewPageTexts.For(staff.Value.Language);
        var reading = tokens.Read(token, time.GetUtcNow());
        if (reading.Status == LinkTokenStatus.Expired)
        {
            return Page(StatusCodes.Status410Gone, texts, texts.ExpiredTitle, texts.Expired);
        }

        if (!reading.IsValid)
        {
            return Page(StatusCodes.Status403Forbidden, texts, texts.InvalidTitle, texts.Invalid);
        }

        var link = reading.Link;
        if (!CaseViews.MaySee(link.View, link.Role))
        {
            return Page(StatusCodes.Status403Forbidden, texts, texts.NotAllowedTitle, texts.NotAllowed);
        }

        if (await complaints.FindAsync(link.CaseNumber, cancel) is not { } stored)
        {
            return Page(StatusCodes.Status403Forbidden, texts, texts.InvalidTitle, texts.Invalid);
        }

        if (CaseViews.CaseFileOf(link.View) is { } forWhom)
        {
            return await caseFiles.ReadAsync(link.CaseNumber, forWhom, cancel) is { } file
                ? new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = "text/html; charset=utf-8", Content = file }
                : Page(StatusCodes.Status404NotFound, texts, texts.NoCaseFileTitle, texts.NoCaseFile);
        }

        var trail = await auditTrail.ReadAsync(link.CaseNumber, cancel);
        return CaseSummaryPage.Render(stored.Complaint, trail, texts);
    }

    static ContentResult Page(int status, ViewPageTexts texts, string title, string text) =>
        HtmlPage.Message(status, texts.Language, title, text);
}
