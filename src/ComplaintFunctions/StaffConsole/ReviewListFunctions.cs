using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ComplaintFunctions.StaffConsole.ConsolePages;

namespace ComplaintFunctions.StaffConsole;

/// <summary>
/// The mails kept for a person (they named no case and must not be answered: bounces, lists, unreadable
/// mail, a reply from an address that is not the case's): read one, then attach it to a case as the
/// customer's reply, open a case from it, or dismiss it. Each is taken in hand once, on the item, before
/// it is carried out, so two people never do two different things with one mail.
/// </summary>
public sealed class ReviewListFunctions(
    StaffSessions sessions,
    ConsoleForms forms,
    InboxReviewList reviewList,
    InboxMailProcessor inbox,
    ComplaintStore complaints,
    IOptions<PipelineOptions> pipeline,
    IOptions<Workflow.StaffOptions> staff,
    TimeProvider time,
    ILogger<ReviewListFunctions> logger)
{
    ConsoleTexts T => ConsoleTexts.For(staff.Value.Language);

    [Function("ConsoleReviewList")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/review")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Person(request) is not { } person)
        {
            return SignInFirst(request);
        }

        if (NotYours(person) is { } refused)
        {
            return refused;
        }

        var items = (await reviewList.ListAsync(request.HttpContext.RequestAborted)).Where(i => i.Handling is not { Done: true }).ToList();
        var done = request.Query["done"].ToString();
        var model = new ReviewListModel(
            done.Length > 0 ? F(T.DoneHint, ("what", done)) : null,
            items.Count == 1 ? T.ReviewCountOne : F(T.ReviewCount, ("count", items.Count)),
            T.NewestFirst,
            T.ReviewColumns,
            [.. items.Select(item => new ReviewListItem(
                item.IdentityHash,
                Local(item.At, pipeline.Value.TimeZone),
                item.From,
                ItemPath(item.IdentityHash),
                item.Subject.Length == 0 ? T.NoSubject : item.Subject,
                item.Reason,
                item.Handling is { } h ? F(T.InHand, ("what", Describe(h))) : T.Waiting))]);
        return FromTemplate(StatusCodes.Status200OK, T.MailsToReview, person, "console/review-list", model, T);
    }

    [Function("ConsoleReviewItem")]
    public async Task<IActionResult> Item(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/review/{mail}")] HttpRequest request,
        string mail)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Person(request) is not { } person)
        {
            return SignInFirst(request);
        }

        if (NotYours(person) is { } refused)
        {
            return refused;
        }

        var cancel = request.HttpContext.RequestAborted;
        return await reviewList.FindAsync(mail, cancel) is { } item
            ? await ItemPageAsync(person, item, StatusCodes.Status200OK, null, null, cancel)
            : Message(T, StatusCodes.Status404NotFound, T.NoSuchMailTitle, T.NoSuchMail, person: person);
    }

    [Function("ConsoleReviewAct")]
    public async Task<IActionResult> Act(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/review/{mail}/{action}")] HttpRequest request,
        string mail,
        string action,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var cancel = request.HttpContext.RequestAborted;
        if (Person(request) is not { } person)
        {
            return Message(T, StatusCodes.Status401Unauthorized, T.SignedOutTitle, T.SignedOutNothingDone, signInLink: true);
        }

        if (NotYours(person) is { } refused)
        {
            return refused;
        }

        if (!ReviewActions.All.Contains(action) || await reviewList.FindAsync(mail, cancel) is not { } item)
        {
            return Message(T, StatusCodes.Status404NotFound, T.NoSuchMailTitle, T.NoSuchMail, person: person);
        }

        var (form, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, cancel);
        if (unreadable is not null || form is null || forms.Read(form["form"].ToString(), person, Subject(mail)) is not { } shown || shown.Step != action)
        {
            return Message(T, StatusCodes.Status400BadRequest, T.FormNotValidTitle, T.FormNotValidMail, person: person);
        }

        // What the action needs, checked before the item is taken in hand: the mail must read to go to a case, and the case must take it.
        var parsed = action == ReviewActions.Dismiss ? null : await inbox.ReadKeptAsync(item, cancel);
        if (parsed is { Succeeded: false })
        {
            return await ItemPageAsync(person, item, StatusCodes.Status400BadRequest, null, F(T.MailUnreadableOnlyDismiss, ("why", parsed.Failure)), cancel);
        }

        CaseNumber? into = null;
        if (action == ReviewActions.Attach)
        {
            var number = form["into"].ToString().Trim();
            if (!CaseNumber.TryParse(number, out var caseNumber))
            {
                return await ItemPageAsync(person, item, StatusCodes.Status400BadRequest, null, T.WriteAttachNumber, cancel);
            }

            var found = await complaints.FindAsync(caseNumber, cancel);
            if (found is null || !found.Complaint.IsOpen || CaseAccess.Refusal(person, found.Complaint) is not null)
            {
                return await ItemPageAsync(person, item, StatusCodes.Status400BadRequest, null,
                    F(found is null ? T.NoCaseNumbered : found.Complaint.IsOpen ? T.CaseWithOmbudsman : T.CaseClosedReopenFirst, ("case", caseNumber.Value)), cancel);
            }

            into = caseNumber;
        }

        var note = form["note"].ToString().Trim();
        var (claim, claimed) = await reviewList.ClaimAsync(mail, action, into?.Value, person.ActorAs(person.Roles[0]), note.Length == 0 ? null : note, time.GetUtcNow(), cancel);
        if (claim == ReviewClaim.TakenOther)
        {
            return await ItemPageAsync(person, claimed!, StatusCodes.Status409Conflict, null, F(T.TakenFirst, ("what", Describe(claimed!.Handling!))), cancel);
        }

        if (claim == ReviewClaim.Missing)
        {
            return Message(T, StatusCodes.Status404NotFound, T.NoSuchMailTitle, T.NoSuchMail, person: person);
        }

        // Carried out under the ids of the mail's identity, so finishing it again after a cut-short attempt adds nothing twice.
        var actor = person.ActorAs(person.Roles[0]);
        switch (action)
        {
            case ReviewActions.Attach:
                await inbox.AttachKeptAsync(parsed!.Mail!, claimed!, into!.Value, actor, durable, cancel);
                await reviewList.MarkDoneAsync(mail, into.Value.Value, cancel);
                logger.LogInformation("A mail from the review list was attached to a case");
                return new RedirectResult($"{Home}/cases/{into.Value.Value}?done=review-attached", permanent: false);

            case ReviewActions.OpenCase:
                var opened = await inbox.OpenKeptAsync(parsed!.Mail!, claimed!, durable, cancel);
                await reviewList.MarkDoneAsync(mail, opened.Value, cancel);
                logger.LogInformation("A mail from the review list opened a case");
                return new RedirectResult($"{Home}/cases/{opened.Value}?done=review-opened", permanent: false);

            default:
                await reviewList.MarkDoneAsync(mail, null, cancel);
                logger.LogInformation("A mail on the review list was dismissed");
                return new RedirectResult($"{Home}/review?done={Uri.EscapeDataString(F(T.Dismissed, ("subject", item.Subject.Length == 0 ? T.NoSubject : item.Subject)))}", permanent: false);
        }
    }

    async Task<ContentResult> ItemPageAsync(StaffPerson person, ReviewItem item, int status, string? done, string? problem, CancellationToken cancel)
    {
        var parsed = await inbox.ReadKeptAsync(item, cancel);
        var text = parsed.Mail is { } mail ? (string.IsNullOrWhiteSpace(mail.TextBody) ? mail.TextWithQuotes : mail.TextBody) : null;
        var finished = item.Handling is { Done: true } h ? h : null;
        var model = new ReviewItemModel(
            problem,
            [
                new(T.ItemRows[0], item.From), new(T.ItemRows[1], item.Subject),
                new(T.ItemRows[2], Local(item.At, pipeline.Value.TimeZone)), new(T.ItemRows[3], item.Reason),
            ],
            T.TheMail,
            text is null ? null : text.Length > 20_000 ? text[..20_000] + "…" : text,
            parsed.Mail is { Attachments.Count: > 0 } withFiles ? F(T.MailAttachments, ("files", string.Join(", ", withFiles.Attachments.Select(a => a.FileName)))) : null,
            F(T.MailCouldNotBeRead, ("why", parsed.Failure)),
            finished is null ? null : F(T.Handled, ("what", Describe(finished))),
            T.WhatYouCanDo,
            finished is null && parsed.Succeeded ? Form(ReviewActions.Attach, T.AttachTitle, T.AttachHint, T.AttachLabel, T.AttachButton) : null,
            finished is null && parsed.Succeeded ? Form(ReviewActions.OpenCase, T.OpenTitle, T.OpenHint, null, T.OpenButton) : null,
            Form(ReviewActions.Dismiss, T.DismissTitle, T.DismissHint, T.WhyOptional, T.DismissButton));
        return FromTemplate(status, T.AMailToReview, person, "console/review-item", model, T);

        // Each form carries its own single-use token (issued only for a mail still waiting).
        ReviewForm Form(string action, string title, string hint, string? label, string button) =>
            new(title, hint, $"{ItemPath(item.IdentityHash)}/{action}", finished is null ? forms.Issue(person.Id, Subject(item.IdentityHash), action, Guid.NewGuid()) : string.Empty, label, button);
    }

    string Describe(ReviewHandling handling) => handling.Action switch
    {
        ReviewActions.Attach => F(T.AttachedTo, ("case", handling.Into), ("who", handling.By)),
        ReviewActions.OpenCase => handling.Into is { } opened ? F(T.OpenedAs, ("case", opened), ("who", handling.By)) : F(T.OpenedAsACase, ("who", handling.By)),
        _ => F(T.DismissedBy, ("who", handling.By)) + (handling.Note is { Length: > 0 } n ? $" ({n})" : string.Empty),
    };

    /// <summary>The review list is customer service's: agents and team leads.</summary>
    ContentResult? NotYours(StaffPerson person) =>
        person.Has(ActionRoles.Agent) || person.Has(ActionRoles.TeamLead)
            ? null
            : Message(T, StatusCodes.Status403Forbidden, T.NotYourListTitle, T.NotYourList, person: person);

    StaffPerson? Person(HttpRequest request) => sessions.Read(request) is { Roles.Count: > 0 } person ? person : null;

    static string Subject(string mail) => $"review:{mail}";

    static string ItemPath(string mail) => $"{Home}/review/{Uri.EscapeDataString(mail)}";

    /// <param name="Done">What the last post did, or null.</param>
    sealed record ReviewListModel(string? Done, string Count, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<ReviewListItem> Items) : IPageModel;

    sealed record ReviewListItem(string Id, string At, string From, string Url, string Subject, string Reason, string Handling) : IPageModel;

    /// <param name="MailText">The mail's text, or null when it could not be read (then <paramref name="Unreadable"/> says why).</param>
    /// <param name="Handled">How the mail was handled, or null while it waits: then the forms are shown.</param>
    /// <param name="Attach">The forms that need a readable mail; null when it is not.</param>
    sealed record ReviewItemModel(
        string? Problem,
        IReadOnlyList<LabelledValue> Rows,
        string TheMail,
        string? MailText,
        string? Attachments,
        string Unreadable,
        string? Handled,
        string WhatYouCanDo,
        ReviewForm? Attach,
        ReviewForm? Open,
        ReviewForm Dismiss) : IPageModel;

    sealed record ReviewForm(string Title, string Hint, string Action, string Token, string? Label, string Button) : IPageModel;
}
