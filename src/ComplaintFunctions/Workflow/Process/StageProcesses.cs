using System.Globalization;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;

namespace ComplaintFunctions.Workflow.Process;

/// <summary>What a later stage's process decided: its next state, the commands, and its result once it ends.</summary>
public sealed record StageDecision<TState>(TState Next, IReadOnlyList<ProcessCommand> Commands, StageResult? Result = null);

/// <summary>
/// The independent ombudsman's review as a decision table: the ombudsman gets the case file and a
/// link to decide, with a target, a reminder and an escalation to management. Management hears that
/// the review is late and sees the case, never the ombudsman's file: the review is independent.
/// </summary>
public static class OmbudsmanReviewProcess
{
    public static bool NeedsStart(OmbudsmanReviewState state) => !(state ?? throw new ArgumentNullException(nameof(state))).Started;

    public static StageDecision<OmbudsmanReviewState> Start(OmbudsmanReviewState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sla = SlaClock.Start(state.Plan.Disputes.OmbudsmanReviewTarget, now);
        var due = sla.DueAt(Calendar(state))!.Value;
        return new(state with { Started = true, Sla = sla },
        [
            new PrepareCaseFile(CaseViews.ForOmbudsman),
            new SendMail(MailKind.OmbudsmanCaseFile, [DecideLink], ProcessTimes.Of(("dueAt", due)), state.CustomerReasonRef, Views: [CaseFile]),
            new RecordOwner("customer ombudsman", due, false),
        ]);
    }

    public static DateTimeOffset? NextClock(OmbudsmanReviewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Sla is null)
        {
            return null;
        }

        var calendar = Calendar(state);
        var reminder = state.ReminderSent ? null : CaseProcess.ReminderAt(state.Sla, state.Plan.Disputes.OmbudsmanReminderLead, calendar);
        var due = state.Escalated ? null : state.Sla.DueAt(calendar);
        return new[] { reminder, due }.Where(d => d is not null).Min();
    }

    public static StageDecision<OmbudsmanReviewState> OnClock(OmbudsmanReviewState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Sla is null)
        {
            return new(state, []);
        }

        var calendar = Calendar(state);
        var due = state.Sla.DueAt(calendar);
        var commands = new List<ProcessCommand>();
        var next = state;
        if (!state.ReminderSent && CaseProcess.ReminderAt(state.Sla, state.Plan.Disputes.OmbudsmanReminderLead, calendar) is { } reminder && now >= reminder)
        {
            commands.Add(new SendMail(MailKind.OmbudsmanReminder, [DecideLink], ProcessTimes.Of(("dueAt", due!.Value)), Views: [CaseFile]));
            next = next with { ReminderSent = true };
        }

        if (!state.Escalated && due is { } d && now >= d)
        {
            commands.Add(new TargetMissed("ombudsman", d));
            commands.Add(new SendMail(MailKind.OmbudsmanEscalation, [], ProcessTimes.Of(("dueAt", d)),
                Extra: new Dictionary<string, string> { ["to"] = ActionRoles.Management },
                Views: [new("caseUrl", CaseViews.Case, ActionRoles.Management)]));
            commands.Add(new RecordOwner("customer ombudsman", d, true));
            next = next with { Escalated = true };
        }

        return new(next, commands);
    }

    public static StageDecision<OmbudsmanReviewState> OnInput(OmbudsmanReviewState state, InputReading reading, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reading);
        switch (reading.Input)
        {
            case null:
                return new(state, [new RecordRefusal(reading.Kind, reading.Actor, reading.Error ?? "The input could not be read.", TellStaff: true)]);

            case OmbudsmanDecides decides:
            {
                var decision = new OmbudsmanDecision(decides.Verdict.ToWire(), decides.ReasonsRef, decides.DisputedAmount, decides.RoutineNoteRef, decides.ReferToBody, now.UtcDateTime, decides.Actor);
                var commands = new List<ProcessCommand>
                {
                    new TakeStep(CaseAction.RecordOmbudsmanDecision, decides.Actor),
                    new RecordDecision(decision, decides.Actor),
                };
                if (!state.ReturnsResult)
                {
                    // Started by version 1: the case waits for an input, not for this orchestration's result.
                    commands.Add(new ReportToCase(new CaseInput(CaseInputKinds.OmbudsmanDecided, decides.Actor, decides.ReasonsRef, decides.DisputedAmount, decision.Outcome, decides.RoutineNoteRef, decides.ReferToBody)));
                }

                return new(state, commands, new StageResult(StageEnding.Decided, decision));
            }

            case ComplaintWithdrawn:
                return new(state, [], new StageResult(StageEnding.Withdrawn));

            case { } other:
                return new(state, [new RecordRefusal(other.Kind, other.Actor, $"'{other.Kind}' is not a step of the ombudsman's review.", TellStaff: false)]);
        }
    }

    static readonly LinkSpec DecideLink = new("decideUrl", CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman);
    static readonly ViewSpec CaseFile = new("caseFileUrl", CaseViews.CaseFileFor(CaseViews.ForOmbudsman), ActionRoles.Ombudsman);

    static BusinessCalendar Calendar(OmbudsmanReviewState state) => new(state.Plan.Country, state.Plan.Hours);
}

