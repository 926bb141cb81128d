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
    Privacy.CaseEraser eraser,
    IOptions<ConsoleOptions> options,
    IOptions<CustomerServiceOptions> customerService,
    IOptions<PipelineOptions> pipeline,
    IOptions<StaffOptions> staff,
    TimeProvider time,
    ILogger<ConsoleFunctions> logger)
{
    const int PageSize = 50;

    /// <summary>The console's words, in the staff language.</summary>
    ConsoleTexts T => ConsoleTexts.For(staff.Value.Language);

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
        var t = T;
        html.Append("<form class=\"filters\" method=\"get\" role=\"search\"><label for=\"q\">").Append(E(t.SearchLabel)).Append("</label>")
            .Append("<input id=\"q\" name=\"q\" value=\"").Append(E(search)).Append("\"> ")
            .Append("<label for=\"stage\">").Append(E(t.StageLabel)).Append("</label><select id=\"stage\" name=\"stage\"><option value=\"\">").Append(E(t.AllOpen)).Append("</option>");
        foreach (var candidate in CaseStageNames.All.Where(c => c != CaseStage.Closed))
        {
            html.Append("<option value=\"").Append(candidate.ToWire()).Append('"').Append(candidate == stage ? " selected" : string.Empty).Append('>').Append(E(t.StageName(candidate))).Append("</option>");
        }

        html.Append("</select> <input type=\"checkbox\" id=\"overdue\" name=\"overdue\"").Append(onlyOverdue ? " checked" : string.Empty).Append("> <label style=\"display:inline\" for=\"overdue\">").Append(E(t.OverdueOnly)).Append("</label>")
            .Append(" <input type=\"checkbox\" id=\"mine\" name=\"mine\"").Append(onlyMine ? " checked" : string.Empty).Append("> <label style=\"display:inline\" for=\"mine\">").Append(E(t.MineOnly)).Append("</label>")
            .Append(" <button type=\"submit\">").Append(E(t.Show)).Append("</button></form>");
        html.Append("<p id=\"count\">").Append(E(ordered.Count == 1 ? t.OneOpenCase : F(t.OpenCases, ("count", ordered.Count)))).Append(" · ").Append(E(F(t.TimesIn, ("zone", Zone().Id)))).Append("</p>");
        html.Append("<table id=\"worklist\"><caption class=\"hint\">").Append(E(t.WorklistCaption)).Append("</caption><thead><tr>");
        foreach (var column in t.WorklistColumns)
        {
            html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in shown)
        {
            var c = row.Complaint;
            var hidden = CaseAccess.Refusal(person, c) is not null;
            html.Append("<tr data-case=\"").Append(E(c.CaseNumber.Value)).Append("\"><td><a href=\"").Append(CasePath(c.CaseNumber)).Append("\">").Append(E(c.CaseNumber.Value)).Append("</a></td>")
                .Append("<td").Append(row.Overdue ? " class=\"overdue\"" : string.Empty).Append('>').Append(row.DueAt is { } due ? E(Local(due)) : "—").Append(row.Overdue ? E($" ({t.Overdue})") : string.Empty).Append("</td>")
                .Append("<td>").Append(E(t.StageName(c.Stage))).Append("</td>")
                .Append("<td>").Append(E(hidden ? t.WithTheOmbudsman : c.Details.Customer.Name ?? c.Details.Customer.Email)).Append("</td>")
                .Append("<td>").Append(E(c.Details.Customer.Country.ToString())).Append("</td>")
                .Append("<td>").Append(E(c.Details.Category.StaffName(t.Language))).Append("</td>")
                .Append("<td>").Append(E(row.AssignedTo is { } a && row.Owner == "customer-service team" ? a : t.Owner(row.Owner))).Append("</td>")
                .Append("<td>").Append(row.MailFailed ? $"<span class=\"overdue\">{E(t.MailFailed)}</span>" : E(t.MailOk)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (ordered.Count > page * PageSize)
        {
            var next = new Dictionary<string, string?> { ["q"] = search, ["stage"] = stageText, ["overdue"] = onlyOverdue ? "on" : null, ["mine"] = onlyMine ? "on" : null, ["page"] = (page + 1).ToString(CultureInfo.InvariantCulture) };
            html.Append("<p><a rel=\"next\" href=\"").Append(E(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Home, next.Where(p => p.Value is { Length: > 0 })))).Append("\">").Append(E(t.NextPage)).Append("</a></p>");
        }

        return Render(StatusCodes.Status200OK, t.Worklist, person, html.ToString(), t);
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
            return Message(T, StatusCodes.Status404NotFound, T.NoSuchStepTitle, T.NoSuchStep, person: person);
        }

        if (actionStep.Roles.FirstOrDefault(person.Has) is not { } role)
        {
            return Message(T, StatusCodes.Status403Forbidden, T.NotYourStepTitle, F(T.NotYourStep, ("roles", string.Join(" / ", actionStep.Roles.Select(T.RoleName)))), person: person);
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
            var why = ActionStepCatalogue.RefusalFor(actionStep, complaint) ?? $"{T.StageName(complaint.Stage)}, {T.Owner(row.Owner)}";
            return await CasePageAsync(person, row, StatusCodes.Status409Conflict, null, F(T.NotPossibleNow, ("why", why)), cancel);
        }

        var trail = await auditTrail.ReadAsync(complaint.CaseNumber, cancel);
        var conversation = trail.Where(CaseAccess.IsConversation).ToList();
        if (conversation.Count > shownFor.Seen)
        {
            // Someone wrote on the case since this form was shown: nothing is sent blind. The page shows what is new, with what this person wrote kept.
            var news = conversation.Skip(shownFor.Seen).Select(e => $"{e.Actor}: {e.Summary}");
            return await CasePageAsync(person, row, StatusCodes.Status409Conflict, null,
                F(T.CaseChanged, ("news", string.Join(" · ", news))), cancel, (actionStep.Step, form));
        }

        var (fixedChoice, unfit) = await ChoiceOfAsync(actionStep, complaint, form, cancel);
        if (unfit is not null)
        {
            return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, unfit, cancel, (actionStep.Step, form));
        }

        var outcome = await steps.TakeAsync(press with { FixedChoice = fixedChoice }, complaint, form, durable, T.WriteTextFirst, cancel);
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
                    return (null, T.ChooseFromLists);
                }

                var country = Enum.Parse<Country>(form["country"].ToString());
                var language = form["language"].ToString();
                if (category == details.Category && country == details.Customer.Country && language == details.Customer.Language && details.CategorySource == CategorySource.Chosen)
                {
                    return (null, T.NothingToCorrect);
                }

                return (Workflow.Process.FactsCorrected.ToChoice(category, country, language), null);
            }

            case CaseInputKinds.AgentMerge:
            {
                var into = form["into"].ToString().Trim();
                if (!CaseNumber.TryParse(into, out var other))
                {
                    return (null, T.WriteMergeNumber);
                }

                if (other == complaint.CaseNumber)
                {
                    return (null, T.NotIntoItself);
                }

                if (await complaints.FindAsync(other, cancel) is not { } found)
                {
                    return (null, F(T.NoCaseNumbered, ("case", other.Value)));
                }

                if (found.Complaint.Stage is not (CaseStage.CustomerService or CaseStage.WaitingForCustomer or CaseStage.FinalAnswer))
                {
                    return (null, F(T.MergeTargetNotWithTeam, ("case", other.Value), ("stage", T.StageName(found.Complaint.Stage))));
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
                return Message(T, StatusCodes.Status404NotFound, T.NoPreviewTitle, T.NoPreview, person: person);
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
            var mail = await mails.ComposeAsync(complaint, order, new MailPreview(form["text"].ToString().Trim(), T.LinkShownAs));
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
            return refusal ?? Message(T, StatusCodes.Status404NotFound, T.NoAttachmentTitle, T.NoAttachment, person: person);
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
                return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, text.Length == 0 ? T.WriteNoteFirst : F(T.NoteTooLong, ("max", options.Value.MaxTextLength)), cancel, ("note", form));
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
                return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, T.NameTooLong, cancel);
            }

            var number = row.Complaint.CaseNumber;
            var at = await PressedAtAsync(person, number, shownFor, cancel);
            await auditTrail.AppendAsync(new CaseEvent(number, $"assign-{shownFor.PressId:N}", at, "assigned", Actor(person), "console",
                row.AssignedTo is { } before ? $"Reassigned from {before} to {to}." : $"Assigned to {to}."), cancel);
            await complaints.AssignAsync(number, to, cancel);
            return See(number, "assign");
        });
    }

    /// <summary>Erases the case's personal data (a team lead or management, with a reason on the trail); refused, with why, while it must be kept.</summary>
    [Function("ConsoleEraseCase")]
    public async Task<IActionResult> EraseCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/cases/{caseNumber}/erase")] HttpRequest request,
        string caseNumber,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        return await OnCaseAsync(request, caseNumber, "erase", async (person, row, form, shownFor, cancel) =>
        {
            if (CaseAccess.PersonalDataRole(person) is not { } role)
            {
                return Message(T, StatusCodes.Status403Forbidden, T.NotYourPrivacyTitle, T.NotYourPrivacy, person: person);
            }

            var reason = string.Concat(form["reason"].ToString().Trim().Where(c => !char.IsControl(c)));
            if (reason.Length == 0 || reason.Length > 500)
            {
                return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, T.WriteReasonFirst, cancel);
            }

            var result = await eraser.EraseAsync(row.Complaint.CaseNumber, person.ActorAs(role), reason, durable, cancel);
            if (result.Outcome == Privacy.ErasureOutcome.Refused)
            {
                return await CasePageAsync(person, row, StatusCodes.Status409Conflict, null, F(T.ErasureRefused, ("why", T.RefusalText(result.Refusal))), cancel);
            }

            return See(row.Complaint.CaseNumber, "erased");
        });
    }

    /// <summary>Puts the case under a legal hold or lifts it (a team lead or management, with a reason), on the trail.</summary>
    [Function("ConsoleLegalHold")]
    public async Task<IActionResult> LegalHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/cases/{caseNumber}/hold")] HttpRequest request,
        string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await OnCaseAsync(request, caseNumber, "hold", async (person, row, form, shownFor, cancel) =>
        {
            if (CaseAccess.PersonalDataRole(person) is not { } role)
            {
                return Message(T, StatusCodes.Status403Forbidden, T.NotYourPrivacyTitle, T.NotYourPrivacy, person: person);
            }

            var reason = string.Concat(form["reason"].ToString().Trim().Where(c => !char.IsControl(c)));
            if (reason.Length == 0 || reason.Length > 500)
            {
                return await CasePageAsync(person, row, StatusCodes.Status400BadRequest, null, T.WriteReasonFirst, cancel);
            }

            var hold = form["hold"].ToString() == "on";
            var number = row.Complaint.CaseNumber;
            var at = await PressedAtAsync(person, number, shownFor, cancel);
            await auditTrail.AppendAsync(new CaseEvent(number, $"hold-{shownFor.PressId:N}", at, hold ? "legal-hold-set" : "legal-hold-lifted", person.ActorAs(role), "console",
                hold ? $"Legal hold set: {reason}" : $"Legal hold lifted: {reason}"), cancel);
            await complaints.SetLegalHoldAsync(number, hold, cancel);
            return See(number, hold ? "hold" : "hold-lifted");
        });
    }

    /// <summary>The case's personal-data part for a team lead or management: its legal hold, and erasure unless done.</summary>
    string PrivacyForms(StaffPerson person, CaseOnTheList row, int seen)
    {
        var t = T;
        var number = row.Complaint.CaseNumber;
        var html = new StringBuilder("<h2>").Append(E(t.CasePrivacy)).Append("</h2><p id=\"legal-hold\">").Append(E(row.LegalHold ? t.LegalHoldOn : t.LegalHoldOff)).Append("</p>");
        var holdToken = forms.Issue(new ConsoleForm(person.Id, number, "hold", Guid.NewGuid(), seen));
        html.Append("<details id=\"hold\"><summary>").Append(E(row.LegalHold ? t.LiftHoldButton : t.HoldButton)).Append("</summary><p class=\"hint\">").Append(E(t.HoldHint)).Append("</p>")
            .Append("<form method=\"post\" action=\"").Append(CasePath(number)).Append("/hold\"><input type=\"hidden\" name=\"form\" value=\"").Append(E(holdToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"hold\" value=\"").Append(row.LegalHold ? "off" : "on").Append("\">")
            .Append("<label for=\"hold-reason\">").Append(E(t.ReasonLabel)).Append("</label><input id=\"hold-reason\" name=\"reason\" maxlength=\"500\" required>")
            .Append("<button type=\"submit\" id=\"hold-submit\">").Append(E(row.LegalHold ? t.LiftHoldButton : t.HoldButton)).Append("</button></form></details>");
        if (!row.Erased)
        {
            var eraseToken = forms.Issue(new ConsoleForm(person.Id, number, "erase", Guid.NewGuid(), seen));
            html.Append("<details id=\"erase\"><summary>").Append(E(t.EraseCaseTitle)).Append("</summary><p class=\"hint\">").Append(E(t.EraseCaseHint)).Append("</p>")
                .Append("<form method=\"post\" action=\"").Append(CasePath(number)).Append("/erase\"><input type=\"hidden\" name=\"form\" value=\"").Append(E(eraseToken)).Append("\">")
                .Append("<label for=\"erase-reason\">").Append(E(t.ReasonLabel)).Append("</label><input id=\"erase-reason\" name=\"reason\" maxlength=\"500\" required>")
                .Append("<button type=\"submit\" id=\"erase-submit\">").Append(E(t.EraseButton)).Append("</button></form></details>");
        }

        return html.ToString();
    }

    /// <summary>The common start of a post on a case that is not a process step: signed in, allowed, a form shown to this person.</summary>
    async Task<IActionResult> OnCaseAsync(HttpRequest request, string caseNumber, string kind, Func<StaffPerson, CaseOnTheList, IFormCollection, ConsoleForm, CancellationToken, Task<IActionResult>> act)
    {
        var cancel = request.HttpContext.RequestAborted;
        if (Person(request) is not { } person)
        {
            return Message(T, StatusCodes.Status401Unauthorized, T.SignedOutTitle, T.SignedOutNothingDone, signInLink: true);
        }

        var (refusal, row) = await OpenAsync(person, caseNumber, cancel);
        if (refusal is not null)
        {
            return refusal;
        }

        var (form, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, cancel);
        if (unreadable is not null || form is null)
        {
            return Message(T, unreadable?.Status ?? StatusCodes.Status400BadRequest, T.NothingSentTitle, (unreadable?.Detail ?? T.FormEmpty) + " " + T.NothingDone, person: person);
        }

        if (forms.Read(form["form"].ToString(), person, row!.Complaint.CaseNumber) is not { } shownFor || shownFor.Step != kind)
        {
            return Message(T, StatusCodes.Status400BadRequest, T.FormNotValidTitle, T.FormNotValid, person: person);
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
            return (Message(T, StatusCodes.Status404NotFound, T.NoSuchCaseTitle, F(T.NoSuchCase, ("case", caseNumber)), person: person), null);
        }

        if (CaseAccess.Refusal(person, row.Complaint) is { } why)
        {
            var now = time.GetUtcNow();
            await auditTrail.AppendAsync(
                new CaseEvent(number, $"console-refused-{now.ToUnixTimeMilliseconds()}", now, "access-refused", Actor(person), "console",
                    $"{person.Name} ({string.Join(", ", person.Roles.Select(ConsoleTexts.For("en").RoleName))}) tried to open the case while the ombudsman reviews it; refused."),
                cancel);
            logger.LogWarning("Console access refused while the ombudsman reviews the case");
            return (Message(T, StatusCodes.Status403Forbidden, T.WithOmbudsmanTitle, T.Language == "en" ? why : T.OmbudsmanIndependence, person: person), null);
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
        var t = T;
        var html = new StringBuilder();
        if (done is not null)
        {
            html.Append("<p class=\"done\" id=\"done\" role=\"status\">").Append(E(F(t.Done, ("what", done)))).Append("</p>");
        }

        if (problem is not null)
        {
            html.Append("<p class=\"error\" id=\"problem\" role=\"alert\">").Append(E(problem)).Append("</p>");
        }

        html.Append("<p class=\"case\" id=\"case-number\">").Append(E(number.Value)).Append("</p>")
            .Append("<p><b>").Append(E(t.Stage)).Append(":</b> <span id=\"stage\">").Append(E(t.StageName(complaint.Stage))).Append("</span> · <b>").Append(E(t.With)).Append(":</b> ").Append(E(t.Owner(row.Owner)))
            .Append(" · <b>").Append(E(t.AssignedTo)).Append(":</b> <span id=\"assigned\">").Append(E(row.AssignedTo ?? t.Nobody)).Append("</span>")
            .Append(" · <b>").Append(E(t.Due)).Append(":</b> ").Append(row.DueAt is { } due ? E(Local(due)) : "—").Append(row.Overdue ? $" <span class=\"overdue\">({E(t.Overdue)})</span>" : string.Empty)
            .Append(row.MailFailed ? $" · <span class=\"overdue\">{E(t.AMailFailed)}</span>" : string.Empty).Append("</p>");
        if (row.Erased)
        {
            var erasedAt = trail.LastOrDefault(e => e.Kind == Privacy.CaseEraser.ErasedKind)?.OccurredAt;
            html.Append("<p class=\"done\" id=\"erased\">").Append(E(F(t.ErasedBanner, ("at", erasedAt is { } at ? Local(at) : "—")))).Append("</p>");
        }

        html.Append(Timeline(complaint.Stage, t));
        var labels = t.CustomerRows;
        html.Append("<h2>").Append(E(t.Customer)).Append("</h2><table><tbody>")
            .Append(Row(labels[0], details.Customer.Name)).Append(Row(labels[1], details.Customer.Email)).Append(Row(labels[2], details.Customer.Phone))
            .Append(Row(labels[3], details.Customer.Country.ToString())).Append(Row(labels[4], details.Customer.Language))
            .Append(Row(labels[5], details.Category.StaffName(t.Language) + (details.CategorySource == CategorySource.Chosen ? string.Empty : t.SuggestedFromText)))
            .Append(Row(labels[6], details.Purchase.OrderNumber)).Append(Row(labels[7], details.Purchase.Product)).Append(Row(labels[8], details.Purchase.Manufacturer))
            .Append(Row(labels[9], details.Purchase.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Append(Row(labels[10], complaint.Channel.ToWire())).Append(Row(labels[11], Local(complaint.OpenedAt)))
            .Append("</tbody></table>");

        // What triage checks for the case today (deadlines, the category's rules), as the team's first mail gives them, in the staff language.
        var staffLanguage = staff.Value.Language;
        if (!row.Erased)
        {
            html.Append("<h2>").Append(E(t.Checks)).Append("</h2><pre id=\"checks\" lang=\"").Append(E(staffLanguage)).Append("\" style=\"white-space:pre-wrap;font:inherit\">")
                .Append(E(triage.Assess(details, staffLanguage).Checks)).Append("</pre>");
        }

        var kept = await attachments.ListAsync(number, cancel);
        if (kept.Count > 0)
        {
            html.Append("<h2>").Append(E(t.Attachments)).Append("</h2><ul id=\"attachments\">");
            foreach (var a in kept)
            {
                html.Append("<li><a href=\"").Append(CasePath(number)).Append("/attachments/").Append(Uri.EscapeDataString(a.Mail)).Append('/').Append(Uri.EscapeDataString(a.File)).Append("\">")
                    .Append(E(a.File)).Append("</a> <span class=\"meta\">").Append(E(a.ContentType)).Append(", ").Append((a.Size / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)).Append(" KB</span></li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>").Append(E(t.Conversation)).Append("</h2><div class=\"thread\" id=\"thread\">");
        html.Append("<article class=\"theirs\"><p class=\"meta\">").Append(E(Local(complaint.OpenedAt))).Append(" · ").Append(E(t.TheCustomer)).Append(" · ").Append(E(t.TheComplaint)).Append("</p><p>")
            .Append(Lines(details.Description)).Append("</p></article>");
        var showNotes = CaseAccess.SeesOmbudsmanNotes(person);
        var thread = allTexts
            .Where(x => showNotes || x.Kind != "ombudsman-note")
            .Select(x => (x.At, Html: TextItem(x)))
            .Concat(trail.Where(e => e.Kind is "internal-note" or "mail-sent" or "assigned").Select(e => (At: e.OccurredAt, Html: Line(e))))
            .OrderBy(x => x.At);
        foreach (var (_, item) in thread)
        {
            html.Append(item);
        }

        html.Append("</div>");

        html.Append("<h2>").Append(E(t.WhatYouCanDo)).Append("</h2>");
        var offered = CaseAccess.StepsOffered(person, row, ReopenUntil());
        if (offered.Count == 0)
        {
            html.Append("<p id=\"no-steps\">").Append(E(t.NoSteps)).Append("</p>");
        }

        foreach (var (step, _) in offered)
        {
            var values = keep is { } k && k.Kind == step.Step ? k.Values : null;
            html.Append(StepForm(person, complaint, step, seen, values, allTexts, values is not null ? preview : null));
        }

        if (!row.Erased)
        {
            html.Append(NoteForm(person, number, seen, keep is { Kind: "note" } n ? n.Values : null))
                .Append(AssignForm(person, number, seen));
        }

        if (CaseAccess.HandlesPersonalData(person))
        {
            html.Append(PrivacyForms(person, row, seen));
        }

        // The trail is the case's audit record, written in English for every reader.
        html.Append("<details><summary>").Append(E(F(t.WholeTrail, ("count", trail.Count)))).Append("</summary><table id=\"trail\"><thead><tr>")
            .Append(string.Concat(t.TrailColumns.Select(c => $"<th scope=\"col\">{E(c)}</th>"))).Append("</tr></thead><tbody lang=\"en\">");
        foreach (var line in trail)
        {
            html.Append("<tr><td>").Append(E(Local(line.OccurredAt))).Append("</td><td>").Append(E(line.Actor)).Append("</td><td>").Append(E(line.Kind)).Append(": ").Append(E(line.Summary)).Append("</td></tr>");
        }

        html.Append("</tbody></table></details>");
        return Render(status, F(t.CaseTitle, ("case", number.Value)), person, html.ToString(), t);

        string TextItem(CaseText text)
        {
            var css = text.Kind is "customer-reply" or "customer-replied" or "customer-ombudsman" or "manufacturer-help" ? "theirs" : text.Kind == "ombudsman-note" ? "note" : "ours";
            var amount = text.Amount is { } a ? $" · {t.Amount} {AmountFormat.Format(a, CaseCurrency.For(details.Customer.Country), t.Language)}" : string.Empty;
            var what = ActionStepCatalogue.Find(text.Kind).Step is { } made ? t.WordsOf(made).Title : text.Kind;
            return $"<article class=\"{css}\"><p class=\"meta\">{E(Local(text.At))} · {E(text.Author)} · {E(what)}{E(amount)}</p><p>{Lines(text.Text)}</p></article>";
        }
    }

    string StepForm(StaffPerson person, Complaint complaint, ActionStep step, int seen, IFormCollection? values, IReadOnlyList<CaseText> allTexts, ComposedMail? preview)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, complaint.CaseNumber, step.Step, Guid.NewGuid(), seen));
        var t = T;
        var words = t.WordsOf(step);
        var id = step.Step;
        var mails = id is CaseInputKinds.AgentAnswer or CaseInputKinds.AgentAsk or CaseInputKinds.AgentFinal;
        var html = new StringBuilder("<details class=\"step\" id=\"step-").Append(id).Append('"').Append(values is not null ? " open" : string.Empty).Append("><summary>").Append(E(words.Title)).Append("</summary>")
            .Append("<p class=\"hint\">").Append(E(words.Explanation)).Append("</p>");
        if (step.Step is CaseInputKinds.LeadApprove or CaseInputKinds.LeadSendBack && allTexts.LastOrDefault(x => x.Kind == CaseInputKinds.AgentFinal) is { } final)
        {
            // What the lead approves: the answer as written and the amount, in the case's currency.
            var amount = final.Amount is { } a ? AmountFormat.Format(a, CaseCurrency.For(complaint.Details.Customer.Country), t.Language) : t.None;
            html.Append("<div class=\"ours\" id=\"").Append(id).Append("-answer\"><p class=\"meta\">").Append(E(F(t.FinalAnswerFrom, ("who", final.Author), ("amount", amount))))
                .Append("</p><p>").Append(Lines(final.Text)).Append("</p></div>");
        }

        if (preview is not null)
        {
            // The mail as the customer gets it: greeting, text, links and signature.
            html.Append("<section class=\"ours\" id=\"").Append(id).Append("-preview\" aria-label=\"").Append(E(t.PreviewOfTheMail)).Append("\"><p class=\"meta\">").Append(E(F(t.PreviewNotSent, ("to", preview.To), ("language", preview.Language))))
                .Append("</p><p lang=\"").Append(E(preview.Language)).Append("\"><b>").Append(E(preview.Subject)).Append("</b></p><pre style=\"white-space:pre-wrap;font:inherit\">").Append(E(preview.Body.Text)).Append("</pre></section>");
        }

        html.Append("<form method=\"post\" action=\"").Append(CasePath(complaint.CaseNumber)).Append("/steps/").Append(E(id)).Append("\"><input type=\"hidden\" name=\"form\" value=\"").Append(E(token)).Append("\">")
            .Append("<input type=\"hidden\" name=\"step\" value=\"").Append(E(id)).Append("\">");
        if (mails && canned.For(id).ToList() is { Count: > 0 } prepared)
        {
            html.Append("<label for=\"").Append(id).Append("-canned\">").Append(E(t.CannedLabel)).Append("</label><select id=\"").Append(id).Append("-canned\" name=\"canned\">");
            foreach (var answer in prepared)
            {
                html.Append("<option value=\"").Append(E(answer.Id)).Append("\">").Append(E(answer.TitleIn(t.Language))).Append("</option>");
            }

            html.Append("</select> <button type=\"submit\" formnovalidate formmethod=\"get\" formaction=\"").Append(CasePath(complaint.CaseNumber)).Append("\" id=\"").Append(id).Append("-use-canned\">").Append(E(t.UseCanned)).Append("</button>");
        }

        if (id == CaseInputKinds.AgentCorrect)
        {
            html.Append(Select(id, "category", t.CorrectCategory, ComplaintCategoryNames.All.Select(c => (c.ToWire(), c.StaffName(t.Language))), values?["category"].ToString() ?? complaint.Details.Category.ToWire()))
                .Append(Select(id, "country", t.CorrectCountry, Enum.GetNames<Country>().Select(c => (c, c)), values?["country"].ToString() ?? complaint.Details.Customer.Country.ToString()))
                .Append(Select(id, "language", t.CorrectLanguage, Domain.Intake.ComplaintSubmissionRules.Languages.Select(l => (l, l)), values?["language"].ToString() ?? complaint.Details.Customer.Language));
        }

        if (id == CaseInputKinds.AgentMerge)
        {
            html.Append("<label for=\"").Append(id).Append("-into\">").Append(E(t.MergeInto)).Append("</label><input id=\"").Append(id)
                .Append("-into\" name=\"into\" required value=\"").Append(E(values?["into"].ToString())).Append("\">");
        }

        if (step.Text != TextField.None)
        {
            html.Append("<label for=\"").Append(id).Append("-text\">").Append(E(words.TextLabel ?? (step.Text == TextField.Required ? t.Text : t.CommentOptional))).Append("</label>")
                .Append("<textarea id=\"").Append(id).Append("-text\" name=\"text\" rows=\"6\"").Append(step.Text == TextField.Required ? " required" : string.Empty).Append('>').Append(E(values?["text"].ToString())).Append("</textarea>");
        }

        if (step.Choices is { Count: > 0 } choices)
        {
            html.Append("<fieldset><legend>").Append(E(t.Decision)).Append("</legend>");
            foreach (var (value, english) in choices)
            {
                var label = words.Choices?.GetValueOrDefault(value) ?? english;
                html.Append("<div><input type=\"radio\" style=\"width:auto\" name=\"choice\" id=\"").Append(id).Append("-choice-").Append(value).Append("\" value=\"").Append(value).Append('"')
                    .Append(values?["choice"].ToString() == value ? " checked" : string.Empty).Append("> <label style=\"display:inline;font-weight:400\" for=\"").Append(id).Append("-choice-").Append(value).Append("\">").Append(E(label)).Append("</label></div>");
            }

            html.Append("</fieldset>");
        }

        if (step.AmountLabel is not null && (words.AmountLabel ?? step.AmountLabel) is { } amountLabel)
        {
            html.Append("<label for=\"").Append(id).Append("-amount\">").Append(E(F(t.InCurrency, ("label", amountLabel), ("currency", CaseCurrency.For(complaint.Details.Customer.Country))))).Append("</label>")
                .Append("<input id=\"").Append(id).Append("-amount\" name=\"amount\" inputmode=\"decimal\" value=\"").Append(E(values?["amount"].ToString())).Append("\">");
        }

        if (step.NoteLabel is not null && (words.NoteLabel ?? step.NoteLabel) is { } noteLabel)
        {
            html.Append("<label for=\"").Append(id).Append("-note\">").Append(E(noteLabel)).Append("</label><textarea id=\"").Append(id).Append("-note\" name=\"note\" rows=\"3\">").Append(E(values?["note"].ToString())).Append("</textarea>");
        }

        if (step.FlagLabel is not null && (words.FlagLabel ?? step.FlagLabel) is { } flagLabel)
        {
            html.Append("<div><input type=\"checkbox\" style=\"width:auto\" id=\"").Append(id).Append("-flag\" name=\"flag\"> <label style=\"display:inline;font-weight:400\" for=\"").Append(id).Append("-flag\">").Append(E(flagLabel)).Append("</label></div>");
        }

        if (mails)
        {
            html.Append("<button type=\"submit\" formnovalidate formaction=\"").Append(CasePath(complaint.CaseNumber)).Append("/preview/").Append(E(id)).Append("\" id=\"").Append(id).Append("-preview-button\">").Append(E(t.PreviewButton)).Append("</button> ");
        }

        return html.Append("<button type=\"submit\" id=\"").Append(id).Append("-submit\">").Append(E(words.Button)).Append("</button></form></details>").ToString();
    }

    string NoteForm(StaffPerson person, CaseNumber number, int seen, IFormCollection? values)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, number, "note", Guid.NewGuid(), seen));
        var t = T;
        return $"<details id=\"add-note\"{(values is not null ? " open" : string.Empty)}><summary>{E(t.AddNote)}</summary><p class=\"hint\">{E(t.NoteHint)}</p>" +
            $"<form method=\"post\" action=\"{CasePath(number)}/notes\"><input type=\"hidden\" name=\"form\" value=\"{E(token)}\"><label for=\"note-text\">{E(t.TheNote)}</label><textarea id=\"note-text\" name=\"text\" rows=\"3\" required>{E(values?["text"].ToString())}</textarea><button type=\"submit\" id=\"note-submit\">{E(t.AddNoteButton)}</button></form></details>";
    }

    string AssignForm(StaffPerson person, CaseNumber number, int seen)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, number, "assign", Guid.NewGuid(), seen));
        var t = T;
        return $"<details id=\"assign\"><summary>{E(t.Assign)}</summary><form method=\"post\" action=\"{CasePath(number)}/assign\"><input type=\"hidden\" name=\"form\" value=\"{E(token)}\">" +
            $"<label for=\"assign-to\">{E(t.AssignLabel)}</label><input id=\"assign-to\" name=\"to\" maxlength=\"100\"><button type=\"submit\" id=\"assign-submit\">{E(t.AssignButton)}</button></form></details>";
    }

    /// <summary>The stages as a row of boxes, the current one filled: where the case is, at a glance.</summary>
    static string Timeline(CaseStage current, ConsoleTexts t)
    {
        var stages = new[] { CaseStage.CustomerService, CaseStage.WaitingForCustomer, CaseStage.FinalAnswer, CaseStage.OmbudsmanReview, CaseStage.ExternalBody, CaseStage.Closed };
        var labels = t.TimelineStages;
        var svg = new StringBuilder("<svg id=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title\" viewBox=\"0 0 900 60\" width=\"100%\" height=\"60\"><title id=\"timeline-title\">")
            .Append(E(F(t.TimelineSays, ("stage", t.StageName(current))))).Append("</title>");
        for (var i = 0; i < stages.Length; i++)
        {
            var x = i * 150;
            var here = stages[i] == current;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 4}\" y=\"10\" width=\"138\" height=\"40\" rx=\"6\" fill=\"{(here ? "#1f5fa8" : "#ffffff")}\" stroke=\"#1f5fa8\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 73}\" y=\"35\" text-anchor=\"middle\" font-size=\"13\" fill=\"{(here ? "#ffffff" : "#1a1a1a")}\">{E(labels[i])}</text>");
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

    string DoneTitle(string done) => done switch
    {
        "review-attached" => T.DoneReviewAttached,
        "review-opened" => T.DoneReviewOpened,
        "note" => T.DoneNote,
        "assign" => T.DoneAssign,
        "erased" => T.DoneErased,
        "hold" => T.DoneHold,
        "hold-lifted" => T.DoneHoldLifted,
        _ => ActionStepCatalogue.Find(done).Step is { } step ? T.WordsOf(step).Title : done,
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

    TimeZoneInfo Zone() => ConsolePages.Zone(pipeline.Value.TimeZone);

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
            "internal-note" => ("note", T.InternalNote),
            "assigned" => ("ours", T.Assignment),
            _ => ("ours", T.MailSent),
        };
        return $"<article class=\"{css}\"><p class=\"meta\">{E(Local(e.OccurredAt))} · {E(e.Actor)} · {what}</p><p>{Lines(e.Summary)}</p></article>";
    }
}
