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
    TimeProvider time,
    ILogger<ActionLinkFunctions> logger)
{
    [Function("ShowActionLink")]
    public async Task<IActionResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "actions/{token}")] HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refusal, link, step, complaint, _, _) = await CheckAsync(token, resume: false, ActionPageTexts.LanguageOf(request), request.HttpContext.RequestAborted);
        return refusal ?? Form(link!, step!, complaint!, values: null, error: null);
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
                    return Page(unreadable.Status, Language(link, complaint!), unreadable.Title, unreadable.Detail + " The link still works.");
                }

                form = posted;
            }

            outcome = await steps.TakeAsync(press, complaint!, form, durable, Texts(link, complaint!).TextRequired, cancel);
        }

        switch (outcome)
        {
            case PressOutcome.NeedsInput needs:
                return Form(link, step!, complaint!, needs.Values, needs.Error);
            case PressOutcome.AlreadyUsed:
                return await UsedPageAsync(link, complaint!, cancel);
        }

        using (logger.BeginCaseScope(link.CaseNumber))
        {
            logger.LogInformation("Action link used: {Step} by the {Role}", step!.Step, link.Role);
        }

        var done = link.Role != "customer" ? $"Done: {step.Title.ToLowerInvariant()}. The case's trail shows it."
            : step.Step == CaseInputKinds.CustomerSurvey ? Texts(link, complaint!).SurveyThanks
            : Texts(link, complaint!).Done;
        return HtmlPage.FromTemplate(StatusCodes.Status200OK, Language(link, complaint!), Title(link, step, complaint!), "actions/done",
            new DoneModel(done, statusLinks.UrlFor(link.CaseNumber), link.CaseNumber.Value));
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
            return (Page(StatusCodes.Status403Forbidden, browserLanguage, browser.Refusals.InvalidTitle, browser.Invalid), null, null, null, null, null);
        }

        var complaint = stored.Complaint;
        var t = Texts(link, complaint);
        var language = Language(link, complaint);
        if (reading.Status == LinkTokenStatus.Expired)
        {
            return (Page(StatusCodes.Status410Gone, language, t.Refusals.ExpiredTitle, t.Expired), null, null, null, null, null);
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
            return (Page(StatusCodes.Status403Forbidden, language, t.Refusals.NotAllowedTitle, t.Refusals.NotAllowed), null, null, null, null, null);
        }

        if (await usedLinks.FindUseAsync(link.ActionId, cancel) is { } use)
        {
            return resume && !use.Done && use.UsedBy == Actor(link)
                ? (null, link, step, complaint, choice, use)
                : (await UsedPageAsync(link, complaint, cancel), null, null, null, null, null);
        }

        if (ActionStepCatalogue.RefusalFor(step, complaint) is { } why)
        {
            // The process's reason is in the staff's words; a customer reads that the case has moved on, in theirs.
            var text = link.Role == ActionRoles.Customer ? t.Refusals.MovedOn : t.NotNow.Replace("{reason}", why, StringComparison.Ordinal);
            return (Page(StatusCodes.Status409Conflict, language, t.Refusals.NotNowTitle, text), null, null, null, null, null);
        }

        return (null, link, step, complaint, choice, null);
    }

    async Task<IActionResult> UsedPageAsync(ActionLink link, Complaint complaint, CancellationToken cancel)
    {
        var use = await usedLinks.FindUseAsync(link.ActionId, cancel);
        var when = use?.UsedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "earlier";
        return Page(StatusCodes.Status409Conflict, Language(link, complaint), Texts(link, complaint).Refusals.UsedTitle, Texts(link, complaint).Used.Replace("{when}", when, StringComparison.Ordinal));
    }

    static ContentResult Form(ActionLink link, ActionStep step, Complaint complaint, IFormCollection? values, string? error)
    {
        var customerStep = link.Role == "customer" ? Texts(link, complaint).Steps.GetValueOrDefault(step.Step) : default;
        // A survey link carries its score: the page says which one was chosen.
        var explanation = (customerStep.Explanation ?? step.Explanation).Replace("{score}", ActionStepCatalogue.Find(link.Step).Choice ?? "?", StringComparison.Ordinal);
        var button = customerStep.Button ?? step.Button;
        var textLabel = customerStep.TextLabel ?? step.TextLabel ?? (step.Text == TextField.Required ? "Text" : "Comment (optional)");
        // Staff read the complaint itself above the form; a customer wrote it.
        var facts = link.Role == "customer"
            ? null
            : new ComplaintFacts("Customer:", complaint.Details.Customer.Email, "Category:", complaint.Details.Category.ToWire(), "The complaint:", complaint.Details.Description);
        var model = new ActionFormModel(
            link.CaseNumber.Value,
            explanation,
            facts,
            error,
            step.Text == TextField.None ? null : new FormText(textLabel, values?["text"].ToString()),
            "Decision",
            [.. (step.Choices ?? []).Select(c => new FormChoice(c.Value, c.Label, values?["choice"].ToString() == c.Value))],
            step.AmountLabel is { } amountLabel ? new FormText($"{amountLabel}, in {CaseCurrency.For(complaint.Details.Customer.Country)}", values?["amount"].ToString()) : null,
            step.NoteLabel is { } noteLabel ? new FormText(noteLabel, values?["note"].ToString()) : null,
            step.FlagLabel,
            button,
            "Nothing has happened yet: only the button acts.");
        return HtmlPage.FromTemplate(error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, Language(link, complaint), Title(link, step, complaint), "actions/form", model);
    }

    static ContentResult Page(int status, string language, string title, string text) =>
        HtmlPage.Message(status, language, title, text);

    static string Actor(ActionLink link) => link.Role switch
    {
        "customer" => "customer",
        "agent" => "agent",
        var role => role,
    };

    static ActionPageTexts Texts(ActionLink link, Complaint complaint) => ActionPageTexts.For(Language(link, complaint));

    static string Language(ActionLink link, Complaint complaint) => link.Role == "customer" ? complaint.Details.Customer.Language : "en";

    static string Title(ActionLink link, ActionStep step, Complaint complaint) =>
        link.Role == "customer" && Texts(link, complaint).Steps.TryGetValue(step.Step, out var localized) ? localized.Title : step.Title;

    /// <param name="Complaint">What the complaint says, for staff; null on a customer's page.</param>
    /// <param name="Text">The step's text field, or null when it has none; likewise <paramref name="Amount"/> and <paramref name="Note"/>.</param>
    sealed record ActionFormModel(
        string CaseNumber,
        string Explanation,
        ComplaintFacts? Complaint,
        string? Error,
        FormText? Text,
        string ChoicesLegend,
        IReadOnlyList<FormChoice> Choices,
        FormText? Amount,
        FormText? Note,
        string? FlagLabel,
        string Button,
        string NothingYet) : IPageModel;

    sealed record ComplaintFacts(string CustomerLabel, string Customer, string CategoryLabel, string Category, string DescriptionLabel, string Description) : IPageModel;

    /// <param name="Value">What was typed before a refused press, or null.</param>
    sealed record FormText(string Label, string? Value) : IPageModel;

    sealed record FormChoice(string Value, string Label, bool Chosen) : IPageModel;

    sealed record DoneModel(string Done, string StatusUrl, string CaseNumber) : IPageModel;
}
