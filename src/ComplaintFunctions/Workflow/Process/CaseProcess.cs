using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;

namespace ComplaintFunctions.Workflow.Process;

/// <summary>What the process decided: the case's next state and what to carry out, in order.</summary>
public sealed record CaseDecision(CaseFlow Next, IReadOnlyList<ProcessCommand> Commands)
{
    public static CaseDecision Stay(CaseFlow flow, params ProcessCommand[] commands) => new(flow, commands);
}

/// <summary>
/// The customer-service process of one case, as a decision table: given the case's state and one
/// thing that happened (the case opened, an input, a clock, a later stage that ended or failed)
/// and the time, it gives the next state and the commands. Plain C#: no I/O, no host, no clock of
/// its own, so every path is tested directly. A step of the lifecycle is always the first command of
/// a decision, so when the complaint refuses it nothing has been sent.
/// </summary>
public static class CaseProcess
{
    /// <summary>The complaint's stage each phase stands for (the aggregate's view of the same case).</summary>
    public static CaseStage StageOf(FlowPhase phase) => phase switch
    {
        FlowPhase.Opening or FlowPhase.CustomerService or FlowPhase.AwaitingApproval => CaseStage.CustomerService,
        FlowPhase.Manufacturer or FlowPhase.WaitingForCustomer => CaseStage.WaitingForCustomer,
        FlowPhase.FinalAnswer => CaseStage.FinalAnswer,
        FlowPhase.Ombudsman or FlowPhase.OmbudsmanDecided => CaseStage.OmbudsmanReview,
        FlowPhase.ExternalBody => CaseStage.ExternalBody,
        FlowPhase.StageFailed => CaseStage.OmbudsmanReview,
        FlowPhase.Closed => CaseStage.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Not a phase of the case."),
    };

    /// <summary>The stage a failed phase stands for depends on which later stage failed.</summary>
    public static CaseStage StageOf(CaseFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return flow.Phase == FlowPhase.StageFailed && flow.FailedStage == LaterStage.ExternalBody ? CaseStage.ExternalBody : StageOf(flow.Phase);
    }

    /// <summary>The case is open: the customer hears, and either the team gets it or the customer is sent to the manufacturer's support.</summary>
    public static CaseDecision Open(CaseFlow flow, CasePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(plan);
        var opened = flow with { Plan = plan, LastWordToCustomer = now };
        var acknowledgement = SendMail.Plain(MailKind.Acknowledgement);
        if (plan.Route == TriageRoute.ManufacturerSupport)
        {
            var deadline = now + plan.Timings.ManufacturerWindow;
            var next = opened with { Phase = FlowPhase.Manufacturer, WaitUntil = deadline };
            return new(next,
            [
                new TakeStep(CaseAction.AskCustomer, "system"),
                acknowledgement,
                new SendMail(MailKind.ManufacturerSupport,
                    [new("solvedUrl", CaseInputKinds.ManufacturerSolved, ActionRoles.Customer), new("helpUrl", CaseInputKinds.ManufacturerHelp, ActionRoles.Customer)],
                    ProcessTimes.Of(("deadline", deadline))),
                Owner(next),
            ]);
        }

        var (assigned, commands) = AssignCore(opened, MailKind.StaffAssignment, plan.Timings.FirstResponseTarget, textRef: null, now);
        return new(assigned, [acknowledgement, .. commands]);
    }

    /// <summary>
    /// A state of version 1 in a later stage that was not started yet (version 1 started it at the
    /// next episode, from an activity): start it now, as a sub-orchestration. Null when there is nothing to resume.
    /// </summary>
    public static CaseDecision? Resume(CaseFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return (flow.Phase, flow.StageStarted) switch
        {
            (FlowPhase.Ombudsman, false) => Started(flow, LaterStage.OmbudsmanReview, []),
            // Version 1's body stage took the step to the body itself; version 2's case takes it.
            (FlowPhase.ExternalBody, false) => Started(flow, LaterStage.ExternalBody, [new TakeStep(CaseAction.TakeToExternalBody, flow.BodyReferredBy ?? "customer")]),
            _ => null,
        };

        static CaseDecision Started(CaseFlow flow, LaterStage stage, ProcessCommand[] before)
        {
            var next = flow with { StageStarted = true, StageReportsByInput = false, StageAttempt = 1 };
            return new(next, [.. before, new StartStage(stage, 1), Owner(next)]);
        }
    }