/// <summary>
/// The case with an external dispute body as a decision table: tell the dispute contact, the
/// ombudsman and the customer-service lead (and the customer who chose the body), prepare the case
/// file; then wait, for months, with a reminder each period; then follow the recommendation with a
/// deadline, escalating to management when it is missed or refused. Beside the months of waiting runs
/// the reply clock: the retailer answers the body within working days of the filing (Directive (EU)
/// 2025/2647 makes silence a refusal), with a reminder to the dispute contact and management told when it passes.
/// </summary>
public static class ExternalBodyProcess
{
    public static bool NeedsStart(ExternalBodyState state) => (state ?? throw new ArgumentNullException(nameof(state))).Phase == BodyPhase.Filing;

    public static StageDecision<ExternalBodyState> Start(ExternalBodyState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var caseFile = CaseViews.CaseFileFor(state.BodyId);
        var days = state.Plan.Disputes.BodyReplyWorkingDays;
        DateTimeOffset? replyDue = days > 0 ? Calendar(state).AddBusinessDays(now, days) : null;
        var notices = new List<SendMail>
        {
            // Only the dispute contact answers the body, so only their notice names the reply's due date.
            Notice(state, [new("outcomeUrl", CaseInputKinds.DisputeOutcome, ActionRoles.DisputeContact), RepliedLink, ComplexLink], ActionRoles.DisputeContact, caseFile,
                replyDue is { } due ? ProcessTimes.Of(("replyDueAt", due)) : ProcessTimes.None),
            Notice(state, [], ActionRoles.Ombudsman, caseFile),
            Notice(state, [], ActionRoles.TeamLead, caseFile),
        };

        // A customer who chose the body hears it is filed; a referred one heard it from the ombudsman already.
        if (state.ReferredBy is null)
        {
            notices.Add(SendMail.Plain(MailKind.BodyFiledCustomer, extra: Body(state)));
        }

        var next = now + state.Plan.Disputes.BodyReminderEvery;
        return new(state with { Phase = BodyPhase.AwaitingOutcome, NextReminderAt = next.UtcDateTime, ReplyDue = replyDue?.UtcDateTime, FiledAt = now.UtcDateTime },
        [
            // The case file first: every notice links to it.
            new PrepareCaseFile(state.BodyId),
            new SendMails(notices),
            new RecordOwner(BodyOwner, replyDue ?? next, false),
        ]);
    }

    public static DateTimeOffset? NextClock(ExternalBodyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase switch
        {
            BodyPhase.AwaitingOutcome => new[] { state.NextReminderAt is { } at ? Utc(at) : (DateTimeOffset?)null, NextReplyClock(state) }.Where(d => d is not null).Min(),
            BodyPhase.Compliance when !state.ComplianceEscalated && state.ComplianceDue is { } due => Utc(due),
            _ => null,
        };
    }

