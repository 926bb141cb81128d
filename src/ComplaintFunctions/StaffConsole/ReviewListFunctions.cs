using System.Text;
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
        var html = new StringBuilder();
        if (request.Query["done"].ToString() is { Length: > 0 } done)
        {
            html.Append("<p class=\"done\" id=\"done\" role=\"status\">").Append(E(F(T.DoneHint, ("what", done)))).Append("</p>");
        }

        html.Append("<p id=\"count\">").Append(E(items.Count == 1 ? T.ReviewCountOne : F(T.ReviewCount, ("count", items.Count)))).Append("</p>")
            .Append("<table id=\"review\"><caption class=\"hint\">").Append(E(T.NewestFirst)).Append("</caption><thead><tr>");
        foreach (var column in T.ReviewColumns)
        {
            html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var item in items)
        {
            html.Append("<tr data-mail=\"").Append(E(item.IdentityHash)).Append("\"><td>").Append(E(Local(item.At, pipeline.Value.TimeZone))).Append("</td><td>").Append(E(item.From))
                .Append("</td><td><a href=\"").Append(ItemPath(item.IdentityHash)).Append("\">").Append(E(item.Subject.Length == 0 ? T.NoSubject : item.Subject)).Append("</a></td><td>")
                .Append(E(item.Reason)).Append("</td><td>").Append(E(item.Handling is { } h ? F(T.InHand, ("what", Describe(h))) : T.Waiting)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        return Render(StatusCodes.Status200OK, T.MailsToReview, person, html.ToString(), T);
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
        var html = new StringBuilder();
        if (problem is not null)
        {
            html.Append("<p class=\"error\" id=\"problem\" role=\"alert\">").Append(E(problem)).Append("</p>");
        }

        html.Append("<table><tbody>")
            .Append(Row(T.ItemRows[0], item.From)).Append(Row(T.ItemRows[1], item.Subject)).Append(Row(T.ItemRows[2], Local(item.At, pipeline.Value.TimeZone))).Append(Row(T.ItemRows[3], item.Reason))
            .Append("</tbody></table>");
        var parsed = await inbox.ReadKeptAsync(item, cancel);
        if (parsed.Mail is { } mail)
        {
            var text = string.IsNullOrWhiteSpace(mail.TextBody) ? mail.TextWithQuotes : mail.TextBody;
            html.Append("<h2>").Append(E(T.TheMail)).Append("</h2><pre id=\"mail-text\" style=\"white-space:pre-wrap;font:inherit\">").Append(E(text.Length > 20_000 ? text[..20_000] + "…" : text)).Append("</pre>");
            if (mail.Attachments.Count > 0)
            {
                html.Append("<p>").Append(E(F(T.MailAttachments, ("files", string.Join(", ", mail.Attachments.Select(a => a.FileName)))))).Append("</p>");
            }
        }
        else
        {
            html.Append("<p id=\"mail-text\">").Append(E(F(T.MailCouldNotBeRead, ("why", parsed.Failure)))).Append("</p>");
        }

        if (item.Handling is { Done: true } finished)
        {
            html.Append("<p id=\"handled\">").Append(E(F(T.Handled, ("what", Describe(finished))))).Append("</p>");
            return Render(status, T.AMailToReview, person, html.ToString(), T);
        }

        html.Append("<h2>").Append(E(T.WhatYouCanDo)).Append("</h2>");
        if (parsed.Succeeded)
        {
            html.Append("<details class=\"step\" id=\"review-attach\" open><summary>").Append(E(T.AttachTitle)).Append("</summary><p class=\"hint\">").Append(E(T.AttachHint)).Append("</p>")
                .Append(FormStart(person, item, ReviewActions.Attach))
                .Append("<label for=\"review-into\">").Append(E(T.AttachLabel)).Append("</label><input id=\"review-into\" name=\"into\" required>")
                .Append("<button type=\"submit\" id=\"review-attach-submit\">").Append(E(T.AttachButton)).Append("</button></form></details>")
                .Append("<details class=\"step\" id=\"review-open\"><summary>").Append(E(T.OpenTitle)).Append("</summary><p class=\"hint\">").Append(E(T.OpenHint)).Append("</p>")
                .Append(FormStart(person, item, ReviewActions.OpenCase))
                .Append("<button type=\"submit\" id=\"review-open-submit\">").Append(E(T.OpenButton)).Append("</button></form></details>");
        }

        html.Append("<details class=\"step\" id=\"review-dismiss\"><summary>").Append(E(T.DismissTitle)).Append("</summary><p class=\"hint\">").Append(E(T.DismissHint)).Append("</p>")
            .Append(FormStart(person, item, ReviewActions.Dismiss))
            .Append("<label for=\"review-note\">").Append(E(T.WhyOptional)).Append("</label><input id=\"review-note\" name=\"note\" maxlength=\"1000\">")
            .Append("<button type=\"submit\" id=\"review-dismiss-submit\">").Append(E(T.DismissButton)).Append("</button></form></details>");
        return Render(status, T.AMailToReview, person, html.ToString(), T);
    }

    string FormStart(StaffPerson person, ReviewItem item, string action) =>
        $"<form method=\"post\" action=\"{ItemPath(item.IdentityHash)}/{action}\"><input type=\"hidden\" name=\"form\" value=\"{E(forms.Issue(person.Id, Subject(item.IdentityHash), action, Guid.NewGuid()))}\">";

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

    static string Row(string label, string? value) => $"<tr><th scope=\"row\">{E(label)}</th><td>{E(value ?? "—")}</td></tr>";
}
