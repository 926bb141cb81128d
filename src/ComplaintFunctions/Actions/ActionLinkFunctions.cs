using System.Globalization;
using System.Text.Json;
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
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Actions;

/// <summary>
/// <c>GET /api/actions/{token}</c> shows what a link from a mail will do, with a button; only the
/// <c>POST</c> of that button acts. Mail scanners that fetch links (Safe Links) therefore never act.
/// Forged or mangled links get 403, expired 410, used or overtaken 409, each with a page that says
/// what to do instead. Every use goes on the case's trail, and so does a link with our signature whose
/// role may not take its step: once per link, however often it is opened.
/// </summary>
public sealed class ActionLinkFunctions(
    ActionTokens tokens,
    UsedActionLinks usedLinks,
    ComplaintStore complaints,
    CaseEventLog auditTrail,
    CaseStepTaker steps,
    StatusLinks statusLinks,
    IOptions<StaffOptions> staff,
    TimeProvider time,
    ILogger<ActionLinkFunctions> logger)
{
    [Function("ShowActionLink")]
    public async Task<IActionResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "actions/{token}")] HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refusal, link, step, complaint, _, _) = await CheckAsync(token, resume: false, ActionPageTexts.LanguageOf(request), request.HttpContext.RequestAborted);
        return refusal ?? Pages(link!, complaint!).Form(step!, values: null, error: null);
    }

    [Function("UseActionLink")]
    public async Task<IActionResult> Use(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "actions/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var cancel = request.HttpContext.RequestAborted;
        var (refusal, link, step, complaint, linkChoice, cutShort) = await CheckAsync(token, resume: true, ActionPageTexts.LanguageOf(request), cancel);
        if (refusal is not null)
        {
            return refusal;
        }

        var press = new StepPress(StepDoor.Link, link!.CaseNumber, link.ActionId, step!, Actor(link), linkChoice);
        PressOutcome outcome;
        if (cutShort is { Intent: not null })
        {
            // The same person's first press was cut short after the link was burned: finish it, with what it asked for then.
            outcome = await steps.FinishCutShortAsync(press, complaint!, cutShort, durable, cancel);
        }
        else
        {
            IFormCollection? form = null;
            if (request.HasFormContentType)
            {
                var (posted, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, cancel);
                if (unreadable is not null)
                {
                    // Nothing happened: the link is not used up, and the page says what to do.
                    return Pages(link, complaint!).Unreadable(unreadable.Status, unreadable.Title, unreadable.Detail);
                }

                form = posted;
            }

            outcome = await steps.TakeAsync(press, complaint!, form, durable, Pages(link, complaint!).FieldTexts, cancel);
        }

        switch (outcome)
        {
            case PressOutcome.NeedsInput needs:
                return Pages(link, complaint!).Form(step!, needs.Values, needs.Error);
            case PressOutcome.AlreadyUsed:
                return await UsedPageAsync(link, complaint!, cancel);
        }

        using (logger.BeginCaseScope(link.CaseNumber))
        {
            logger.LogInformation("Action link used: {Step} by the {Role}", step!.Step, link.Role);
        }

        return Pages(link, complaint!).Done(step!, statusLinks.UrlFor(link.CaseNumber));
    }

    /// <param name="resume">A press (POST): the same person's earlier press that was cut short is given back to be finished.</param>
    async Task<(IActionResult? Refusal, ActionLink? Link, ActionStep? Step, Complaint? Complaint, string? Choice, ActionLinkUse? CutShort)> CheckAsync(string token, bool resume, string browserLanguage, CancellationToken cancel)
    {
        var reading = tokens.Read(token, time.GetUtcNow());
        // A link that names no case we know is answered in the language the browser asks for: there is no case to take it from.
        var browser = ActionPageTexts.For(browserLanguage);
        if (reading.Status is LinkTokenStatus.Forged or LinkTokenStatus.Malformed || reading.Link is null)
        {
            return (Page(StatusCodes.Status403Forbidden, browserLanguage, browser.Refusals.InvalidTitle, browser.Invalid), null, null, null, null, null);
        }

        var link = reading.Link;
        var stored = await complaints.FindAsync(link.CaseNumber, cancel);
        if (stored is null)
        {
            return (ActionLinkPages.NoCase(link, browserLanguage, staff.Value.Language), null, null, null, null, null);
        }

        var complaint = stored.Complaint;
        var pages = Pages(link, complaint);
        if (reading.Status == LinkTokenStatus.Expired)
        {
            return (pages.Expired(), null, null, null, null, null);
        }

        var (step, choice) = ActionStepCatalogue.Find(link.Step);
        if (step is null || !step.Roles.Contains(link.Role, StringComparer.Ordinal))
        {
            // A valid signature on a step this role may not take: ours, but not for this person. Kept on the
            // trail once: every look at the link writes the same line (its action id, its first refusal's time).
            var firstRefused = await usedLinks.FirstRefusalAsync(link.ActionId, link.CaseNumber, time.GetUtcNow(), cancel);
            await auditTrail.AppendAsync(
                new CaseEvent(link.CaseNumber, $"refused-{link.ActionId:N}", firstRefused, "link-refused", Actor(link), "link",
                    $"A {link.Role} link for '{link.Step}' was refused: that step is not theirs to take."),
                cancel);
            return (pages.NotAllowed(), null, null, null, null, null);
        }

        if (await usedLinks.FindUseAsync(link.ActionId, cancel) is { } use)
        {
            return resume && !use.Done && use.UsedBy == Actor(link)
                ? (null, link, step, complaint, choice, use)
                : (await UsedPageAsync(link, complaint, cancel), null, null, null, null, null);
        }

        if (ActionStepCatalogue.RefusalFor(step, complaint) is { } why)
        {
            return (pages.NotNow(why), null, null, null, null, null);
        }

        return (null, link, step, complaint, choice, null);
    }

    async Task<IActionResult> UsedPageAsync(ActionLink link, Complaint complaint, CancellationToken cancel)
    {
        var use = await usedLinks.FindUseAsync(link.ActionId, cancel);
        return Pages(link, complaint).Used(use?.UsedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
    }

    static ContentResult Page(int status, string language, string title, string text) =>
        HtmlPage.Message(status, language, title, text);

    static string Actor(ActionLink link) => link.Role switch
    {
        "customer" => "customer",
        "agent" => "agent",
        var role => role,
    };

    /// <summary>The link's pages: in the customer's language for a customer's link, in the staff language for a staff link.</summary>
    ActionLinkPages Pages(ActionLink link, Complaint complaint) => new(link, complaint, staff.Value.Language);
}
