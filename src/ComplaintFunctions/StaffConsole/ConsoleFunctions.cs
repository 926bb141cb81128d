using System.Globalization;
using System.Text;
using ComplaintFunctions.Actions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ComplaintFunctions.StaffConsole.ConsolePages;

namespace ComplaintFunctions.StaffConsole;

/// <summary>
/// The staff console: the worklist, a case's page, and the steps, notes and assignments taken there.
/// Every route needs a signed-in person (else off to sign in); a step is taken by the same
/// <see cref="CaseStepTaker"/> as a mail's link, so the console and the mails can never disagree.
/// Anonymous at the Functions level: the sign-in cookie, not a function key, protects it.
/// </summary>
public sealed class ConsoleFunctions(
    StaffSessions sessions,
    ConsoleForms forms,
    ComplaintStore complaints,
    CaseEventLog auditTrail,
    CaseTexts texts,
    CaseStepTaker steps,
    UsedActionLinks usedPresses,
    CaseMailComposer mails,
    CannedAnswers canned,
    Inbound.AttachmentStore attachments,
    CaseTriage triage,
    IOptions<ConsoleOptions> options,
    IOptions<CustomerServiceOptions> customerService,
    IOptions<PipelineOptions> pipeline,
    IOptions<StaffOptions> staff,
    TimeProvider time,
    ILogger<ConsoleFunctions> logger)
{
    const int PageSize = 50;

    [Function("ConsoleWorklist")]
    public async Task<IActionResult> Worklist([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Person(request) is not { } person)
        {
            return SignInFirst(request);
        }

        var now = time.GetUtcNow();
        var search = request.Query["q"].ToString().Trim();
        var stageText = request.Query["stage"].ToString();
        CaseStage? stage = CaseStageNames.TryParse(stageText, out var s) ? s : null;
        var onlyOverdue = request.Query["overdue"].ToString() == "on";
        var onlyMine = request.Query["mine"].ToString() == "on";
        _ = int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page);
        page = Math.Max(page, 1);

        var rows = new List<CaseOnTheList>();
        await foreach (var row in complaints.ListOpenAsync(stage, now, request.HttpContext.RequestAborted))
        {
            if ((onlyOverdue && !row.Overdue) || (onlyMine && row.AssignedTo != person.Name) || !Matches(row, search, person))
            {
                continue;
            }

            rows.Add(row);
        }

        // Overdue first, then the earliest due, then the oldest.
        var ordered = rows.OrderByDescending(r => r.Overdue).ThenBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.Complaint.OpenedAt).ToList();
        var shown = ordered.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var html = new StringBuilder();
        html.Append("<form class=\"filters\" method=\"get\" role=\"search\"><label for=\"q\">Search (case number, name, e-mail, phone, order number)</label>")
            .Append("<input id=\"q\" name=\"q\" value=\"").Append(E(search)).Append("\"> ")
            .Append("<label for=\"stage\">Stage</label><select id=\"stage\" name=\"stage\"><option value=\"\">All open</option>");
        foreach (var candidate in CaseStageNames.All.Where(c => c != CaseStage.Closed))
        {
            html.Append("<option value=\"").Append(candidate.ToWire()).Append('"').Append(candidate == stage ? " selected" : string.Empty).Append('>').Append(E(candidate.Describe())).Append("</option>");
        }

        html.Append("</select> <input type=\"checkbox\" id=\"overdue\" name=\"overdue\"").Append(onlyOverdue ? " checked" : string.Empty).Append("> <label style=\"display:inline\" for=\"overdue\">Overdue only</label>")
            .Append(" <input type=\"checkbox\" id=\"mine\" name=\"mine\"").Append(onlyMine ? " checked" : string.Empty).Append("> <label style=\"display:inline\" for=\"mine\">Mine only</label>")
            .Append(" <button type=\"submit\">Show</button></form>");
        html.Append("<p id=\"count\">").Append(ordered.Count).Append(ordered.Count == 1 ? " open case" : " open cases").Append(" · times in ").Append(E(Zone().Id)).Append("</p>");
        html.Append("<table id=\"worklist\"><caption class=\"hint\">Open cases, overdue first</caption><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Due</th><th scope=\"col\">Stage</th><th scope=\"col\">Customer</th><th scope=\"col\">Country</th><th scope=\"col\">Category</th><th scope=\"col\">With</th><th scope=\"col\">Mail</th></tr></thead><tbody>");
        foreach (var row in shown)
        {
            var c = row.Complaint;
            var hidden = CaseAccess.Refusal(person, c) is not null;
            html.Append("<tr data-case=\"").Append(E(c.CaseNumber.Value)).Append("\"><td><a href=\"").Append(CasePath(c.CaseNumber)).Append("\">").Append(E(c.CaseNumber.Value)).Append("</a></td>")
                .Append("<td").Append(row.Overdue ? " class=\"overdue\"" : string.Empty).Append('>').Append(row.DueAt is { } due ? E(Local(due)) : "—").Append(row.Overdue ? " (overdue)" : string.Empty).Append("</td>")
                .Append("<td>").Append(E(c.Stage.Describe())).Append("</td>")
                .Append("<td>").Append(hidden ? "(with the ombudsman)" : E(c.Details.Customer.Name ?? c.Details.Customer.Email)).Append("</td>")
                .Append("<td>").Append(E(c.Details.Customer.Country.ToString())).Append("</td>")
                .Append("<td>").Append(E(c.Details.Category.ToWire())).Append("</td>")
                .Append("<td>").Append(E(row.AssignedTo is { } a && row.Owner == "customer-service team" ? a : row.Owner ?? "—")).Append("</td>")
                .Append("<td>").Append(row.MailFailed ? "<span class=\"overdue\">failed</span>" : "ok").Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (ordered.Count > page * PageSize)
        {
            var next = new Dictionary<string, string?> { ["q"] = search, ["stage"] = stageText, ["overdue"] = onlyOverdue ? "on" : null, ["mine"] = onlyMine ? "on" : null, ["page"] = (page + 1).ToString(CultureInfo.InvariantCulture) };
            html.Append("<p><a rel=\"next\" href=\"").Append(E(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Home, next.Where(p => p.Value is { Length: > 0 })))).Append("\">Next page</a></p>");
        }

        return Render(StatusCodes.Status200OK, "Worklist", person, html.ToString());
    }

    [Function("ConsoleCase")]
    public async Task<IActionResult> Case(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/cases/{caseNumber}")] HttpRequest request,
        string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ViewCaseAsync(request, caseNumber, (person, row) =>
        {
            var done = request.Query["done"].ToString();
            var keep = PreparedAnswer(request, row.Complaint);
            return CasePageAsync(person, row, StatusCodes.Status200OK, done.Length > 0 ? DoneTitle(done) : null, null, request.HttpContext.RequestAborted, keep);
        });
    }

    /// <summary>The common start of a page of a case: signed in (else off to sign in), and allowed to see it.</summary>
    async Task<IActionResult> ViewCaseAsync(HttpRequest request, string caseNumber, Func<StaffPerson, CaseOnTheList, Task<ContentResult>> show)
    {
        if (Person(request) is not { } person)
        {
            return SignInFirst(request);
        }

        var (refusal, row) = await OpenAsync(person, caseNumber, request.HttpContext.RequestAborted);
        return refusal ?? await show(person, row!);
    }

    [Function("ConsoleTakeStep")]
    public async Task<IActionResult> TakeStep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/cases/{caseNumber}/steps/{step}")] HttpRequest request,
        string caseNumber,
        string step,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        return await OnCaseAsync(request, caseNumber, step, (person, row, form, shownFor, cancel) => TakeStepAsync(person, row, form, shownFor, durable, cancel));
    }

    async Task<IActionResult> TakeStepAsync(StaffPerson person, CaseOnTheList row, IFormCollection form, ConsoleForm shownFor, DurableTaskClient durable, CancellationToken cancel)
    {
        var complaint = row.Complaint;
        if (ActionStepCatalogue.Find(shownFor.Step).Step is not { } actionStep)
        {
            return Message(StatusCodes.Status404NotFound, "No such step", "The console has no such step.", person: person);
        }

        if (actionStep.Roles.FirstOrDefault(person.Has) is not { } role)
        {
            return Message(StatusCodes.Status403Forbidden, "Not your step", $"Only the {string.Join(" or ", actionStep.Roles.Select(RoleName))} takes this step.", person: person);
        }

        var press = new StepPress(StepDoor.Console, complaint.CaseNumber, shownFor.PressId, actionStep, person.ActorAs(role));
        if (await usedPresses.FindUseAsync(shownFor.PressId, cancel) is { } use)
        {
            // This very form was posted before (a double click, a retry): finish it if it was cut short, else show what it did.
            if (!use.Done && use.UsedBy == press.Actor && use.Intent is not null)
            {
                await steps.FinishCutShortAsync(press, complaint, use, durable, cancel);
            }

            return Done(complaint.CaseNumber, actionStep);
        }

        var offered = CaseAccess.StepsOffered(person, row, ReopenUntil());
        if (!offered.Any(o => o.Step.Step == actionStep.Step))
        {
            var why = ActionStepCatalogue.RefusalFor(actionStep, complaint) ?? $"the case is now {complaint.Stage.Describe()}, with {row.Owner}";
            return await CasePageAsync(person, row, StatusCodes.Status409Conflict, null, $"Not done: this step is not possible now ({why}).", cancel);
        }

        var trail = await auditTrail.ReadAsync(complaint.CaseNumber, cancel);
        var conversation = trail.Where(CaseAccess.IsConversation).ToList();
        if (conversation.Count > shownFor.Seen)
        {
            // Someone wrote on the case since this form was shown: nothing is sent blind. The page shows what is new, with what this person wrote kept.
            var news = conversation.Skip(shownFor.Seen).Select(e => $"{e.Actor}: {e.Summary}");
            return await CasePageAsync(person, row, StatusCodes.Status409Conflict, null,
                "Not sent: the case changed while you wrote. Read what is new, then send again if it still fits. New: " + string.Join(" · ", news), cancel, (actionStep.Step, form));
        }

        var (fixedChoice, unfit) = await ChoiceOfAsync(actionStep, complaint, form, cancel);
        if (unfit is not null)
        {
            return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, unfit, cancel, (actionStep.Step, form));
        }

        var outcome = await steps.TakeAsync(press with { FixedChoice = fixedChoice }, complaint, form, durable, "Write the text first.", cancel);
        return outcome switch
        {
            PressOutcome.NeedsInput needs => await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, needs.Error, cancel, (actionStep.Step, form)),
            _ => Done(complaint.CaseNumber, actionStep),
        };
    }

    /// <summary>
    /// What a console-only step chose, in its wire form, from the form's own fields (a correction's three, a merge's
    /// case number), checked here so the case is given only what it can take; or what is wrong with the form.
    /// </summary>
    async Task<(string? Choice, string? Problem)> ChoiceOfAsync(ActionStep step, Complaint complaint, IFormCollection form, CancellationToken cancel)
    {
        var details = complaint.Details;
        switch (step.Step)
        {
            case CaseInputKinds.AgentCorrect:
            {
                if (!ComplaintCategoryNames.TryParse(form["category"].ToString(), out var category)
                    || !Enum.GetNames<Country>().Contains(form["country"].ToString(), StringComparer.Ordinal)
                    || !Domain.Intake.ComplaintSubmissionRules.Languages.Contains(form["language"].ToString()))
                {
                    return (null, "Choose a category, a country and a language from the lists.");
                }

                var country = Enum.Parse<Country>(form["country"].ToString());
                var language = form["language"].ToString();
                if (category == details.Category && country == details.Customer.Country && language == details.Customer.Language && details.CategorySource == CategorySource.Chosen)
                {
                    return (null, "Nothing to correct: that is what the case is already.");
                }

                return (Workflow.Process.FactsCorrected.ToChoice(category, country, language), null);
            }

            case CaseInputKinds.AgentMerge:
            {
                var into = form["into"].ToString().Trim();
                if (!CaseNumber.TryParse(into, out var other))
                {
                    return (null, "Write the number of the case to merge into: K-dddd-dddd-ddd.");
                }

                if (other == complaint.CaseNumber)
                {
                    return (null, "A case is not merged into itself: write the number of the customer's other case.");
                }

                if (await complaints.FindAsync(other, cancel) is not { } found)
                {
                    return (null, $"There is no case {other.Value}.");
                }

                if (found.Complaint.Stage is not (CaseStage.CustomerService or CaseStage.WaitingForCustomer or CaseStage.FinalAnswer))
                {
                    return (null, $"Case {other.Value} is {found.Complaint.Stage.Describe()}; a duplicate is merged into a case customer service still handles.");
                }

                return (other.Value, null);
            }

            default:
                return (null, null);
        }
    }

    (DateTimeOffset Now, TimeSpan Within) ReopenUntil() => (time.GetUtcNow(), options.Value.ReopenWithin);

    /// <summary>The mail the customer would get from this form, as they would get it; nothing is sent and the form stays as written.</summary>
    [Function("ConsolePreviewMail")]
    public async Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/cases/{caseNumber}/preview/{step}")] HttpRequest request,
        string caseNumber,
        string step)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = step switch
        {
            CaseInputKinds.AgentAnswer => MailKind.AgentAnswer,
            CaseInputKinds.AgentAsk => MailKind.AgentQuestion,
            CaseInputKinds.AgentFinal => MailKind.FinalAnswer,
            _ => (MailKind?)null,
        };
        return await OnCaseAsync(request, caseNumber, step, async (person, row, form, shownFor, cancel) =>
        {
            if (kind is not { } mailKind)
            {
                return Message(StatusCodes.Status404NotFound, "No preview", "This step sends no mail of its own to preview.", person: person);
            }

            var complaint = row.Complaint;
            decimal? amount = null;
            if (form["amount"].ToString() is { Length: > 0 } amountText)
            {
                var reading = AmountParser.Read(amountText, CaseCurrency.For(complaint.Details.Customer.Country));
                if (reading.Error is { } error)
                {
                    return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, error, cancel, (step, form));
                }

                amount = reading.Amount;
            }

            // The dates the mail gives, from today's settings (the case's own are frozen when it opened; they are the same unless the settings changed since).
            var now = time.GetUtcNow();
            var deadline = now + (mailKind == MailKind.AgentQuestion ? customerService.Value.WaitingForCustomerWindow : customerService.Value.CustomerReplyWindow);
            var order = new CaseMailOrder(complaint.CaseNumber.Value, mailKind, 0, now.UtcDateTime,
                mailKind == MailKind.FinalAnswer
                    ? [new LinkOrder("acceptUrl", CaseInputKinds.CustomerAccept, "customer", Guid.Empty, now.UtcDateTime), new LinkOrder("ombudsmanUrl", CaseInputKinds.CustomerOmbudsman, "customer", Guid.Empty, now.UtcDateTime)]
                    : [],
                new Dictionary<string, DateTime> { ["deadline"] = deadline.UtcDateTime },
                Amount: amount);
            var mail = await mails.ComposeAsync(complaint, order, new MailPreview(form["text"].ToString().Trim(), "[button link, made when the mail is sent]"));
            return await CasePageAsync(person, row, StatusCodes.Status200OK, null, null, cancel, (step, form), mail);
        });
    }

    /// <summary>
    /// An attachment of the case, through the app with the viewer's rights (never a storage address): images
    /// and PDFs open in the browser, everything else downloads, and nothing a customer sent runs as our page.
    /// </summary>
    [Function("ConsoleAttachment")]
    public async Task<IActionResult> Attachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/cases/{caseNumber}/attachments/{mail}/{file}")] HttpRequest request,
        string caseNumber,
        string mail,
        string file)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Person(request) is not { } person)
        {
            return SignInFirst(request);
        }

        var (refusal, row) = await OpenAsync(person, caseNumber, request.HttpContext.RequestAborted);
        if (refusal is not null || await attachments.OpenAsync(row!.Complaint.CaseNumber, mail, file, request.HttpContext.RequestAborted) is not { } found)
        {
            return refusal ?? Message(StatusCodes.Status404NotFound, "No such attachment", "The case has no attachment by that name.", person: person);
        }

        var shownInline = found.ContentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp" or "application/pdf";
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
        headers.CacheControl = "private, no-store";
        return new FileStreamResult(found.Content, shownInline ? found.ContentType : "application/octet-stream")
        {
            FileDownloadName = shownInline ? null : file,
        };
    }

    [Function("ConsoleAddNote")]
    public async Task<IActionResult> AddNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/cases/{caseNumber}/notes")] HttpRequest request,
        string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await OnCaseAsync(request, caseNumber, "note", async (person, row, form, shownFor, cancel) =>
        {
            var text = form["text"].ToString().Trim();
            if (text.Length == 0 || text.Length > options.Value.MaxTextLength)
            {
                return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, text.Length == 0 ? "Write the note first." : $"A note holds up to {options.Value.MaxTextLength} characters.", cancel, ("note", form));
            }

            // The note's id and time are its form's press: posting the same form again keeps one note. Never mailed, never in a case file for an outside body.
            var at = await PressedAtAsync(person, row.Complaint.CaseNumber, shownFor, cancel);
            await auditTrail.AppendAsync(new CaseEvent(row.Complaint.CaseNumber, $"note-{shownFor.PressId:N}", at, "internal-note", Actor(person), "console", text), cancel);
            return See(row.Complaint.CaseNumber, "note");
        });
    }

    [Function("ConsoleAssign")]
    public async Task<IActionResult> Assign(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/cases/{caseNumber}/assign")] HttpRequest request,
        string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await OnCaseAsync(request, caseNumber, "assign", async (person, row, form, shownFor, cancel) =>
        {
            var to = form["to"].ToString().Trim();
            to = to.Length == 0 || form["me"].ToString() == "on" ? person.Name : string.Concat(to.Where(c => !char.IsControl(c)));
            if (to.Length > 100)
            {
                return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, "A name holds up to 100 characters.", cancel);
            }

            var number = row.Complaint.CaseNumber;
            var at = await PressedAtAsync(person, number, shownFor, cancel);
            await auditTrail.AppendAsync(new CaseEvent(number, $"assign-{shownFor.PressId:N}", at, "assigned", Actor(person), "console",
                row.AssignedTo is { } before ? $"Reassigned from {before} to {to}." : $"Assigned to {to}."), cancel);
            await complaints.AssignAsync(number, to, cancel);
            return See(number, "assign");
        });
    }

    /// <summary>The common start of a post on a case that is not a process step: signed in, allowed, a form shown to this person.</summary>
    async Task<IActionResult> OnCaseAsync(HttpRequest request, string caseNumber, string kind, Func<StaffPerson, CaseOnTheList, IFormCollection, ConsoleForm, CancellationToken, Task<IActionResult>> act)
    {
        var cancel = request.HttpContext.RequestAborted;
        if (Person(request) is not { } person)
        {
            return Message(StatusCodes.Status401Unauthorized, "Signed out", "Your sign-in has ended, so nothing was done. Sign in again.", signInLink: true);
        }

        var (refusal, row) = await OpenAsync(person, caseNumber, cancel);
        if (refusal is not null)
        {
            return refusal;
        }

        var (form, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, cancel);
        if (unreadable is not null || form is null)
        {
            return Message(unreadable?.Status ?? StatusCodes.Status400BadRequest, unreadable?.Title ?? "Nothing was sent", (unreadable?.Detail ?? "The form was empty.") + " Nothing was done.", person: person);
        }

        if (forms.Read(form["form"].ToString(), person, row!.Complaint.CaseNumber) is not { } shownFor || shownFor.Step != kind)
        {
            return Message(StatusCodes.Status400BadRequest, "Form not valid", "This form was not shown to you for this case, or it is more than 12 hours old. Open the case again.", person: person);
        }

        using var scope = logger.BeginCaseScope(row.Complaint.CaseNumber);
        return await act(person, row, form, shownFor, cancel);
    }

    /// <summary>When this form was first posted: the first post records it, a repeat finds it, so a repeat writes the very same trail line.</summary>
    async Task<DateTimeOffset> PressedAtAsync(StaffPerson person, CaseNumber number, ConsoleForm shownFor, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        if (await usedPresses.TryUseAsync(shownFor.PressId, number, Actor(person), now, cancel))
        {
            return now;
        }

        return (await usedPresses.FindUseAsync(shownFor.PressId, cancel))?.UsedAt ?? now;
    }

    /// <summary>The case as the list shows it, read from the case itself (its line on the open-case list is kept in step: a line a crash left behind heals here), or the page saying why not (no such case; the ombudsman's alone, with the attempt on the trail).</summary>
    async Task<(IActionResult? Refusal, CaseOnTheList? Row)> OpenAsync(StaffPerson person, string caseNumber, CancellationToken cancel)
    {
        if (!CaseNumber.TryParse(caseNumber, out var number) || await complaints.FindOnTheListAsync(number, time.GetUtcNow(), keepLine: true, cancel) is not { } row)
        {
            return (Message(StatusCodes.Status404NotFound, "No such case", $"There is no case {caseNumber}. Check the number: K-dddd-dddd-ddd.", person: person), null);
        }

        if (CaseAccess.Refusal(person, row.Complaint) is { } why)
        {
            var now = time.GetUtcNow();
            await auditTrail.AppendAsync(
                new CaseEvent(number, $"console-refused-{now.ToUnixTimeMilliseconds()}", now, "access-refused", Actor(person), "console",
                    $"{person.Name} ({string.Join(", ", person.Roles.Select(RoleName))}) tried to open the case while the ombudsman reviews it; refused."),
                cancel);
            logger.LogWarning("Console access refused while the ombudsman reviews the case");
            return (Message(StatusCodes.Status403Forbidden, "With the customer ombudsman", why, person: person), null);
        }

        return (null, row);
    }

    async Task<ContentResult> CasePageAsync(StaffPerson person, CaseOnTheList row, int status, string? done, string? problem, CancellationToken cancel, (string Kind, IFormCollection Values)? keep = null, ComposedMail? preview = null)
    {
        var complaint = row.Complaint;
        var number = complaint.CaseNumber;
        var trail = await auditTrail.ReadAsync(number, cancel);
        var allTexts = await texts.ListAsync(number, cancel);
        var seen = trail.Count(CaseAccess.IsConversation);
        var details = complaint.Details;
        var html = new StringBuilder();
        if (done is not null)
        {
            html.Append("<p class=\"done\" id=\"done\" role=\"status\">Done: ").Append(E(done)).Append(". The trail shows it; the stage moves on once the case has taken it (a moment).</p>");
        }

        if (problem is not null)
        {
            html.Append("<p class=\"error\" id=\"problem\" role=\"alert\">").Append(E(problem)).Append("</p>");
        }

        html.Append("<p class=\"case\" id=\"case-number\">").Append(E(number.Value)).Append("</p>")
            .Append("<p><b>Stage:</b> <span id=\"stage\">").Append(E(complaint.Stage.Describe())).Append("</span> · <b>With:</b> ").Append(E(row.Owner ?? "—"))
            .Append(" · <b>Assigned to:</b> <span id=\"assigned\">").Append(E(row.AssignedTo ?? "nobody yet")).Append("</span>")
            .Append(" · <b>Due:</b> ").Append(row.DueAt is { } due ? E(Local(due)) : "—").Append(row.Overdue ? " <span class=\"overdue\">(overdue)</span>" : string.Empty)
            .Append(row.MailFailed ? " · <span class=\"overdue\">a mail failed</span>" : string.Empty).Append("</p>");
        html.Append(Timeline(complaint.Stage));
        html.Append("<h2>Customer</h2><table><tbody>")
            .Append(Row("Name", details.Customer.Name)).Append(Row("E-mail", details.Customer.Email)).Append(Row("Phone", details.Customer.Phone))
            .Append(Row("Country", details.Customer.Country.ToString())).Append(Row("Language", details.Customer.Language))
            .Append(Row("Category", details.Category.ToWire() + (details.CategorySource == CategorySource.Chosen ? string.Empty : " (suggested from the text)")))
            .Append(Row("Order", details.Purchase.OrderNumber)).Append(Row("Product", details.Purchase.Product)).Append(Row("Manufacturer", details.Purchase.Manufacturer))
            .Append(Row("Delivered", details.Purchase.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Append(Row("Channel", complaint.Channel.ToWire())).Append(Row("Opened", Local(complaint.OpenedAt)))
            .Append("</tbody></table>");

        // What triage checks for the case today (deadlines, the category's rules), as the team's first mail gives them, in the staff language.
        var staffLanguage = staff.Value.Language;
        html.Append("<h2>Checks</h2><pre id=\"checks\" lang=\"").Append(E(staffLanguage)).Append("\" style=\"white-space:pre-wrap;font:inherit\">")
            .Append(E(triage.Assess(details, staffLanguage).Checks)).Append("</pre>");

        var kept = await attachments.ListAsync(number, cancel);
        if (kept.Count > 0)
        {
            html.Append("<h2>Attachments</h2><ul id=\"attachments\">");
            foreach (var a in kept)
            {
                html.Append("<li><a href=\"").Append(CasePath(number)).Append("/attachments/").Append(Uri.EscapeDataString(a.Mail)).Append('/').Append(Uri.EscapeDataString(a.File)).Append("\">")
                    .Append(E(a.File)).Append("</a> <span class=\"meta\">").Append(E(a.ContentType)).Append(", ").Append((a.Size / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)).Append(" KB</span></li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>Conversation</h2><div class=\"thread\" id=\"thread\">");
        html.Append("<article class=\"theirs\"><p class=\"meta\">").Append(E(Local(complaint.OpenedAt))).Append(" · the customer · the complaint</p><p>")
            .Append(Lines(details.Description)).Append("</p></article>");
        var showNotes = CaseAccess.SeesOmbudsmanNotes(person);
        var thread = allTexts
            .Where(t => showNotes || t.Kind != "ombudsman-note")
            .Select(t => (t.At, Html: TextItem(t)))
            .Concat(trail.Where(e => e.Kind is "internal-note" or "mail-sent" or "assigned").Select(e => (At: e.OccurredAt, Html: Line(e))))
            .OrderBy(x => x.At);
        foreach (var (_, item) in thread)
        {
            html.Append(item);
        }

        html.Append("</div>");

        html.Append("<h2>What you can do</h2>");
        var offered = CaseAccess.StepsOffered(person, row, ReopenUntil());
        if (offered.Count == 0)
        {
            html.Append("<p id=\"no-steps\">No step of the process is yours to take on this case now.</p>");
        }

        foreach (var (step, _) in offered)
        {
            var values = keep is { } k && k.Kind == step.Step ? k.Values : null;
            html.Append(StepForm(person, complaint, step, seen, values, allTexts, values is not null ? preview : null));
        }

        html.Append(NoteForm(person, number, seen, keep is { Kind: "note" } n ? n.Values : null))
            .Append(AssignForm(person, number, seen));

        html.Append("<details><summary>The whole trail (").Append(trail.Count).Append(" lines)</summary><table id=\"trail\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">What</th></tr></thead><tbody>");
        foreach (var line in trail)
        {
            html.Append("<tr><td>").Append(E(Local(line.OccurredAt))).Append("</td><td>").Append(E(line.Actor)).Append("</td><td>").Append(E(line.Kind)).Append(": ").Append(E(line.Summary)).Append("</td></tr>");
        }

        html.Append("</tbody></table></details>");
        return Render(status, $"Case {number.Value}", person, html.ToString());

        string TextItem(CaseText text)
        {
            var css = text.Kind is "customer-reply" or "customer-replied" or "customer-ombudsman" or "manufacturer-help" ? "theirs" : text.Kind == "ombudsman-note" ? "note" : "ours";
            var amount = text.Amount is { } a ? $" · amount {AmountFormat.Format(a, CaseCurrency.For(details.Customer.Country), "en")}" : string.Empty;
            return $"<article class=\"{css}\"><p class=\"meta\">{E(Local(text.At))} · {E(text.Author)} · {E(ActionStepCatalogue.Find(text.Kind).Step?.Title ?? text.Kind)}{E(amount)}</p><p>{Lines(text.Text)}</p></article>";
        }
    }

    string StepForm(StaffPerson person, Complaint complaint, ActionStep step, int seen, IFormCollection? values, IReadOnlyList<CaseText> allTexts, ComposedMail? preview)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, complaint.CaseNumber, step.Step, Guid.NewGuid(), seen));
        var id = step.Step;
        var mails = id is CaseInputKinds.AgentAnswer or CaseInputKinds.AgentAsk or CaseInputKinds.AgentFinal;
        var html = new StringBuilder("<details class=\"step\" id=\"step-").Append(id).Append('"').Append(values is not null ? " open" : string.Empty).Append("><summary>").Append(E(step.Title)).Append("</summary>")
            .Append("<p class=\"hint\">").Append(E(step.Explanation)).Append("</p>");
        if (step.Step is CaseInputKinds.LeadApprove or CaseInputKinds.LeadSendBack && allTexts.LastOrDefault(t => t.Kind == CaseInputKinds.AgentFinal) is { } final)
        {
            // What the lead approves: the answer as written and the amount, in the case's currency.
            html.Append("<div class=\"ours\" id=\"").Append(id).Append("-answer\"><p class=\"meta\">The final answer from ").Append(E(final.Author)).Append(" · amount ")
                .Append(final.Amount is { } a ? E(AmountFormat.Format(a, CaseCurrency.For(complaint.Details.Customer.Country), "en")) : "none").Append("</p><p>").Append(Lines(final.Text)).Append("</p></div>");
        }

        if (preview is not null)
        {
            // The mail as the customer gets it: greeting, text, links and signature.
            html.Append("<section class=\"ours\" id=\"").Append(id).Append("-preview\" aria-label=\"Preview of the mail\"><p class=\"meta\">Preview, not sent · to ").Append(E(preview.To)).Append(" · ").Append(E(preview.Language))
                .Append("</p><p><b>").Append(E(preview.Subject)).Append("</b></p><pre style=\"white-space:pre-wrap;font:inherit\">").Append(E(preview.Body.Text)).Append("</pre></section>");
        }

        html.Append("<form method=\"post\" action=\"").Append(CasePath(complaint.CaseNumber)).Append("/steps/").Append(E(id)).Append("\"><input type=\"hidden\" name=\"form\" value=\"").Append(E(token)).Append("\">")
            .Append("<input type=\"hidden\" name=\"step\" value=\"").Append(E(id)).Append("\">");
        if (mails && canned.For(id).ToList() is { Count: > 0 } prepared)
        {
            html.Append("<label for=\"").Append(id).Append("-canned\">Start from a prepared answer (in the customer's language, without greeting or signature: the mail adds them)</label><select id=\"").Append(id).Append("-canned\" name=\"canned\">");
            foreach (var answer in prepared)
            {
                html.Append("<option value=\"").Append(E(answer.Id)).Append("\">").Append(E(answer.TitleIn("en"))).Append("</option>");
            }

            html.Append("</select> <button type=\"submit\" formnovalidate formmethod=\"get\" formaction=\"").Append(CasePath(complaint.CaseNumber)).Append("\" id=\"").Append(id).Append("-use-canned\">Put it in the text</button>");
        }

        if (id == CaseInputKinds.AgentCorrect)
        {
            html.Append(Select(id, "category", "Category", ComplaintCategoryNames.All.Select(c => (c.ToWire(), c.ToWire())), values?["category"].ToString() ?? complaint.Details.Category.ToWire()))
                .Append(Select(id, "country", "Country", Enum.GetNames<Country>().Select(c => (c, c)), values?["country"].ToString() ?? complaint.Details.Customer.Country.ToString()))
                .Append(Select(id, "language", "Language of the customer's mails", Domain.Intake.ComplaintSubmissionRules.Languages.Select(l => (l, l)), values?["language"].ToString() ?? complaint.Details.Customer.Language));
        }

        if (id == CaseInputKinds.AgentMerge)
        {
            html.Append("<label for=\"").Append(id).Append("-into\">The customer's other case, that this one is a duplicate of (K-dddd-dddd-ddd)</label><input id=\"").Append(id)
                .Append("-into\" name=\"into\" required value=\"").Append(E(values?["into"].ToString())).Append("\">");
        }

        if (step.Text != TextField.None)
        {
            html.Append("<label for=\"").Append(id).Append("-text\">").Append(E(step.TextLabel ?? (step.Text == TextField.Required ? "Text" : "Comment (optional)"))).Append("</label>")
                .Append("<textarea id=\"").Append(id).Append("-text\" name=\"text\" rows=\"6\"").Append(step.Text == TextField.Required ? " required" : string.Empty).Append('>').Append(E(values?["text"].ToString())).Append("</textarea>");
        }

        if (step.Choices is { Count: > 0 } choices)
        {
            html.Append("<fieldset><legend>Decision</legend>");
            foreach (var (value, label) in choices)
            {
                html.Append("<div><input type=\"radio\" style=\"width:auto\" name=\"choice\" id=\"").Append(id).Append("-choice-").Append(value).Append("\" value=\"").Append(value).Append('"')
                    .Append(values?["choice"].ToString() == value ? " checked" : string.Empty).Append("> <label style=\"display:inline;font-weight:400\" for=\"").Append(id).Append("-choice-").Append(value).Append("\">").Append(E(label)).Append("</label></div>");
            }

            html.Append("</fieldset>");
        }

        if (step.AmountLabel is { } amountLabel)
        {
            html.Append("<label for=\"").Append(id).Append("-amount\">").Append(E($"{amountLabel}, in {CaseCurrency.For(complaint.Details.Customer.Country)}")).Append("</label>")
                .Append("<input id=\"").Append(id).Append("-amount\" name=\"amount\" inputmode=\"decimal\" value=\"").Append(E(values?["amount"].ToString())).Append("\">");
        }

        if (step.NoteLabel is { } noteLabel)
        {
            html.Append("<label for=\"").Append(id).Append("-note\">").Append(E(noteLabel)).Append("</label><textarea id=\"").Append(id).Append("-note\" name=\"note\" rows=\"3\">").Append(E(values?["note"].ToString())).Append("</textarea>");
        }

        if (step.FlagLabel is { } flagLabel)
        {
            html.Append("<div><input type=\"checkbox\" style=\"width:auto\" id=\"").Append(id).Append("-flag\" name=\"flag\"> <label style=\"display:inline;font-weight:400\" for=\"").Append(id).Append("-flag\">").Append(E(flagLabel)).Append("</label></div>");
        }

        if (mails)
        {
            html.Append("<button type=\"submit\" formnovalidate formaction=\"").Append(CasePath(complaint.CaseNumber)).Append("/preview/").Append(E(id)).Append("\" id=\"").Append(id).Append("-preview-button\">Preview the mail</button> ");
        }

        return html.Append("<button type=\"submit\" id=\"").Append(id).Append("-submit\">").Append(E(step.Button)).Append("</button></form></details>").ToString();
    }

    string NoteForm(StaffPerson person, CaseNumber number, int seen, IFormCollection? values)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, number, "note", Guid.NewGuid(), seen));
        return $"<details id=\"add-note\"{(values is not null ? " open" : string.Empty)}><summary>Add an internal note</summary><p class=\"hint\">For the team only: never mailed, never in a case file sent to an outside body.</p>" +
            $"<form method=\"post\" action=\"{CasePath(number)}/notes\"><input type=\"hidden\" name=\"form\" value=\"{E(token)}\"><label for=\"note-text\">The note</label><textarea id=\"note-text\" name=\"text\" rows=\"3\" required>{E(values?["text"].ToString())}</textarea><button type=\"submit\" id=\"note-submit\">Add the note</button></form></details>";
    }

    string AssignForm(StaffPerson person, CaseNumber number, int seen)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, number, "assign", Guid.NewGuid(), seen));
        return $"<details id=\"assign\"><summary>Assign</summary><form method=\"post\" action=\"{CasePath(number)}/assign\"><input type=\"hidden\" name=\"form\" value=\"{E(token)}\">" +
            $"<label for=\"assign-to\">Give the case to (a colleague's name; empty: to you)</label><input id=\"assign-to\" name=\"to\" maxlength=\"100\"><button type=\"submit\" id=\"assign-submit\">Assign</button></form></details>";
    }

    /// <summary>The stages as a row of boxes, the current one filled: where the case is, at a glance.</summary>
    static string Timeline(CaseStage current)
    {
        var stages = new[] { CaseStage.CustomerService, CaseStage.WaitingForCustomer, CaseStage.FinalAnswer, CaseStage.OmbudsmanReview, CaseStage.ExternalBody, CaseStage.Closed };
        var labels = new[] { "Customer service", "Waiting for customer", "Final answer", "Ombudsman", "External body", "Closed" };
        var svg = new StringBuilder("<svg id=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title\" viewBox=\"0 0 900 60\" width=\"100%\" height=\"60\"><title id=\"timeline-title\">The case is ")
            .Append(E(current.Describe())).Append("</title>");
        for (var i = 0; i < stages.Length; i++)
        {
            var x = i * 150;
            var here = stages[i] == current;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 4}\" y=\"10\" width=\"138\" height=\"40\" rx=\"6\" fill=\"{(here ? "#1f5fa8" : "#ffffff")}\" stroke=\"#1f5fa8\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 73}\" y=\"35\" text-anchor=\"middle\" font-size=\"13\" fill=\"{(here ? "#ffffff" : "#1a1a1a")}\">{labels[i]}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A prepared answer put in a step's text (the form's "Put it in the text", a GET): the form as it was, with the text replaced.</summary>
    (string Kind, IFormCollection Values)? PreparedAnswer(HttpRequest request, Complaint complaint)
    {
        var step = request.Query["step"].ToString();
        if (request.Query["canned"].ToString() is not { Length: > 0 } id || canned.TextFor(id, complaint.Details.Customer.Language) is not { } text)
        {
            return null;
        }

        var fields = request.Query.ToDictionary(q => q.Key, q => q.Value);
        fields["text"] = text;
        return (step, new FormCollection(fields));
    }

    StaffPerson? Person(HttpRequest request) => sessions.Read(request) is { Roles.Count: > 0 } person ? person : null;

    static string Actor(StaffPerson person) => person.ActorAs(person.Roles[0]);

    static RedirectResult Done(CaseNumber number, ActionStep step) => See(number, step.Step);

    static string DoneTitle(string done) => done switch
    {
        "review-attached" => "the mail from the review list is on the case as the customer's reply",
        "review-opened" => "the mail from the review list opened this case",
        "note" => "the note is on the case",
        "assign" => "the case is assigned",
        _ => ActionStepCatalogue.Find(done).Step?.Title ?? done,
    };

    /// <summary>After a post, the case page by GET (so a reload does not post again).</summary>
    static RedirectResult See(CaseNumber number, string done) => new RedirectResult($"{CasePath(number)}?done={Uri.EscapeDataString(done)}", permanent: false);

    static string CasePath(CaseNumber number) => $"{Home}/cases/{number.Value}";

    static bool Matches(CaseOnTheList row, string search, StaffPerson person)
    {
        if (search.Length == 0)
        {
            return true;
        }

        var c = row.Complaint;
        if (c.CaseNumber.Value.Contains(search, StringComparison.OrdinalIgnoreCase) || new string(c.CaseNumber.Value.Where(char.IsDigit).ToArray()) == new string(search.Where(char.IsDigit).ToArray()))
        {
            return true;
        }

        // The ombudsman's cases are not searched by who the customer is, for anyone but the ombudsman.
        if (CaseAccess.Refusal(person, c) is not null)
        {
            return false;
        }

        var d = c.Details;
        var digits = new string(search.Where(char.IsDigit).ToArray());
        return (d.Customer.Name?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
            || d.Customer.Email.Contains(search, StringComparison.OrdinalIgnoreCase)
            || (digits.Length >= 4 && d.Customer.Phone is { } phone && new string(phone.Where(char.IsDigit).ToArray()).Contains(digits, StringComparison.Ordinal))
            || (d.Purchase.OrderNumber?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    TimeZoneInfo Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(pipeline.Value.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    string Local(DateTimeOffset at) => ConsolePages.Local(at, pipeline.Value.TimeZone);

    static string Select(string step, string name, string label, IEnumerable<(string Value, string Label)> options, string? selected)
    {
        var html = new StringBuilder("<label for=\"").Append(step).Append('-').Append(name).Append("\">").Append(E(label)).Append("</label><select id=\"").Append(step).Append('-').Append(name).Append("\" name=\"").Append(name).Append("\">");
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(E(value)).Append('"').Append(value == selected ? " selected" : string.Empty).Append('>').Append(E(text)).Append("</option>");
        }

        return html.Append("</select>").ToString();
    }

    static string Row(string label, string? value) => $"<tr><th scope=\"row\">{E(label)}</th><td>{E(value ?? "—")}</td></tr>";

    static string Lines(string text) => E(text).Replace("\n", "<br>", StringComparison.Ordinal);

    string Line(CaseEvent e)
    {
        var (css, what) = e.Kind switch
        {
            "internal-note" => ("note", "internal note"),
            "assigned" => ("ours", "assignment"),
            _ => ("ours", "mail sent"),
        };
        return $"<article class=\"{css}\"><p class=\"meta\">{E(Local(e.OccurredAt))} · {E(e.Actor)} · {what}</p><p>{Lines(e.Summary)}</p></article>";
    }
}
