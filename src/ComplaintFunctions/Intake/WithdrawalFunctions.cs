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
            return HtmlPage.Message(StatusCodes.Status409Conflict, language, t.Title, Fill(t.Closed, complaint), id: "closed");
        }

        return HtmlPage.FromTemplate(StatusCodes.Status200OK, language, t.Title, "intake/withdrawal", new WithdrawalModel(
            complaint.CaseNumber.Value, Fill(t.Explanation, complaint), Uri.EscapeDataString(token), t.ReasonLabel, ReasonMaxLength, t.Button));
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
            return HtmlPage.Message(StatusCodes.Status409Conflict, language, t.Title, Fill(t.Closed, complaint), id: "closed");
        }

        using var scope = logger.BeginCaseScope(complaint.CaseNumber.Value);
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            var (posted, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, cancel);
            if (unreadable is not null)
            {
                // Nothing is withdrawn: the page says so and what to do.
                return HtmlPage.Message(unreadable.Status, language, t.Title, t.Unreadable);
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
        return HtmlPage.Message(StatusCodes.Status200OK, language, t.Title, Fill(t.Done, complaint), id: "done");
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

    /// <param name="Token">The status link's token, escaped for the form's query string.</param>
    sealed record WithdrawalModel(string CaseNumber, string Explanation, string Token, string ReasonLabel, int ReasonMaxLength, string Button) : IPageModel;
}
