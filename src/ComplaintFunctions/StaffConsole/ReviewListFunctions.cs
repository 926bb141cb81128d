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
    TimeProvider time,
    ILogger<ReviewListFunctions> logger)
{
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
            html.Append("<p class=\"done\" id=\"done\" role=\"status\">Done: ").Append(E(done)).Append(".</p>");
        }

        html.Append("<p id=\"count\">").Append(items.Count).Append(items.Count == 1 ? " mail" : " mails")
            .Append(" kept for a person: each named no case, or must not be answered by itself.</p>")
            .Append("<table id=\"review\"><caption class=\"hint\">Newest first</caption><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">From</th><th scope=\"col\">Subject</th><th scope=\"col\">Why it is here</th><th scope=\"col\">State</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            html.Append("<tr data-mail=\"").Append(E(item.IdentityHash)).Append("\"><td>").Append(E(Local(item.At, pipeline.Value.TimeZone))).Append("</td><td>").Append(E(item.From))
                .Append("</td><td><a href=\"").Append(ItemPath(item.IdentityHash)).Append("\">").Append(E(item.Subject.Length == 0 ? "(no subject)" : item.Subject)).Append("</a></td><td>")
                .Append(E(item.Reason)).Append("</td><td>").Append(item.Handling is { } h ? E($"in hand: {Describe(h)}") : "waiting").Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        return Render(StatusCodes.Status200OK, "Mails to review", person, html.ToString());
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
            : Message(StatusCodes.Status404NotFound, "No such mail", "The review list has no such mail.", person: person);
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
            return Message(StatusCodes.Status401Unauthorized, "Signed out", "Your sign-in has ended, so nothing was done. Sign in again.", signInLink: true);
        }

        if (NotYours(person) is { } refused)
        {
            return refused;
        }

        if (!ReviewActions.All.Contains(action) || await reviewList.FindAsync(mail, cancel) is not { } item)
        {
            return Message(StatusCodes.Status404NotFound, "No such mail", "The review list has no such mail or step.", person: person);
        }

        var (form, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, cancel);
        if (unreadable is not null || form is null || forms.Read(form["form"].ToString(), person, Subject(mail)) is not { } shown || shown.Step != action)
        {
            return Message(StatusCodes.Status400BadRequest, "Form not valid", "This form was not shown to you for this mail, or it is more than 12 hours old. Open the mail again.", person: person);
        }

        // What the action needs, checked before the item is taken in hand: the mail must read to go to a case, and the case must take it.
        var parsed = action == ReviewActions.Dismiss ? null : await inbox.ReadKeptAsync(item, cancel);
        if (parsed is { Succeeded: false })
        {
            return await ItemPageAsync(person, item, StatusCodes.Status400BadRequest, null, $"The mail could not be read ({parsed.Failure}), so it can only be dismissed; its stored copy stays.", cancel);
        }

        CaseNumber? into = null;
        if (action == ReviewActions.Attach)
        {
            var number = form["into"].ToString().Trim();
            if (!CaseNumber.TryParse(number, out var caseNumber))
            {
                return await ItemPageAsync(person, item, StatusCodes.Status400BadRequest, null, "Write the number of the case to attach it to: K-dddd-dddd-ddd.", cancel);
            }

            var found = await complaints.FindAsync(caseNumber, cancel);
            if (found is null || !found.Complaint.IsOpen || CaseAccess.Refusal(person, found.Complaint) is not null)
            {
                return await ItemPageAsync(person, item, StatusCodes.Status400BadRequest, null,
                    found is null ? $"There is no case {caseNumber.Value}." : found.Complaint.IsOpen ? $"Case {caseNumber.Value} is with the customer ombudsman, who alone handles it now." : $"Case {caseNumber.Value} is closed; reopen it first, or open a new case from the mail.", cancel);
            }

            into = caseNumber;
        }

        var note = form["note"].ToString().Trim();
        var (claim, claimed) = await reviewList.ClaimAsync(mail, action, into?.Value, person.ActorAs(person.Roles[0]), note.Length == 0 ? null : note, time.GetUtcNow(), cancel);
        if (claim == ReviewClaim.TakenOther)
        {
            return await ItemPageAsync(person, claimed!, StatusCodes.Status409Conflict, null, $"Not done: someone took this mail in hand first ({Describe(claimed!.Handling!)}).", cancel);
        }

        if (claim == ReviewClaim.Missing)
        {
            return Message(StatusCodes.Status404NotFound, "No such mail", "The review list has no such mail.", person: person);
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
                return new RedirectResult($"{Home}/review?done={Uri.EscapeDataString("dismissed " + (item.Subject.Length == 0 ? "(no subject)" : item.Subject))}", permanent: false);
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
            .Append(Row("From", item.From)).Append(Row("Subject", item.Subject)).Append(Row("Received", Local(item.At, pipeline.Value.TimeZone))).Append(Row("Why it is here", item.Reason))
            .Append("</tbody></table>");
        var parsed = await inbox.ReadKeptAsync(item, cancel);
        if (parsed.Mail is { } mail)
        {
            var text = string.IsNullOrWhiteSpace(mail.TextBody) ? mail.TextWithQuotes : mail.TextBody;
            html.Append("<h2>The mail</h2><pre id=\"mail-text\" style=\"white-space:pre-wrap;font:inherit\">").Append(E(text.Length > 20_000 ? text[..20_000] + "…" : text)).Append("</pre>");
            if (mail.Attachments.Count > 0)
            {
                html.Append("<p>Attachments (kept with the case the mail goes to): ").Append(E(string.Join(", ", mail.Attachments.Select(a => a.FileName)))).Append("</p>");
            }
        }
        else
        {
            html.Append("<p id=\"mail-text\">The mail could not be read: ").Append(E(parsed.Failure)).Append(". Its stored copy stays as it arrived.</p>");
        }

        if (item.Handling is { Done: true } finished)
        {
            html.Append("<p id=\"handled\">").Append(E($"Handled: {Describe(finished)}.")).Append("</p>");
            return Render(status, "A mail to review", person, html.ToString());
        }

        html.Append("<h2>What you can do</h2>");
        if (parsed.Succeeded)
        {
            html.Append("<details class=\"step\" id=\"review-attach\" open><summary>Attach it to a case</summary><p class=\"hint\">It becomes the customer's reply on that case, as if it had named the case: the team's answer clock starts again if the case waited for them.</p>")
                .Append(FormStart(person, item, ReviewActions.Attach))
                .Append("<label for=\"review-into\">The case (K-dddd-dddd-ddd)</label><input id=\"review-into\" name=\"into\" required>")
                .Append("<button type=\"submit\" id=\"review-attach-submit\">Attach it</button></form></details>")
                .Append("<details class=\"step\" id=\"review-open\"><summary>Open a case from it</summary><p class=\"hint\">A new case, as if the mail had come in as a complaint: the sender gets an acknowledgement with the case number.</p>")
                .Append(FormStart(person, item, ReviewActions.OpenCase))
                .Append("<button type=\"submit\" id=\"review-open-submit\">Open a case</button></form></details>");
        }

        html.Append("<details class=\"step\" id=\"review-dismiss\"><summary>Dismiss it</summary><p class=\"hint\">Nothing is sent and no case is touched; the stored copy stays.</p>")
            .Append(FormStart(person, item, ReviewActions.Dismiss))
            .Append("<label for=\"review-note\">Why (optional)</label><input id=\"review-note\" name=\"note\" maxlength=\"1000\">")
            .Append("<button type=\"submit\" id=\"review-dismiss-submit\">Dismiss it</button></form></details>");
        return Render(status, "A mail to review", person, html.ToString());
    }

    string FormStart(StaffPerson person, ReviewItem item, string action) =>
        $"<form method=\"post\" action=\"{ItemPath(item.IdentityHash)}/{action}\"><input type=\"hidden\" name=\"form\" value=\"{E(forms.Issue(person.Id, Subject(item.IdentityHash), action, Guid.NewGuid()))}\">";

    static string Describe(ReviewHandling handling) => handling.Action switch
    {
        ReviewActions.Attach => $"attached to {handling.Into} by {handling.By}",
        ReviewActions.OpenCase => handling.Into is { } opened ? $"opened as case {opened} by {handling.By}" : $"opened as a case by {handling.By}",
        _ => $"dismissed by {handling.By}{(handling.Note is { Length: > 0 } n ? $" ({n})" : string.Empty)}",
    };

    /// <summary>The review list is customer service's: agents and team leads.</summary>
    static ContentResult? NotYours(StaffPerson person) =>
        person.Has(ActionRoles.Agent) || person.Has(ActionRoles.TeamLead)
            ? null
            : Message(StatusCodes.Status403Forbidden, "Not your list", "The mails to review are customer service's: agents and team leads handle them.", person: person);

    StaffPerson? Person(HttpRequest request) => sessions.Read(request) is { Roles.Count: > 0 } person ? person : null;

    static string Subject(string mail) => $"review:{mail}";

    static string ItemPath(string mail) => $"{Home}/review/{Uri.EscapeDataString(mail)}";

    static string Row(string label, string? value) => $"<tr><th scope=\"row\">{E(label)}</th><td>{E(value ?? "—")}</td></tr>";
}
