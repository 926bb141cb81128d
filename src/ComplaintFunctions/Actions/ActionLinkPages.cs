using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using ComplaintFunctions.Links;
using ComplaintFunctions.StaffConsole;
using ComplaintFunctions.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Actions;

/// <summary>
/// The pages of one action link, in its reader's language: a customer's link in the customer's language,
/// a staff link in the staff language (<c>Staff:Language</c>, as the staff mails and the console are), with
/// the console's words for the step so the two never say a step differently. The trail stays in English.
/// </summary>
public sealed class ActionLinkPages
{
    readonly ActionLink link;
    readonly Complaint complaint;
    readonly ActionPageTexts customer;
    readonly ConsoleTexts staff;
    readonly ViewPageTexts staffRefusals;

    public ActionLinkPages(ActionLink link, Complaint complaint, string? staffLanguage)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(complaint);
        this.link = link;
        this.complaint = complaint;
        ForStaff = link.Role != ActionRoles.Customer;
        staff = ConsoleTexts.For(staffLanguage);
        // A staff link's invalid and expired pages say what a view link's say: both come from a staff mail.
        staffRefusals = ViewPageTexts.For(staff.Language);
        Language = ForStaff ? staff.Language : complaint.Details.Customer.Language;
        customer = ActionPageTexts.For(Language);
    }

    /// <summary>The link is a staff member's (any role but the customer's).</summary>
    public bool ForStaff { get; }

    /// <summary>The language of every page of this link, for its words and its <c>lang</c>.</summary>
    public string Language { get; }

    /// <summary>What a press's form is told when it needs mending. A customer's steps have neither choices nor amounts, so only the text is theirs; the other two stay English, as they were.</summary>
    public StepFieldTexts FieldTexts => ForStaff
        ? new(staff.WriteTextFirst, staff.ChooseAnOption, staff.OrLeaveAmountEmpty)
        : new(customer.TextRequired, ConsoleTexts.For("en").ChooseAnOption, ConsoleTexts.For("en").OrLeaveAmountEmpty);

    public string Title(ActionStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return ForStaff ? staff.WordsOf(step).Title
            : customer.Steps.TryGetValue(step.Step, out var words) ? words.Title
            : step.Title;
    }

    /// <summary>A link with our signature that names no case we hold: a staff link in the staff language, a customer's in the browser's (there is no case to take it from).</summary>
    public static ContentResult NoCase(ActionLink link, string browserLanguage, string? staffLanguage)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Role != ActionRoles.Customer)
        {
            var staff = ViewPageTexts.For(ConsoleTexts.For(staffLanguage).Language);
            return HtmlPage.Message(StatusCodes.Status403Forbidden, staff.Language, staff.InvalidTitle, staff.Invalid);
        }

        var browser = ActionPageTexts.For(browserLanguage);
        return HtmlPage.Message(StatusCodes.Status403Forbidden, browserLanguage, browser.Refusals.InvalidTitle, browser.Invalid);
    }

    public ContentResult Expired() => ForStaff
        ? Message(StatusCodes.Status410Gone, staffRefusals.ExpiredTitle, staffRefusals.Expired)
        : Message(StatusCodes.Status410Gone, customer.Refusals.ExpiredTitle, customer.Expired);

    /// <summary>A link with our signature whose case is not there (any more).</summary>
    public ContentResult Invalid() => ForStaff
        ? Message(StatusCodes.Status403Forbidden, staffRefusals.InvalidTitle, staffRefusals.Invalid)
        : Message(StatusCodes.Status403Forbidden, customer.Refusals.InvalidTitle, customer.Invalid);

    public ContentResult NotAllowed() => ForStaff
        ? Message(StatusCodes.Status403Forbidden, staff.LinkNotAllowedTitle, staff.LinkNotAllowed)
        : Message(StatusCodes.Status403Forbidden, customer.Refusals.NotAllowedTitle, customer.Refusals.NotAllowed);

    /// <param name="when">When the link was used, or null when that is not known.</param>
    public ContentResult Used(string? when) => ForStaff
        ? Message(StatusCodes.Status409Conflict, staff.LinkUsedTitle, staff.LinkUsed.Replace("{when}", when ?? staff.LinkUsedEarlier, StringComparison.Ordinal))
        : Message(StatusCodes.Status409Conflict, customer.Refusals.UsedTitle, customer.Used.Replace("{when}", when ?? "earlier", StringComparison.Ordinal));

    /// <param name="why">The process's reason, in the staff's words; a customer reads that the case has moved on, in theirs.</param>
    public ContentResult NotNow(string why) => ForStaff
        ? Message(StatusCodes.Status409Conflict, staff.LinkNotNowTitle, staff.LinkNotNow.Replace("{reason}", why, StringComparison.Ordinal))
        : Message(StatusCodes.Status409Conflict, customer.Refusals.NotNowTitle, customer.Refusals.MovedOn);

    /// <summary>A posted form the reader could not read: nothing happened, and the link still works.</summary>
    public ContentResult Unreadable(int status, string title, string detail) =>
        Message(status, title, detail + " " + (ForStaff ? staff.LinkStillWorks : "The link still works."));

    public ContentResult Done(ActionStep step, string statusUrl)
    {
        ArgumentNullException.ThrowIfNull(step);
        var done = ForStaff ? staff.LinkDone.Replace("{step}", staff.WordsOf(step).Title.ToLowerInvariant(), StringComparison.Ordinal)
            : step.Step == Workflow.CaseInputKinds.CustomerSurvey ? customer.SurveyThanks
            : customer.Done;
        return HtmlPage.FromTemplate(StatusCodes.Status200OK, Language, Title(step), "actions/done", new DoneModel(done, statusUrl, link.CaseNumber.Value));
    }

    /// <summary>What the step will do, with its fields and the button; <paramref name="values"/> are what was typed before a refused press.</summary>
    public ContentResult Form(ActionStep step, IFormCollection? values, string? error)
    {
        ArgumentNullException.ThrowIfNull(step);
        var currency = CaseCurrency.For(complaint.Details.Customer.Country);
        var model = ForStaff ? StaffForm(step, values, error, currency) : CustomerForm(step, values, error, currency);
        return HtmlPage.FromTemplate(error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, Language, Title(step), "actions/form", model);
    }

    ActionFormModel StaffForm(ActionStep step, IFormCollection? values, string? error, string currency)
    {
        var words = staff.WordsOf(step);
        // Staff read the complaint itself above the form.
        var facts = new ComplaintFacts(staff.LinkCustomer, complaint.Details.Customer.Email, staff.LinkCategory, complaint.Details.Category.StaffName(Language), staff.LinkComplaint, complaint.Details.Description);
        return new ActionFormModel(
            link.CaseNumber.Value,
            words.Explanation,
            facts,
            error,
            step.Text == TextField.None ? null : new FormText(words.TextLabel ?? (step.Text == TextField.Required ? staff.Text : staff.CommentOptional), values?["text"].ToString()),
            staff.Decision,
            [.. (step.Choices ?? []).Select(c => new FormChoice(c.Value, words.Choices?.GetValueOrDefault(c.Value) ?? c.Label, values?["choice"].ToString() == c.Value))],
            words.AmountLabel is { } amountLabel
                ? new FormText(staff.InCurrency.Replace("{label}", amountLabel, StringComparison.Ordinal).Replace("{currency}", currency, StringComparison.Ordinal), values?["amount"].ToString())
                : null,
            words.NoteLabel is { } noteLabel ? new FormText(noteLabel, values?["note"].ToString()) : null,
            words.FlagLabel,
            words.Button,
            staff.LinkNothingYet);
    }

    // A customer's page, as it was before staff pages followed the staff language (a customer wrote the complaint, so it is not shown).
    ActionFormModel CustomerForm(ActionStep step, IFormCollection? values, string? error, string currency)
    {
        var customerStep = customer.Steps.GetValueOrDefault(step.Step);
        // A survey link carries its score: the page says which one was chosen.
        var explanation = (customerStep.Explanation ?? step.Explanation).Replace("{score}", ActionStepCatalogue.Find(link.Step).Choice ?? "?", StringComparison.Ordinal);
        var textLabel = customerStep.TextLabel ?? step.TextLabel ?? (step.Text == TextField.Required ? "Text" : "Comment (optional)");
        return new ActionFormModel(
            link.CaseNumber.Value,
            explanation,
            null,
            error,
            step.Text == TextField.None ? null : new FormText(textLabel, values?["text"].ToString()),
            "Decision",
            [.. (step.Choices ?? []).Select(c => new FormChoice(c.Value, c.Label, values?["choice"].ToString() == c.Value))],
            step.AmountLabel is { } amountLabel ? new FormText($"{amountLabel}, in {currency}", values?["amount"].ToString()) : null,
            step.NoteLabel is { } noteLabel ? new FormText(noteLabel, values?["note"].ToString()) : null,
            step.FlagLabel,
            customerStep.Button ?? step.Button,
            customer.NothingYet);
    }

    ContentResult Message(int status, string title, string text) => HtmlPage.Message(status, Language, title, text);

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