    public static StageDecision<ExternalBodyState> OnClock(ExternalBodyState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase == BodyPhase.AwaitingOutcome)
        {
            // The periodic reminder and the reply clock are apart: one clock may find both due.
            var next = state;
            var commands = new List<ProcessCommand>();
            if (state.NextReminderAt is { } at && now >= Utc(at))
            {
                next = next with { NextReminderAt = (now + state.Plan.Disputes.BodyReminderEvery).UtcDateTime, Reminders = state.Reminders + 1 };
                commands.Add(new SendMail(MailKind.BodyReminder, [new("outcomeUrl", CaseInputKinds.DisputeOutcome, ActionRoles.DisputeContact)], ProcessTimes.None,
                    Extra: With(Body(state), "to", ActionRoles.DisputeContact), Views: [new("caseFileUrl", CaseViews.CaseFileFor(state.BodyId), ActionRoles.DisputeContact)]));
            }

            if (ReplyOwed(state) && state.ReplyDue is { } dueAt)
            {
                var replyDue = Utc(dueAt);
                if (!state.ReplyEscalated && now >= replyDue)
                {
                    // A reminder not yet sent is stale once the reply is late: management hears instead.
                    next = next with { ReplyEscalated = true, ReplyReminderSent = true };
                    commands.Add(new TargetMissed("body-reply", replyDue));
                    commands.Add(new SendMail(MailKind.BodyReplyEscalation, [], ProcessTimes.Of(("dueAt", replyDue)),
                        Extra: With(Body(state), "to", ActionRoles.Management), Views: [new("caseFileUrl", CaseViews.CaseFileFor(state.BodyId), ActionRoles.Management)]));
                    commands.Add(new RecordOwner(state.ReplyComplex ? ComplexOwner : BodyOwner, replyDue, true));
                }
                else if (!state.ReplyReminderSent && ReplyReminderAt(state) is { } remindAt && now >= remindAt)
                {
                    next = next with { ReplyReminderSent = true };
                    commands.Add(new SendMail(MailKind.BodyReplyReminder, [RepliedLink], ProcessTimes.Of(("dueAt", replyDue)),
                        Extra: With(Body(state), "to", ActionRoles.DisputeContact), Views: [new("caseFileUrl", CaseViews.CaseFileFor(state.BodyId), ActionRoles.DisputeContact)]));
                }
            }

            return new(next, commands);
        }

        if (state.Phase == BodyPhase.Compliance && !state.ComplianceEscalated && state.ComplianceDue is { } due && now >= Utc(due))
        {
            return Escalate(state, reasonRef: null, [new TargetMissed("compliance", Utc(due))]);
        }