    /// <summary>When the case's next clock is due, or null when it waits for inputs (or a stage) only.</summary>
    public static DateTimeOffset? NextClock(CaseFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var candidates = new List<DateTimeOffset>();
        if (flow.Plan is not { } plan)
        {
            return null;
        }

        if (WithTheTeam(flow.Phase))
        {
            var calendar = Calendar(plan);
            if (!flow.ReminderSent && ReminderAt(flow.Sla, plan.Timings.ReminderLead, calendar) is { } reminder)
            {
                candidates.Add(reminder);
            }

            if (!flow.Escalated && flow.Sla?.DueAt(calendar) is { } due)
            {
                candidates.Add(due);
            }

            candidates.Add(ProgressDueAt(flow, calendar));
        }

        if (flow.WaitUntil is { } wait && WaitsForCustomer(flow.Phase))
        {
            candidates.Add(wait);
        }

        return candidates.Count == 0 ? null : candidates.Min();
    }

    /// <summary>
    /// A clock fired. Only what is really due is done (a timer can fire a little early on the Azure
    /// Storage backend); the next episode waits again for the rest.
    /// </summary>
    public static CaseDecision OnClock(CaseFlow flow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var plan = flow.Plan ?? throw new InvalidOperationException("A case has a plan once it is open.");
        if (flow.WaitUntil is { } wait && now >= wait && WaitsForCustomer(flow.Phase))
        {
            var closed = flow with { Phase = FlowPhase.Closed, Sla = null };
            return new(closed, [new TakeStep(CaseAction.ReplyWindowExpired, "system"), SendMail.Plain(MailKind.ClosedNoReply), Owner(closed)]);
        }

        if (!WithTheTeam(flow.Phase))
        {
            return CaseDecision.Stay(flow);
        }

        var calendar = Calendar(plan);
        var commands = new List<ProcessCommand>();
        var next = flow;
        if (!flow.ReminderSent && ReminderAt(flow.Sla, plan.Timings.ReminderLead, calendar) is { } reminder && now >= reminder)
        {
            commands.Add(new SendMail(MailKind.StaffReminder, AgentLinks, ProcessTimes.Of(("dueAt", flow.Sla!.DueAt(calendar)!.Value))));
            next = next with { ReminderSent = true };
        }

        if (!flow.Escalated && flow.Sla?.DueAt(calendar) is { } due && now >= due)
        {
            next = next with { Escalated = true };
            commands.Add(new TargetMissed("customer-service", due));
            commands.Add(new SendMail(MailKind.StaffEscalation, [], ProcessTimes.Of(("dueAt", due)), Views: [new("caseUrl", CaseViews.Case, ActionRoles.TeamLead)]));
            commands.Add(Owner(next));
        }

        if (now >= ProgressDueAt(flow, calendar))
        {
            commands.Add(SendMail.Plain(MailKind.Progress));
            next = next with { LastWordToCustomer = now };
        }

        return new(next, commands);
    }

    /// <summary>
    /// An input came. One the case took before (its id is remembered) changes nothing. One that is not
    /// a step now is refused with the reason, on the trail; one that cannot be read, too, and staff hear of it.
    /// </summary>
    public static CaseDecision OnInput(CaseFlow flow, InputReading reading, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Raw?.InputId is not { Length: > 0 } id)
        {
            return Take(flow, reading, now);
        }

        if (flow.RecentInputs.Contains(id, StringComparer.Ordinal))
        {
            return CaseDecision.Stay(flow);
        }

