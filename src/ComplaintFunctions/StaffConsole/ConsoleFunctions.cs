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
        var t = T;
        string? nextUrl = null;
        if (ordered.Count > page * PageSize)
        {
            var next = new Dictionary<string, string?> { ["q"] = search, ["stage"] = stageText, ["overdue"] = onlyOverdue ? "on" : null, ["mine"] = onlyMine ? "on" : null, ["page"] = (page + 1).ToString(CultureInfo.InvariantCulture) };
            nextUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Home, next.Where(p => p.Value is { Length: > 0 }));
        }

        var model = new WorklistModel(
            t.SearchLabel,
            search,
            t.StageLabel,
            t.AllOpen,
            [.. CaseStageNames.All.Where(c => c != CaseStage.Closed).Select(c => new Choice(c.ToWire(), t.StageName(c), c == stage))],
            onlyOverdue,
            t.OverdueOnly,
            onlyMine,
            t.MineOnly,
            t.Show,
            ordered.Count == 1 ? t.OneOpenCase : F(t.OpenCases, ("count", ordered.Count)),
            F(t.TimesIn, ("zone", Zone().Id)),
            t.WorklistCaption,
            t.WorklistColumns,
            [.. shown.Select(row => WorklistRowOf(row, person, t))],
            t.Overdue,
            t.MailFailed,
            t.MailOk,
            nextUrl,
            t.NextPage);
        return FromTemplate(StatusCodes.Status200OK, t.Worklist, person, "console/worklist", model, t);
    }

    WorklistRow WorklistRowOf(CaseOnTheList row, StaffPerson person, ConsoleTexts t)
    {
        var c = row.Complaint;
        // The ombudsman's cases do not show who the customer is to anyone else.
        var hidden = CaseAccess.Refusal(person, c) is not null;
        return new WorklistRow(
            c.CaseNumber.Value,
            CasePath(c.CaseNumber),
            row.DueAt is { } due ? Local(due) : "—",
            row.Overdue,
            t.StageName(c.Stage),
            hidden ? t.WithTheOmbudsman : c.Details.Customer.Name ?? c.Details.Customer.Email,
            c.Details.Customer.Country.ToString(),
            c.Details.Category.StaffName(t.Language),
            row.AssignedTo is { } a && row.Owner == "customer-service team" ? a : t.Owner(row.Owner),
            row.MailFailed);
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

        var outcome = await steps.TakeAsync(press with { FixedChoice = fixedChoice }, complaint, form, durable, new StepFieldTexts(T.WriteTextFirst, T.ChooseAnOption, T.OrLeaveAmountEmpty), cancel);
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
    /// <summary>The legal hold (set or lifted, with a reason) and the erasure of the case, for those who handle personal data.</summary>
    PrivacyFormsModel PrivacyForms(StaffPerson person, CaseOnTheList row, int seen)
    {
        var t = T;
        var number = row.Complaint.CaseNumber;
        var hold = new HoldFormModel(
            row.LegalHold ? t.LiftHoldButton : t.HoldButton, t.HoldHint, $"{CasePath(number)}/hold",
            forms.Issue(new ConsoleForm(person.Id, number, "hold", Guid.NewGuid(), seen)), row.LegalHold ? "off" : "on", t.ReasonLabel);
        var erase = row.Erased
            ? null
            : new EraseFormModel(t.EraseCaseTitle, t.EraseCaseHint, $"{CasePath(number)}/erase", forms.Issue(new ConsoleForm(person.Id, number, "erase", Guid.NewGuid(), seen)), t.ReasonLabel, t.EraseButton);
        return new PrivacyFormsModel(t.CasePrivacy, row.LegalHold ? t.LegalHoldOn : t.LegalHoldOff, hold, erase);
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
        var labels = t.CustomerRows;
        var customerRows = new (string Label, string? Value)[]
        {
            (labels[0], details.Customer.Name), (labels[1], details.Customer.Email), (labels[2], details.Customer.Phone),
            (labels[3], details.Customer.Country.ToString()), (labels[4], details.Customer.Language),
            (labels[5], details.Category.StaffName(t.Language) + (details.CategorySource == CategorySource.Chosen ? string.Empty : t.SuggestedFromText)),
            (labels[6], details.Purchase.OrderNumber), (labels[7], details.Purchase.Product), (labels[8], details.Purchase.Manufacturer),
            (labels[9], details.Purchase.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (labels[10], complaint.Channel.ToWire()), (labels[11], Local(complaint.OpenedAt)),
        };

        var kept = await attachments.ListAsync(number, cancel);
        var showNotes = CaseAccess.SeesOmbudsmanNotes(person);
        var thread = allTexts
            .Where(x => showNotes || x.Kind != "ombudsman-note")
            .Select(x => (x.At, Item: TextItem(x)))
            .Concat(trail.Where(e => e.Kind is "internal-note" or "mail-sent" or "assigned").Select(e => (At: e.OccurredAt, Item: Line(e))))
            .OrderBy(x => x.At)
            .Select(x => x.Item);
        var offered = CaseAccess.StepsOffered(person, row, ReopenUntil());

        var staffLanguage = staff.Value.Language;
        // What triage checks for the case today (deadlines, the category's rules, a repair on record), as the team's first mail gives them, in the staff language.
        // An erased case keeps no facts to check: its page shows what is left, the anonymised trail.
        var checks = row.Erased ? null : (await triage.AssessAsync(number, details, staffLanguage, cancel)).Checks;
        var erasedAt = row.Erased ? trail.LastOrDefault(e => e.Kind == Privacy.CaseEraser.ErasedKind)?.OccurredAt : null;
        var model = new CasePageModel(
            done is null ? null : F(t.Done, ("what", done)),
            problem,
            number.Value,
            t.Stage,
            t.StageName(complaint.Stage),
            t.With,
            t.Owner(row.Owner),
            t.AssignedTo,
            row.AssignedTo ?? t.Nobody,
            t.Due,
            row.DueAt is { } due ? Local(due) : "—",
            row.Overdue,
            t.Overdue,
            row.MailFailed ? t.AMailFailed : null,
            row.Erased ? F(t.ErasedBanner, ("at", erasedAt is { } at ? Local(at) : "—")) : null,
            Timeline(complaint.Stage, t),
            t.Customer,
            [.. customerRows.Select(r => new LabelledValue(r.Label, r.Value ?? "—"))],
            t.Checks,
            staffLanguage,
            checks,
            t.Attachments,
            [.. kept.Select(a => new AttachmentItem(
                $"{CasePath(number)}/attachments/{Uri.EscapeDataString(a.Mail)}/{Uri.EscapeDataString(a.File)}", a.File, a.ContentType, (a.Size / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)))],
            t.Conversation,
            [new ThreadItem("theirs", $"{Local(complaint.OpenedAt)} · {t.TheCustomer} · {t.TheComplaint}", details.Description), .. thread],
            t.WhatYouCanDo,
            offered.Count == 0 ? t.NoSteps : null,
            [.. offered.Select(o => StepForm(person, complaint, o.Step, seen, keep is { } k && k.Kind == o.Step.Step ? k.Values : null, allTexts, preview))],
            t.Decision,
            t.PreviewButton,
            row.Erased ? null : NoteForm(person, number, seen, keep is { Kind: "note" } n ? n.Values : null),
            row.Erased ? null : AssignForm(person, number, seen),
            CaseAccess.HandlesPersonalData(person) ? PrivacyForms(person, row, seen) : null,
            F(t.WholeTrail, ("count", trail.Count)),
            t.TrailColumns,
            [.. trail.Select(line => new TrailLine(Local(line.OccurredAt), line.Actor, line.Kind, line.Summary))]);
        return FromTemplate(status, F(t.CaseTitle, ("case", number.Value)), person, "console/case", model, t);

        ThreadItem TextItem(CaseText text)
        {
            var css = text.Kind is "customer-reply" or "customer-replied" or "customer-ombudsman" or "manufacturer-help" ? "theirs" : text.Kind == "ombudsman-note" ? "note" : "ours";
            var amount = text.Amount is { } a ? $" · {t.Amount} {AmountFormat.Format(a, CaseCurrency.For(details.Customer.Country), t.Language)}" : string.Empty;
            var what = ActionStepCatalogue.Find(text.Kind).Step is { } made ? t.WordsOf(made).Title : text.Kind;
            return new ThreadItem(css, $"{Local(text.At)} · {text.Author} · {what}{amount}", text.Text);
        }
    }

    /// <param name="values">What was posted when the page comes back after a refused post (or a prepared answer), else null.</param>
    /// <param name="preview">The mail the post would send, shown on the step it was asked for.</param>
    StepFormModel StepForm(StaffPerson person, Complaint complaint, ActionStep step, int seen, IFormCollection? values, IReadOnlyList<CaseText> allTexts, ComposedMail? preview)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, complaint.CaseNumber, step.Step, Guid.NewGuid(), seen));
        var t = T;
        var words = t.WordsOf(step);
        var id = step.Step;
        var casePath = CasePath(complaint.CaseNumber);
        var mails = id is CaseInputKinds.AgentAnswer or CaseInputKinds.AgentAsk or CaseInputKinds.AgentFinal;
        var country = complaint.Details.Customer.Country;

        // What the lead approves: the answer as written and the amount, in the case's currency.
        var final = step.Step is CaseInputKinds.LeadApprove or CaseInputKinds.LeadSendBack && allTexts.LastOrDefault(x => x.Kind == CaseInputKinds.AgentFinal) is { } f
            ? new LabelledValue(F(t.FinalAnswerFrom, ("who", f.Author), ("amount", f.Amount is { } a ? AmountFormat.Format(a, CaseCurrency.For(country), t.Language) : t.None)), f.Text)
            : null;

        // The mail as the customer gets it: greeting, text, links and signature.
        var shownPreview = values is not null && preview is not null
            ? new ShownPreview(t.PreviewOfTheMail, F(t.PreviewNotSent, ("to", preview.To), ("language", preview.Language)), preview.Language, preview.Subject, preview.Body.Text)
            : null;

        var cannedAnswers = mails ? canned.For(id).ToList() : [];
        var selects = id == CaseInputKinds.AgentCorrect
            ? new[]
            {
                Select("category", t.CorrectCategory, ComplaintCategoryNames.All.Select(c => (c.ToWire(), c.StaffName(t.Language))), values?["category"].ToString() ?? complaint.Details.Category.ToWire()),
                Select("country", t.CorrectCountry, Enum.GetNames<Country>().Select(c => (c, c)), values?["country"].ToString() ?? country.ToString()),
                Select("language", t.CorrectLanguage, Domain.Intake.ComplaintSubmissionRules.Languages.Select(l => (l, l)), values?["language"].ToString() ?? complaint.Details.Customer.Language),
            }
            : [];

        return new StepFormModel(
            id,
            values is not null,
            words.Title,
            words.Explanation,
            final,
            shownPreview,
            $"{casePath}/steps/{id}",
            token,
            cannedAnswers.Count > 0 ? new CannedChoice(t.CannedLabel, [.. cannedAnswers.Select(c => new Choice(c.Id, c.TitleIn(t.Language), false))], casePath, t.UseCanned) : null,
            selects,
            id == CaseInputKinds.AgentMerge ? new LabelledValue(t.MergeInto, values?["into"].ToString()) : null,
            step.Text == TextField.None ? null : new LabelledValue(words.TextLabel ?? (step.Text == TextField.Required ? t.Text : t.CommentOptional), values?["text"].ToString()),
            step.Text == TextField.Required,
            [.. (step.Choices ?? []).Select(c => new Choice(c.Value, words.Choices?.GetValueOrDefault(c.Value) ?? c.Label, values?["choice"].ToString() == c.Value))],
            step.AmountLabel is not null && (words.AmountLabel ?? step.AmountLabel) is { } amountLabel
                ? new LabelledValue(F(t.InCurrency, ("label", amountLabel), ("currency", CaseCurrency.For(country))), values?["amount"].ToString())
                : null,
            step.NoteLabel is not null && (words.NoteLabel ?? step.NoteLabel) is { } noteLabel ? new LabelledValue(noteLabel, values?["note"].ToString()) : null,
            step.FlagLabel is not null ? words.FlagLabel ?? step.FlagLabel : null,
            mails ? $"{casePath}/preview/{id}" : null,
            words.Button);

        static SelectField Select(string name, string label, IEnumerable<(string Value, string Label)> options, string? selected) =>
            new(name, label, [.. options.Select(o => new Choice(o.Value, o.Label, o.Value == selected))]);
    }

    NoteFormModel NoteForm(StaffPerson person, CaseNumber number, int seen, IFormCollection? values)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, number, "note", Guid.NewGuid(), seen));
        var t = T;
        return new NoteFormModel(values is not null, t.AddNote, t.NoteHint, $"{CasePath(number)}/notes", token, t.TheNote, values?["text"].ToString(), t.AddNoteButton);
    }

    AssignFormModel AssignForm(StaffPerson person, CaseNumber number, int seen)
    {
        var token = forms.Issue(new ConsoleForm(person.Id, number, "assign", Guid.NewGuid(), seen));
        var t = T;
        return new AssignFormModel(t.Assign, $"{CasePath(number)}/assign", token, t.AssignLabel, t.AssignButton);
    }

    /// <summary>The stages as a row of boxes, the current one filled: where the case is, at a glance.</summary>
    static TimelineModel Timeline(CaseStage current, ConsoleTexts t)
    {
        var stages = new[] { CaseStage.CustomerService, CaseStage.WaitingForCustomer, CaseStage.FinalAnswer, CaseStage.OmbudsmanReview, CaseStage.ExternalBody, CaseStage.Closed };
        var labels = t.TimelineStages;
        return new TimelineModel(
            F(t.TimelineSays, ("stage", t.StageName(current))),
            [.. stages.Select((stage, i) => new TimelineBox((i * 150) + 4, (i * 150) + 73, stage == current ? "#1f5fa8" : "#ffffff", stage == current ? "#ffffff" : "#1a1a1a", labels[i]))]);
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

    ThreadItem Line(CaseEvent e)
    {
        var (css, what) = e.Kind switch
        {
            "internal-note" => ("note", T.InternalNote),
            "assigned" => ("ours", T.Assignment),
            _ => ("ours", T.MailSent),
        };
        return new ThreadItem(css, $"{Local(e.OccurredAt)} · {e.Actor} · {what}", e.Summary);
    }
}