        return new(state, []);
    }

    public static StageDecision<ExternalBodyState> OnInput(ExternalBodyState state, InputReading reading, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reading);
        var body = Body(state);
        switch (reading.Input, state.Phase)
        {
            case (null, _):
                return new(state, [new RecordRefusal(reading.Kind, reading.Actor, reading.Error ?? "The input could not be read.", TellStaff: true)]);

            case (ComplaintWithdrawn, _):
                return new(state, [], new StageResult(StageEnding.Withdrawn));

            case (BodyOutcomeRecorded outcome, BodyPhase.AwaitingOutcome) when outcome.Finding == BodyFinding.Retailer:
                // The body found for the retailer: there is nothing to follow, and the case ends here.
                return Closed(state,
                [
                    new TakeStep(CaseAction.RecordBodyOutcome, outcome.Actor, TrailFacts.Of((FactKeys.Finding, FindingWord(outcome.Finding)))),
                    new TakeStep(CaseAction.ConfirmCompliance, "system"),
                    SendMail.Plain(MailKind.BodyOutcomeCustomer, outcome.TextRef, body),
                ]);

            case (BodyOutcomeRecorded outcome, BodyPhase.AwaitingOutcome):
            {
                var complianceDue = now + state.Plan.Disputes.ComplianceDeadline;
                return new(state with { Phase = BodyPhase.Compliance, ComplianceDue = complianceDue.UtcDateTime, OutcomeRef = outcome.TextRef },
                [
                    new TakeStep(CaseAction.RecordBodyOutcome, outcome.Actor, TrailFacts.Of((FactKeys.Finding, FindingWord(outcome.Finding)))),
                    SendMail.Plain(MailKind.BodyOutcomeCustomer, outcome.TextRef, body),
                    new SendMail(MailKind.ComplianceRequest,
                        [new("complyUrl", CaseInputKinds.DisputeComply, ActionRoles.DisputeContact), new("notComplyUrl", CaseInputKinds.DisputeNotComply, ActionRoles.DisputeContact)],
                        ProcessTimes.Of(("dueAt", complianceDue)), outcome.TextRef, Extra: With(body, "to", ActionRoles.DisputeContact)),
                    new RecordOwner("dispute contact (follow the recommendation)", complianceDue, false),
                ]);
            }

            case (BodyReplySent, BodyPhase.AwaitingOutcome) when state.RepliedAt is null:
                // The link or console press is on the trail already; here the reply clock stops, and the
                // owner says so, so the console no longer offers the step.
                return new(state with { RepliedAt = now.UtcDateTime }, [new RecordOwner(RepliedOwner, state.NextReminderAt is { } at ? Utc(at) : null, false)]);

            case (BodyCaseComplex complex, BodyPhase.AwaitingOutcome):
                return MarkComplex(state, complex, now);

            case (BodyReplySent replied, BodyPhase.AwaitingOutcome):
                return new(state, [new RecordRefusal(replied.Kind, replied.Actor, $"The reply to the body was recorded already ({state.RepliedAt:yyyy-MM-dd HH:mm} UTC).", TellStaff: false)]);

            case (BodyReplySent replied, BodyPhase.Compliance):
                return new(state, [new RecordRefusal(replied.Kind, replied.Actor, "The body has given its outcome, so no reply to it is owed now; the case is following the recommendation.", TellStaff: false)]);

            case (BodyCaseComplex complex, BodyPhase.Compliance):
                return new(state, [new RecordRefusal(complex.Kind, complex.Actor, "The body has given its outcome, so no reply to it is owed now; the case is following the recommendation.", TellStaff: false)]);

            case (ComplianceRefused refused, BodyPhase.Compliance):
                // Refused with a reason: management hears and decides, with a link to confirm once it is done.
                return Escalate(state, refused.TextRef, []);

            case (ComplianceConfirmed confirmed, BodyPhase.Compliance):
                return Closed(state,
                [
                    new TakeStep(CaseAction.ConfirmCompliance, confirmed.Actor, TrailFacts.Of((FactKeys.OnTime, state.ComplianceEscalated || (state.ComplianceDue is { } due && now.UtcDateTime > due) ? "no" : "yes"))),
                    SendMail.Closing(MailKind.ComplianceDone, extra: body),
                ]);

            case ({ } other, _):
                return new(state, [new RecordRefusal(other.Kind, other.Actor, $"'{other.Kind}' is not a step while the case is with the external body ({Describe(state.Phase)}).", TellStaff: false)]);
        }
    }

    /// <summary>The finding as the reports' facts name it (the input's wire words).</summary>
    static string FindingWord(BodyFinding finding) => finding switch
    {
        BodyFinding.Customer => "customer",
        BodyFinding.Partly => "partly",
        BodyFinding.Retailer => "retailer",
        _ => throw new ArgumentOutOfRangeException(nameof(finding)),
    };

    /// <summary>
    /// The body treats its case as complex: the reply is due the complex cases' working days from the filing
    /// (Directive (EU) 2025/2647: 30 rather than 20), the reminder moves with it and may come again, and so may
    /// management's mail if the new date passes too. Refused, with the reason, when no reply clock runs.
    /// </summary>
    static StageDecision<ExternalBodyState> MarkComplex(ExternalBodyState state, BodyCaseComplex complex, DateTimeOffset now)
    {
        string? refusal = state switch
        {
            { ReplyDue: null } => "This filing has no reply clock (it was filed before the clock existed), so there is no due date to move.",
            { RepliedAt: { } at } => $"The reply to the body was recorded already ({at:yyyy-MM-dd HH:mm} UTC); no reply is owed.",
            { ReplyComplex: true } => $"The case is marked complex already; the reply is due {state.ReplyDue:yyyy-MM-dd HH:mm} UTC.",
            _ => null,
        };
        if (refusal is not null)
        {
            return new(state, [new RecordRefusal(complex.Kind, complex.Actor, refusal, TellStaff: false)]);
        }

        var days = state.Plan.Disputes.ComplexBodyReplyWorkingDays;
        var due = Utc(state.ReplyDue!.Value);
        var filed = state.FiledAt is { } f ? Utc(f) : (DateTimeOffset?)null;

        // A stage filed before the filing time was kept counts the extra days on from the due date it was given.
        var complexDue = filed is { } from
            ? Calendar(state).AddBusinessDays(from, days)
            : Calendar(state).AddBusinessDays(due, Math.Max(0, days - state.Plan.Disputes.BodyReplyWorkingDays));
        if (complexDue <= due)
        {
            refusal = $"{days} working days from the filing ({complexDue.UtcDateTime:yyyy-MM-dd HH:mm} UTC) is no later than the reply due now; Disputes:ComplexBodyReplyWorkingDays must be above Disputes:BodyReplyWorkingDays.";
        }
        else if (complexDue <= now)
        {
            refusal = $"{days} working days from the filing ended on {complexDue.UtcDateTime:yyyy-MM-dd HH:mm} UTC; the reply is late even for a complex case.";
        }

        if (refusal is not null)
        {
            return new(state, [new RecordRefusal(complex.Kind, complex.Actor, refusal, TellStaff: false)]);
        }

        // A reminder or an escalation that went out for the shorter date does not count for the new one.
        var next = state with { ReplyDue = complexDue.UtcDateTime, ReplyComplex = true, ReplyReminderSent = false, ReplyEscalated = false };
        return new(next,
        [
            new RecordOnTrail("reply-clock", complex.Actor, string.Create(CultureInfo.InvariantCulture,
                $"The body treats the case as complex: the retailer's reply is due {complexDue.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({days} working days from the filing; it was due {due.UtcDateTime:yyyy-MM-dd HH:mm} UTC). Directive (EU) 2025/2647.")),
            new RecordOwner(ComplexOwner, complexDue, false),
        ]);
    }

    static StageDecision<ExternalBodyState> Escalate(ExternalBodyState state, string? reasonRef, IReadOnlyList<ProcessCommand> before) =>
        new(state with { ComplianceEscalated = true },
        [
            .. before,
            new SendMail(MailKind.ComplianceEscalation, [new("complyUrl", CaseInputKinds.DisputeComply, ActionRoles.Management)], ProcessTimes.None, reasonRef,
                Extra: With(Body(state), "to", ActionRoles.Management), Views: [new("caseFileUrl", CaseViews.CaseFileFor(state.BodyId), ActionRoles.Management)]),
            new RecordOwner("management (recommendation not followed)", null, true),
        ]);

    static StageDecision<ExternalBodyState> Closed(ExternalBodyState state, IReadOnlyList<ProcessCommand> commands)
    {
        var all = new List<ProcessCommand>(commands) { new RecordOwner("nobody (closed)", null, false) };
        if (!state.ReturnsResult)
        {
            // Started by version 1: the case waits for an input, not for this orchestration's result.
            all.Add(new ReportToCase(new CaseInput(CaseInputKinds.BodyCaseClosed, "system")));
        }

        return new(state, all, new StageResult(StageEnding.Closed));
    }

    static SendMail Notice(ExternalBodyState state, IReadOnlyList<LinkSpec> links, string to, string caseFile, IReadOnlyDictionary<string, DateTime>? times = null) =>
        new(MailKind.BodyFilingNotice, links, times ?? ProcessTimes.None, Extra: With(Body(state), "to", to), Views: [new("caseFileUrl", caseFile, to)]);

    /// <summary>The dispute contact holds the case while the body works on it and the reply is owed.</summary>
    public const string BodyOwner = "dispute contact (external body)";

    /// <summary>The same, with the reply due in the complex cases' working days.</summary>
    public const string ComplexOwner = "dispute contact (external body, complex case)";

    /// <summary>The same, once the reply to the body is recorded: nothing is owed to the body until its outcome.</summary>
    public const string RepliedOwner = "dispute contact (external body, reply sent)";

    static readonly LinkSpec RepliedLink = new("repliedUrl", CaseInputKinds.DisputeReplied, ActionRoles.DisputeContact);

    static readonly LinkSpec ComplexLink = new("complexUrl", CaseInputKinds.DisputeComplex, ActionRoles.DisputeContact);

    /// <summary>The reply clock runs from the filing until the reply is recorded; a stage filed before it has none.</summary>
    static bool ReplyOwed(ExternalBodyState state) => state.ReplyDue is not null && state.RepliedAt is null;

    static DateTimeOffset? ReplyReminderAt(ExternalBodyState state) =>
        state.ReplyDue is { } due && state.Plan.Disputes.BodyReplyReminderWorkingDays > 0
            ? Calendar(state).AddBusinessDays(Utc(due), -state.Plan.Disputes.BodyReplyReminderWorkingDays)
            : null;

    /// <summary>The reply clock's next moment: the reminder, then the deadline; none once replied or escalated.</summary>
    static DateTimeOffset? NextReplyClock(ExternalBodyState state)
    {
        if (!ReplyOwed(state) || state.ReplyEscalated)
        {
            return null;
        }

        var due = Utc(state.ReplyDue!.Value);
        return !state.ReplyReminderSent && ReplyReminderAt(state) is { } reminder && reminder < due ? reminder : due;
    }

    static BusinessCalendar Calendar(ExternalBodyState state) => new(state.Plan.Country, state.Plan.Hours);

    static Dictionary<string, string> Body(ExternalBodyState state) => new(StringComparer.Ordinal) { ["bodyId"] = state.BodyId };

    static Dictionary<string, string> With(Dictionary<string, string> values, string key, string value) =>
        new(values, StringComparer.Ordinal) { [key] = value };

    static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeSpan.Zero);

    static string Describe(BodyPhase phase) => phase switch
    {
        BodyPhase.Filing => "being filed",
        BodyPhase.AwaitingOutcome => "waiting for the body's outcome",
        BodyPhase.Compliance => "following the recommendation",
        _ => phase.ToString(),
    };
}
