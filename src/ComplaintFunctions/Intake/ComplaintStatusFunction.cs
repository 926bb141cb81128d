using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ComplaintFunctions.Intake;

/// <summary><c>GET /api/complaints/{caseNumber}?t=</c>: the case's status for its customer, only with the signed token from their mails.</summary>
public sealed class ComplaintStatusFunction(ComplaintStore complaints, StatusLinks statusLinks)
{
    [Function("GetComplaintStatus")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "complaints/{caseNumber}")] HttpRequest request,
        string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query["t"].ToString();
        // The same answer for a bad number, a bad token and a missing case: nothing to learn by guessing.
        if (!CaseNumber.TryParse(caseNumber, out var number)
            || !statusLinks.IsValid(number, token)
            || await complaints.FindOnTheListAsync(number, DateTimeOffset.UtcNow, cancellationToken: request.HttpContext.RequestAborted) is not { } stored)
        {
            return HtmlPage.Wanted(request)
                ? CaseNotFound(request)
                : Problems.Status(StatusCodes.Status404NotFound, "No case found for this link.", "Use the status link from the mails about your case.");
        }

        var language = stored.Complaint.Details.Customer.Language;
        if (stored.Erased)
        {
            // The link still works, and says what became of the case: its data was erased, in the customer's language (kept with the facts).
            var (title, message) = StatusTexts.Erased(language);
            return HtmlPage.Wanted(request)
                ? HtmlPage.Render(StatusCodes.Status200OK, language, title, $"<p class=\"case\">{HtmlPage.Encode(number.Value)}</p><p id=\"erased\">{HtmlPage.Encode(message)}</p>")
                : new OkObjectResult(new { caseNumber = number.Value, erased = true, message });
        }

        var status = CaseStatus.Of(stored.Complaint);
        var withdrawUrl = $"/api/complaints/{number.Value}/withdraw?t={Uri.EscapeDataString(token)}";
        return HtmlPage.Wanted(request) ? CaseStatus.Page(status, stored.Complaint.Details.Customer.Language, stored.Complaint.Details.Customer.Country, withdrawUrl) : new OkObjectResult(status);
    }

    /// <summary>The page for a link that names no case (or not validly), in the language the browser asks for.</summary>
    internal static ContentResult CaseNotFound(HttpRequest request)
    {
        var language = Actions.ActionPageTexts.LanguageOf(request);
        var t = Actions.ActionPageTexts.For(language).Refusals;
        return HtmlPage.Message(StatusCodes.Status404NotFound, language, t.NotFoundTitle, t.NotFound);
    }
}
