using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Intake;

/// <summary>
/// <c>/api/complaints/{caseNumber}/withdraw?t=</c>: the customer withdraws their complaint, with the
/// status link's token. Scanner-safe like the action links: a GET only shows the page; the POST does it.
/// </summary>
public sealed class WithdrawalFunctions(ComplaintStore complaints, StatusLinks statusLinks, CaseTexts texts, CaseEventLog auditTrail, TimeProvider time, ILogger<WithdrawalFunctions> logger)
{
    public const int ReasonMaxLength = 2000;

    [Function("ShowWithdrawal")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "complaints/{caseNumber}/withdraw")] HttpRequest request,
        string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (complaint, token) = await FindAsync(request, caseNumber);
        if (complaint is null)
        {
            return ComplaintStatusFunction.CaseNotFound(request);
        }

        var language = complaint.Details.Customer.Language;
        var t = WithdrawalTexts.For(language);
        if (!complaint.IsOpen)
        {
            return HtmlPage.Render(StatusCodes.Status409Conflict, language, t.Title, $"<p id=\"closed\">{HtmlPage.Encode(Fill(t.Closed, complaint))}</p>");
        }

        return HtmlPage.Render(StatusCodes.Status200OK, language, t.Title, $"""
            <p class="case">{HtmlPage.Encode(complaint.CaseNumber.Value)}</p>
            <p id="explanation">{HtmlPage.Encode(Fill(t.Explanation, complaint))}</p>
            <form method="post" action="?t={HtmlPage.Encode(Uri.EscapeDataString(token))}">
            <label for="reason">{HtmlPage.Encode(t.ReasonLabel)}</label>
            <textarea id="reason" name="reason" rows="4" maxlength="{ReasonMaxLength}"></textarea>
            <button type="submit">{HtmlPage.Encode(t.Button)}</button>
            </form>
            """);
    }

    [Function("Withdraw")]
    public async Task<IActionResult> Withdraw(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "complaints/{caseNumber}/withdraw")] HttpRequest request,
        string caseNumber,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var cancel = request.HttpContext.RequestAborted;
        var (complaint, _) = await FindAsync(request, caseNumber);
        if (complaint is null)
        {
            return ComplaintStatusFunction.CaseNotFound(request);
        }

        var language = complaint.Details.Customer.Language;
        var t = WithdrawalTexts.For(language);
        if (!complaint.IsOpen)
        {
            return HtmlPage.Render(StatusCodes.Status409Conflict, language, t.Title, $"<p id=\"closed\">{HtmlPage.Encode(Fill(t.Closed, complaint))}</p>");
        }

        using var scope = logger.BeginCaseScope(complaint.CaseNumber.Value);
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            var (posted, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, cancel);
            if (unreadable is not null)
            {
                // Nothing is withdrawn: the page says so and what to do.
                return HtmlPage.Render(unreadable.Status, language, t.Title, $"<p id=\"message\">{HtmlPage.Encode(t.Unreadable)}</p>");
            }

            form = posted;
        }

        var reason = form?["reason"].ToString().Trim() ?? string.Empty;
        if (reason.Length > ReasonMaxLength)
        {
            reason = reason[..ReasonMaxLength];
        }

        var now = time.GetUtcNow();
        var textRef = reason.Length == 0 ? null : await texts.SaveAsync(complaint.CaseNumber, "withdrawal", reason, "customer", now, cancel);
        await auditTrail.AppendAsync(new CaseEvent(complaint.CaseNumber, "withdrawal", now, "withdrawal-asked", "customer", "web", "The customer asked to withdraw the complaint on the status page."), cancel);
        await durable.RaiseEventAsync(
            ComplaintCaseOrchestration.InstanceIdFor(complaint.CaseNumber),
            ComplaintCaseOrchestration.InputEvent,
            new CaseInput(CaseInputKinds.Withdraw, "customer", textRef),
            cancel);
        logger.LogInformation("The customer withdrew the complaint");
        return HtmlPage.Render(StatusCodes.Status200OK, language, t.Title, $"<p id=\"done\">{HtmlPage.Encode(Fill(t.Done, complaint))}</p>");
    }

    async Task<(Complaint? Complaint, string Token)> FindAsync(HttpRequest request, string caseNumber)
    {
        var token = request.Query["t"].ToString();
        // The same answer for a bad number, a bad token and a missing case, as on the status page.
        if (!CaseNumber.TryParse(caseNumber, out var number) || !statusLinks.IsValid(number, token))
        {
            return (null, token);
        }

        return ((await complaints.FindAsync(number, request.HttpContext.RequestAborted))?.Complaint, token);
    }

    static string Fill(string text, Complaint complaint) => text.Replace("{case}", complaint.CaseNumber.Value, StringComparison.Ordinal);
}