        var decision = Take(flow, reading, now);
        return decision.Commands.Any(c => c is RecordRefusal)
            ? decision
            : decision with { Next = decision.Next with { RecentInputs = [.. decision.Next.RecentInputs.TakeLast(CaseFlow.RememberedInputs - 1), id] } };
    }

    static CaseDecision Take(CaseFlow flow, InputReading reading, DateTimeOffset now)
    {
        if (reading.Input is not { } input)
        {
            return CaseDecision.Stay(flow, new RecordRefusal(reading.Kind, reading.Actor, reading.Error ?? "The input could not be read.", TellStaff: true));
        }

        var plan = flow.Plan ?? throw new InvalidOperationException("A case has a plan once it is open.");
        var timings = plan.Timings;
        switch (input, flow.Phase)
        {
            case (_, FlowPhase.Closed):
                return Refuse(flow, input, "The case is closed.");

            case (ComplaintWithdrawn withdrawn, _):
            {
                var closed = flow with { Phase = FlowPhase.Closed, Sla = null, WaitUntil = null, PendingApproval = null };
                var commands = new List<ProcessCommand> { new TakeStep(CaseAction.Withdraw, withdrawn.Actor) };
                if (RunningStage(flow) is { } stage)
                {
                    commands.Add(new EndStage(stage, flow.StageAttempt, withdrawn.Actor));
                }

                commands.Add(SendMail.Plain(MailKind.ClosedWithdrawn));
                commands.Add(SendMail.Plain(MailKind.StaffWithdrawn, withdrawn.TextRef, new Dictionary<string, string> { ["actor"] = withdrawn.Actor }));
                commands.Add(Owner(closed));
                return new(closed, commands);
            }

            case (SolvedByManufacturer solved, FlowPhase.Manufacturer):
            {
                var closed = flow with { Phase = FlowPhase.Closed };
                return new(closed, [new TakeStep(CaseAction.Resolve, solved.Actor), SendMail.Closing(MailKind.ClosedSolved), Owner(closed)]);
            }

            case (HelpWantedAfterManufacturer help, FlowPhase.Manufacturer):
                // Not a new complaint: the team's mail says it comes back from the manufacturer's support.
                return Assign(flow, MailKind.StaffManufacturerReturn, timings.NextResponseTarget, help.TextRef, now, new TakeStep(CaseAction.CustomerResponded, help.Actor));

            case (CustomerReplied replied, FlowPhase.Manufacturer):
                return Assign(flow, MailKind.StaffManufacturerReturn, timings.NextResponseTarget, replied.TextRef, now, new TakeStep(CaseAction.CustomerResponded, replied.Actor));

            case (CustomerReplied replied, FlowPhase.WaitingForCustomer):
                return Assign(flow, MailKind.StaffCustomerReplied, timings.NextResponseTarget, replied.TextRef, now, new TakeStep(CaseAction.CustomerResponded, replied.Actor));

            case (CustomerReplied replied, FlowPhase.CustomerService):
                // The customer wrote again: a new answer is owed, on a fresh clock.
                return Assign(flow, MailKind.StaffCustomerReplied, timings.NextResponseTarget, replied.TextRef, now);

            case (CustomerReplied replied, _):
                // It reaches the team (it is on the case's trail); the clocks of this phase stay as they are.
                return CaseDecision.Stay(flow, new SendMail(MailKind.StaffCustomerReplied, AgentLinks, ProcessTimes.Of(("dueAt", now)), replied.TextRef));

            case (AgentAnswered answered, FlowPhase.CustomerService):
            {
                var next = flow with { Sla = null, ReminderSent = false, Escalated = false, LastWordToCustomer = now };
                return new(next, [new SendMail(MailKind.AgentAnswer, [], ProcessTimes.None, answered.TextRef), Owner(next)]);
            }

            case (AgentAskedCustomer asked, FlowPhase.CustomerService):
            {
                var deadline = now + timings.WaitingForCustomerWindow;
                var next = flow with { Phase = FlowPhase.WaitingForCustomer, Sla = flow.Sla?.Pause(now, Calendar(plan)), WaitUntil = deadline, LastWordToCustomer = now };
                return new(next,
                [
                    new TakeStep(CaseAction.AskCustomer, asked.Actor),
                    new SendMail(MailKind.AgentQuestion, [], ProcessTimes.Of(("deadline", deadline)), asked.TextRef),
                    Owner(next),
                ]);
            }

            case (FinalAnswerWritten final, FlowPhase.CustomerService) when final.Amount > timings.ApprovalThresholdFor(CaseCurrency.For(plan.Country)):
            {
                if (final.TextRef is null)
                {
                    return Refuse(flow, input, "A final answer needs its text.");
                }

                var next = flow with { Phase = FlowPhase.AwaitingApproval, PendingApproval = new PendingAnswer(final.TextRef, final.Amount, final.Repaired) };
                return new(next,
                [
                    new SendMail(MailKind.StaffApprovalRequest,
                        [new("approveUrl", CaseInputKinds.LeadApprove, ActionRoles.TeamLead), new("sendBackUrl", CaseInputKinds.LeadSendBack, ActionRoles.TeamLead)],
                        ProcessTimes.None, final.TextRef, final.Amount),
                    Owner(next),
                ]);
            }

            case (FinalAnswerWritten final, FlowPhase.CustomerService):
                return GiveFinalAnswer(flow, final.TextRef, final.Actor, final.Amount, final.Repaired, now);

            case (FinalAnswerApproved approved, FlowPhase.AwaitingApproval):
                return GiveFinalAnswer(flow, flow.PendingApproval?.TextRef, approved.Actor, flow.PendingApproval?.Amount, flow.PendingApproval?.Repaired ?? false, now);

            case (FinalAnswerSentBack sentBack, FlowPhase.AwaitingApproval):
            {
                var next = flow with { Phase = FlowPhase.CustomerService, PendingApproval = null };
                return new(next, [new SendMail(MailKind.StaffSentBack, AgentLinks, ProcessTimes.None, sentBack.TextRef), Owner(next)]);
            }

            case (FinalAnswerAccepted accepted, FlowPhase.FinalAnswer):
            {
                var closed = flow with { Phase = FlowPhase.Closed, WaitUntil = null };
                return new(closed, [new TakeStep(CaseAction.AcceptFinalAnswer, accepted.Actor), SendMail.Closing(MailKind.ClosedAccepted), Owner(closed)]);
            }

            case (OmbudsmanAskedFor asked, FlowPhase.FinalAnswer):
            {
                var next = flow with
                {
                    Phase = FlowPhase.Ombudsman,
                    WaitUntil = null,
                    OmbudsmanRequestRef = asked.TextRef,
                    StageStarted = true,
                    StageReportsByInput = false,
                    StageAttempt = 1,
                };
                return new(next,
                [
                    new TakeStep(CaseAction.RequestOmbudsmanReview, asked.Actor),
                    SendMail.Plain(MailKind.OmbudsmanHandover),
                    new StartStage(LaterStage.OmbudsmanReview, 1),
                    Owner(next),
                ]);
            }

            case (OmbudsmanDecides, FlowPhase.Ombudsman) when flow.StageStarted && reading.Raw is { } raw:
                return CaseDecision.Stay(flow, new ForwardToStage(LaterStage.OmbudsmanReview, flow.StageAttempt, raw));

            case (BodyOutcomeRecorded or ComplianceConfirmed or ComplianceRefused or BodyReplySent or BodyCaseComplex, FlowPhase.ExternalBody) when flow.StageStarted && reading.Raw is { } raw:
                return CaseDecision.Stay(flow, new ForwardToStage(LaterStage.ExternalBody, flow.StageAttempt, raw));

            case (OmbudsmanDecides or BodyOutcomeRecorded or ComplianceConfirmed or ComplianceRefused or BodyReplySent or BodyCaseComplex, FlowPhase.StageFailed):
                return Refuse(flow, input, "The stage that takes this step stopped with an error; a team lead can run it again from the mail about it.");

            case (OmbudsmanReported reported, FlowPhase.Ombudsman) when flow.StageReportsByInput:
                return CaseDecision.Stay(flow, new FindBodies(new OmbudsmanDecision(reported.Verdict.ToWire(), reported.ReasonsRef, reported.DisputedAmount, reported.RoutineNoteRef, reported.ReferToBody, now.UtcDateTime, reported.Actor)));

            case (DecisionAccepted accepted, FlowPhase.OmbudsmanDecided):
            {
                var closed = flow with { Phase = FlowPhase.Closed, WaitUntil = null };
                return new(closed, [new TakeStep(CaseAction.AcceptOmbudsmanDecision, accepted.Actor), SendMail.Closing(MailKind.ClosedDecisionAccepted), Owner(closed)]);
            }

            case (ExternalBodyChosen chosen, FlowPhase.OmbudsmanDecided):
                return TakeToBody(flow, chosen.BodyId, chosen.Actor, referredBy: null, []);

            case (BodyStageReported, FlowPhase.ExternalBody) when flow.StageReportsByInput:
                return StageClosedCase(flow);

            case (FactsCorrected corrected, FlowPhase.Manufacturer or FlowPhase.CustomerService or FlowPhase.WaitingForCustomer or FlowPhase.AwaitingApproval or FlowPhase.FinalAnswer):
                return CaseDecision.Stay(flow, new CorrectFacts(corrected.Category, corrected.Country, corrected.Language, corrected.Actor, corrected.TextRef));

            case (FactsCorrected corrected, _):
                return Refuse(flow, input, $"Category, country and language are corrected while customer service has the case; it is {Describe(flow.Phase)}.");

            case (MergedIntoCase merged, FlowPhase.Manufacturer or FlowPhase.CustomerService or FlowPhase.WaitingForCustomer) when merged.IntoCase != flow.CaseNumber:
            {
                var closed = flow with { Phase = FlowPhase.Closed, Sla = null, WaitUntil = null };
                return new(closed,
                [
                    new TakeStep(CaseAction.MergeIntoCase, merged.Actor),
                    new PassToCase(merged.IntoCase, merged.Actor, merged.TextRef),
                    SendMail.Plain(MailKind.ClosedMerged, extra: new Dictionary<string, string> { ["otherCase"] = merged.IntoCase }),
                    Owner(closed),
                ]);
            }

            case (MergedIntoCase, _):
                return Refuse(flow, input, flow.Phase == FlowPhase.AwaitingApproval
                    ? "A final answer waits for the team lead's approval; it is approved or sent back first."
                    : $"A duplicate is merged into another case while customer service handles it; it is {Describe(flow.Phase)}.");

            case (StageRetryAsked retry, FlowPhase.StageFailed) when flow.FailedStage is { } failed:
            {
                var attempt = flow.StageAttempt + 1;
                var next = flow with
                {
                    Phase = failed == LaterStage.OmbudsmanReview ? FlowPhase.Ombudsman : FlowPhase.ExternalBody,
                    FailedStage = null,
                    StageAttempt = attempt,
                    StageStarted = true,
                    StageReportsByInput = false,
                };
                return new(next, [new StartStage(failed, attempt), Owner(next)]);
            }

            default:
                return Refuse(flow, input, NotNowReason(input, flow));
        }
    }

    /// <summary>
    /// A closed case reopened by staff (its orchestration started again with <see cref="CaseFlow.Reopening"/>):
    /// the step first, then the customer hears it is open again and the team owes an answer on a fresh clock.
    /// </summary>
    public static CaseDecision Reopen(CaseFlow flow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var order = flow.Reopening ?? throw new InvalidOperationException("Only a case started to be reopened is reopened.");
        var plan = flow.Plan ?? throw new InvalidOperationException("A reopened case starts with its plan.");
        var reopened = flow with { Reopening = null, LastWordToCustomer = now, Decision = null, PendingApproval = null, StageStarted = false, FailedStage = null };
        var (assigned, commands) = AssignCore(reopened, MailKind.StaffReopened, plan.Timings.NextResponseTarget, order.TextRef, now);
        return new(assigned,
        [
            new TakeStep(CaseAction.Reopen, order.Actor),
            SendMail.Plain(MailKind.CaseReopened),
            .. commands,
        ]);
    }

    /// <summary>
    /// The case's category, country or language was corrected and triage ran again (<see cref="CorrectFacts"/>):
    /// the clocks follow the corrected country, and a case that waited with the manufacturer's support because
    /// of a category that was wrong comes back to the team. A case with the team is never sent away by a correction.
    /// </summary>
    public static CaseDecision OnCorrected(CaseFlow flow, CasePlan corrected, string actor, DateTimeOffset now, string? reasonRef = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(corrected);
        var kept = flow.Plan ?? throw new InvalidOperationException("A case has a plan once it is open.");
        var next = flow with { Plan = kept with { Country = corrected.Country, Hours = corrected.Hours, Timings = corrected.Timings, Disputes = corrected.Disputes } };
        if (flow.Phase == FlowPhase.Manufacturer && corrected.Route == TriageRoute.CustomerService)
        {
            next = next with { Plan = next.Plan! with { Route = TriageRoute.CustomerService } };
            return Assign(next, MailKind.StaffTakenBack, corrected.Timings.FirstResponseTarget, reasonRef, now, new TakeStep(CaseAction.TakeBack, actor));
        }

        return CaseDecision.Stay(next, Owner(next));
    }

    /// <summary>The ombudsman decided; the bodies that fit are known (<see cref="FindBodies"/>).</summary>
    public static CaseDecision OnBodiesOffered(CaseFlow flow, OmbudsmanDecision decision, IReadOnlyList<string> offered, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(offered);
        var plan = flow.Plan ?? throw new InvalidOperationException("A case has a plan once it is open.");
        var decided = flow with { Decision = decision, StageStarted = false, StageReportsByInput = false };
        var outcome = new Dictionary<string, string> { ["outcome"] = decision.Outcome };
        if (decision.ReferToBody && offered.Count > 0)
        {
            // The ombudsman referred the case: it goes to the first body that fits, without waiting for the customer,
            // who hears the decision, its reasons and what that body is and does, from the ombudsman.
            var referral = new SendMail(MailKind.OmbudsmanReferral, [], ProcessTimes.None, decision.ReasonsRef, decision.DisputedAmount,
                new Dictionary<string, string>(outcome) { ["bodyId"] = offered[0] });
            return TakeToBody(decided, offered[0], decision.DecidedBy ?? "ombudsman", referredBy: decision.DecidedBy ?? "ombudsman", [referral]);
        }

        var deadline = now + plan.Disputes.DecisionReplyWindow;
        var links = new List<LinkSpec> { new("acceptDecisionUrl", CaseInputKinds.CustomerAcceptDecision, ActionRoles.Customer) };
        links.AddRange(offered.Select(id => new LinkSpec($"body:{id}", $"{CaseInputKinds.CustomerExternalBody}:{id}", ActionRoles.Customer)));
        var next = decided with { Phase = FlowPhase.OmbudsmanDecided, WaitUntil = deadline };
        return new(next,
        [
            new SendMail(MailKind.OmbudsmanDecision, links, ProcessTimes.Of(("deadline", deadline)), decision.ReasonsRef, decision.DisputedAmount, outcome),
            Owner(next),
        ]);
    }

    /// <summary>A later stage's orchestration ended with its result.</summary>
    public static CaseDecision OnStageEnded(CaseFlow flow, StageResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(result);
        return (flow.Phase, result.Ending) switch
        {
            (FlowPhase.Ombudsman, StageEnding.Decided) when result.Decision is { } decision => CaseDecision.Stay(flow, new FindBodies(decision)),
            (FlowPhase.ExternalBody, StageEnding.Closed) => StageClosedCase(flow),
            // Withdrawn: the case closed it already.
            _ => CaseDecision.Stay(flow with { StageStarted = false }),
        };
    }

    /// <summary>A later stage's orchestration failed: the case shows it, staff hear, and a team lead can run it again.</summary>
    public static CaseDecision OnStageFailed(CaseFlow flow, string error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var stage = RunningStage(flow) ?? LaterStage.OmbudsmanReview;
        var next = flow with { Phase = FlowPhase.StageFailed, FailedStage = stage, StageStarted = false };
        return new(next,
        [
            new SendMail(MailKind.StaffStageFailed, [new("retryUrl", CaseInputKinds.StageRetry, ActionRoles.TeamLead)], ProcessTimes.None,
                Extra: new Dictionary<string, string> { ["stage"] = stage == LaterStage.OmbudsmanReview ? "ombudsman" : "external-body", ["error"] = error.Length > 300 ? error[..300] : error }),
            Owner(next),
        ]);
    }

    /// <summary>The later stage that runs now, if one does.</summary>
    public static LaterStage? RunningStage(CaseFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return (flow.Phase, flow.StageStarted) switch
        {
            (FlowPhase.Ombudsman, true) => LaterStage.OmbudsmanReview,
            (FlowPhase.ExternalBody, true) => LaterStage.ExternalBody,
            _ => null,
        };
    }

    /// <summary>The owner while a final answer waits for the team lead (the console offers approval then).</summary>
    public const string ApprovalOwner = "team lead (approval)";

    /// <summary>The owner while a later stage has failed (the console offers to run it again then).</summary>
    public const string StageFailedOwner = "team lead (a stage failed)";

    /// <summary>Who holds the case and when it is due, as the staff list shows it.</summary>
    public static RecordOwner Owner(CaseFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var owner = flow.Phase switch
        {
            FlowPhase.CustomerService or FlowPhase.Opening => "customer-service team",
            FlowPhase.AwaitingApproval => ApprovalOwner,
            FlowPhase.WaitingForCustomer or FlowPhase.FinalAnswer or FlowPhase.OmbudsmanDecided => "customer",
            FlowPhase.Manufacturer => "customer (with the manufacturer's support)",
            FlowPhase.Ombudsman => "customer ombudsman",
            FlowPhase.ExternalBody => "dispute contact (external body)",
            FlowPhase.StageFailed => StageFailedOwner,
            _ => "nobody (closed)",
        };
        var withTheTeam = WithTheTeam(flow.Phase);
        var due = withTheTeam && flow.Plan is { } plan ? flow.Sla?.DueAt(Calendar(plan)) : flow.WaitUntil;
        return new RecordOwner(owner, flow.Phase == FlowPhase.Closed ? null : due, (withTheTeam && flow.Escalated) || flow.Phase == FlowPhase.StageFailed);
    }

    static CaseDecision TakeToBody(CaseFlow flow, string bodyId, string actor, string? referredBy, IReadOnlyList<ProcessCommand> before)
    {
        var next = flow with
        {
            Phase = FlowPhase.ExternalBody,
            BodyId = bodyId,
            BodyReferredBy = referredBy,
            WaitUntil = null,
            StageStarted = true,
            StageReportsByInput = false,
            StageAttempt = 1,
        };
        return new(next, [new TakeStep(CaseAction.TakeToExternalBody, actor), .. before, new StartStage(LaterStage.ExternalBody, 1), Owner(next)]);
    }

    static CaseDecision StageClosedCase(CaseFlow flow)
    {
        // The body's stage took the lifecycle's last step (compliance) on the complaint itself.
        var closed = flow with { Phase = FlowPhase.Closed, StageStarted = false, StageReportsByInput = false };
        return new(closed, [Owner(closed)]);
    }

    static CaseDecision GiveFinalAnswer(CaseFlow flow, string? textRef, string actor, decimal? amount, bool repaired, DateTimeOffset now)
    {
        var plan = flow.Plan!;
        var deadline = now + plan.Timings.CustomerReplyWindow;
        var next = flow with
        {
            Phase = FlowPhase.FinalAnswer,
            Sla = null,
            ReminderSent = false,
            Escalated = false,
            PendingApproval = null,
            WaitUntil = deadline,
            LastWordToCustomer = now,
        };
        return new(next,
        [
            // A repair under the claim is a remedy: the reports count the complaint upheld for the customer.
            new TakeStep(CaseAction.GiveFinalAnswer, actor, TrailFacts.Of(
                (FactKeys.Amount, TrailFacts.Amount(amount)), (FactKeys.Currency, amount is null ? null : CaseCurrency.For(plan.Country)), (FactKeys.Outcome, repaired ? "repaired" : null))),
            new SendMail(MailKind.FinalAnswer,
                [new("acceptUrl", CaseInputKinds.CustomerAccept, ActionRoles.Customer), new("ombudsmanUrl", CaseInputKinds.CustomerOmbudsman, ActionRoles.Customer)],
                ProcessTimes.Of(("deadline", deadline)), textRef, amount),
            Owner(next),

            // Last, after the mail and the list: a later complaint about the same product gets the longer
            // claim window the Right to Repair Directive gives (the register is read at its triage).
            .. (repaired ? (ProcessCommand[])[new RecordRepair(actor)] : []),
        ]);
    }

    /// <summary>Gives the case to the team with a mail to act from, and starts the clock for the answer owed.</summary>
    static CaseDecision Assign(CaseFlow flow, MailKind kind, TimeSpan target, string? textRef, DateTimeOffset now, TakeStep? step = null)
    {
        var (next, commands) = AssignCore(flow, kind, target, textRef, now);
        return new(next, step is null ? commands : [step, .. commands]);
    }

    static (CaseFlow Next, ProcessCommand[] Commands) AssignCore(CaseFlow flow, MailKind kind, TimeSpan target, string? textRef, DateTimeOffset now)
    {
        var sla = SlaClock.Start(target, now);
        var next = flow with { Phase = FlowPhase.CustomerService, Sla = sla, ReminderSent = false, Escalated = false, WaitUntil = null };
        return (next, [new SendMail(kind, AgentLinks, ProcessTimes.Of(("dueAt", sla.DueAt(Calendar(flow.Plan!))!.Value)), textRef), Owner(next)]);
    }

    static CaseDecision Refuse(CaseFlow flow, StepInput input, string reason) =>
        // Not a step of this phase (a late link, a second click): the action endpoint refused most already; this one goes on the trail.
        CaseDecision.Stay(flow, new RecordRefusal(input.Kind, input.Actor, reason, TellStaff: false));

    static string NotNowReason(StepInput input, CaseFlow flow) =>
        $"'{input.Kind}' is not a step of the case while it is {Describe(flow.Phase)}.";

    public static string Describe(FlowPhase phase) => phase switch
    {
        FlowPhase.Opening => "opening",
        FlowPhase.Manufacturer => "with the manufacturer's support",
        FlowPhase.CustomerService => "with customer service",
        FlowPhase.WaitingForCustomer => "waiting for the customer",
        FlowPhase.AwaitingApproval => "waiting for the team lead's approval",
        FlowPhase.FinalAnswer => "waiting for the customer's answer to the final answer",
        FlowPhase.Ombudsman => "with the customer ombudsman",
        FlowPhase.OmbudsmanDecided => "waiting for the customer's answer to the ombudsman's decision",
        FlowPhase.ExternalBody => "with an external body",
        FlowPhase.StageFailed => "stopped: a stage failed",
        FlowPhase.Closed => "closed",
        _ => phase.ToString(),
    };

    static readonly LinkSpec[] AgentLinks =
    [
        new("answerUrl", CaseInputKinds.AgentAnswer, ActionRoles.Agent),
        new("askUrl", CaseInputKinds.AgentAsk, ActionRoles.Agent),
        new("finalUrl", CaseInputKinds.AgentFinal, ActionRoles.Agent),
    ];

    static bool WithTheTeam(FlowPhase phase) => phase is FlowPhase.CustomerService or FlowPhase.AwaitingApproval;

    static bool WaitsForCustomer(FlowPhase phase) => phase is FlowPhase.Manufacturer or FlowPhase.WaitingForCustomer or FlowPhase.FinalAnswer or FlowPhase.OmbudsmanDecided;

    static BusinessCalendar Calendar(CasePlan plan) => new(plan.Country, plan.Hours);

    static DateTimeOffset ProgressDueAt(CaseFlow flow, BusinessCalendar calendar) => calendar.AddBusinessTime(flow.LastWordToCustomer, flow.Plan!.Timings.ProgressAfter);

    /// <summary>The instant a reminder is due: the lead before the clock's target, or null when the target is shorter than the lead.</summary>
    public static DateTimeOffset? ReminderAt(SlaClock? sla, TimeSpan lead, BusinessCalendar calendar) =>
        sla is { IsRunning: true } running && running.Target > lead ? (running with { Target = running.Target - lead }).DueAt(calendar) : null;
}

/// <summary>How a later stage's orchestration ended.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<StageEnding>))]
public enum StageEnding
{
    /// <summary>The ombudsman decided (<see cref="StageResult.Decision"/>).</summary>
    Decided = 0,

    /// <summary>The body's case is done (the recommendation followed, or nothing to follow).</summary>
    Closed = 1,

    /// <summary>The customer withdrew the complaint while the stage ran.</summary>
    Withdrawn = 2,
}

/// <summary>What a later stage gives back to the case.</summary>
public sealed record StageResult(StageEnding Ending, OmbudsmanDecision? Decision = null);
