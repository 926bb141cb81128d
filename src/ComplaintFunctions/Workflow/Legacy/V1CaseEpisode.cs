using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Workflow.Legacy;

/// <summary>
/// One orchestration per complaint, from report to close. Each episode handles one thing (an input
/// from a link or a mail, or a clock running out) and then starts afresh with ContinueAsNew,
/// carrying only <see cref="CaseFlow"/>, so a case that lives for months keeps a short history. The
/// ombudsman's review and an external body's handling run as orchestrations of their own, started by
/// the case and reporting back to it with an input.
/// Deterministic: time and ids from the context; all I/O in activities; logs through the replay-safe
/// logger, so a replayed episode does not log its lines again.
/// </summary>
static class V1CaseEpisode
{
    public static async Task<string> RunAsync(TaskOrchestrationContext context, CaseFlow flow)
    {
        var logger = context.CreateReplaySafeLogger(ComplaintCaseOrchestration.LogCategory);
        using var scope = logger.BeginCaseScope(flow.CaseNumber);
        var steps = new V1CaseSteps(context, flow, logger);
        await steps.NextAsync();

        if (steps.Flow.Phase is FlowPhase.Closed)
        {
            logger.LogInformation("Case closed");
            return "closed";
        }

        if (steps.Flow.Phase != flow.Phase)
        {
            logger.LogInformation("Case moves from {FromPhase} to {ToPhase}", flow.Phase, steps.Flow.Phase);
        }

        V1Episodes.ContinueAsNew(context, steps.Flow, preserveUnprocessedEvents: true);
        return "waiting";
    }
}

/// <summary>The process, step by step, inside the case's orchestration.</summary>
sealed class V1CaseSteps(TaskOrchestrationContext context, CaseFlow flow, ILogger logger)
{
    V1CaseTools? tools;

    public CaseFlow Flow { get; private set; } = flow;

    V1CaseTools Tools => tools ??= new V1CaseTools(context, Flow.CaseNumber, Flow.Plan!, Flow.MailSequence);
    DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);
    CustomerServiceOptions Timings => Flow.Plan!.Timings;
    BusinessCalendar Calendar => Tools.Calendar;

    public async Task NextAsync()
    {
        switch (Flow.Phase)
        {
            case FlowPhase.Opening:
                await OpenAsync();
                break;
            case FlowPhase.Ombudsman when !Flow.StageStarted:
                await context.CallActivityAsync(
                    DisputeWorkActivities.StartOmbudsmanReview,
                    new OmbudsmanReviewState { CaseNumber = Flow.CaseNumber, Plan = Flow.Plan!, CustomerReasonRef = Flow.OmbudsmanRequestRef },
                    V1CaseTools.Storage);
                Flow = Flow with { StageStarted = true };
                break;
            case FlowPhase.ExternalBody when !Flow.StageStarted:
                await context.CallActivityAsync(
                    DisputeWorkActivities.StartExternalBody,
                    new ExternalBodyState { CaseNumber = Flow.CaseNumber, Plan = Flow.Plan!, BodyId = Flow.BodyId!, ReferredBy = Flow.BodyReferredBy },
                    V1CaseTools.Storage);
                Flow = Flow with { StageStarted = true };
                break;
            default:
                var input = await Tools.NextInputAsync(V1Episodes.InputEvent, NextDeadline());
                if (input is null)
                {
                    await OnClockAsync();

                    // An input that came while the clock was handled is this episode's to handle: never lost.
                    if (Tools.LateInput is { } late)
                    {
                        await OnInputAsync(late);
                    }
                }
                else
                {
                    await OnInputAsync(input);
                }

                break;
        }

        Flow = Flow with { MailSequence = Tools.MailSequence };
    }

    async Task OpenAsync()
    {
        var plan = await context.CallActivityAsync<CasePlan>(CaseWorkActivities.OpenCase, Flow.CaseNumber, V1CaseTools.Storage);
        Flow = Flow with { Plan = plan, LastWordToCustomer = Now };
        await Tools.MailAsync(MailKind.Acknowledgement);

        if (plan.Route == TriageRoute.ManufacturerSupport)
        {
            var deadline = Now + Timings.ManufacturerWindow;
            await Tools.MailAsync(
                MailKind.ManufacturerSupport,
                [Tools.Link("solvedUrl", CaseInputKinds.ManufacturerSolved, ActionRoles.Customer), Tools.Link("helpUrl", CaseInputKinds.ManufacturerHelp, ActionRoles.Customer)],
                V1CaseTools.Times(("deadline", deadline)));
            await Tools.ApplyAsync(CaseAction.AskCustomer, "system");
            Flow = Flow with { Phase = FlowPhase.Manufacturer, WaitUntil = deadline };
            await RecordStateAsync();
            return;
        }

        await AssignAsync(MailKind.StaffAssignment, Timings.FirstResponseTarget, textRef: null);
    }

    DateTimeOffset? NextDeadline()
    {
        var candidates = new List<DateTimeOffset>();
        if (Flow.Phase is FlowPhase.CustomerService or FlowPhase.AwaitingApproval)
        {
            if (!Flow.ReminderSent && Tools.ReminderAt(Flow.Sla, Timings.ReminderLead) is { } reminder)
            {
                candidates.Add(reminder);
            }

            if (!Flow.Escalated && Flow.Sla?.DueAt(Calendar) is { } slaDue)
            {
                candidates.Add(slaDue);
            }

            candidates.Add(ProgressDueAt());
        }

        if (Flow.WaitUntil is { } wait && Flow.Phase is FlowPhase.Manufacturer or FlowPhase.WaitingForCustomer or FlowPhase.FinalAnswer or FlowPhase.OmbudsmanDecided)
        {
            candidates.Add(wait);
        }

        return candidates.Count == 0 ? null : candidates.Min();
    }

    DateTimeOffset ProgressDueAt() => Calendar.AddBusinessTime(Flow.LastWordToCustomer, Timings.ProgressAfter);

    // A timer can fire a little early on the Azure Storage backend; only what is really due is done,
    // and the next episode waits again for the rest.
    async Task OnClockAsync()
    {
        var now = Now;
        if (Flow.WaitUntil is { } wait && now >= wait && Flow.Phase is FlowPhase.Manufacturer or FlowPhase.WaitingForCustomer or FlowPhase.FinalAnswer or FlowPhase.OmbudsmanDecided)
        {
            await Tools.ApplyAsync(CaseAction.ReplyWindowExpired, "system");
            await Tools.MailAsync(MailKind.ClosedNoReply);
            Flow = Flow with { Phase = FlowPhase.Closed, Sla = null };
            await RecordStateAsync();
            return;
        }

        if (Flow.Phase is not (FlowPhase.CustomerService or FlowPhase.AwaitingApproval))
        {
            return;
        }

        if (!Flow.ReminderSent && Tools.ReminderAt(Flow.Sla, Timings.ReminderLead) is { } reminder && now >= reminder)
        {
            await Tools.MailAsync(MailKind.StaffReminder, AgentLinks(), V1CaseTools.Times(("dueAt", Flow.Sla!.DueAt(Calendar)!.Value)));
            Flow = Flow with { ReminderSent = true };
        }

        if (!Flow.Escalated && Flow.Sla?.DueAt(Calendar) is { } due && now >= due)
        {
            logger.LogWarning("The team's target passed at {DueAt:u}; escalating to the team lead", due);
            Tools.SlaBreached("customer-service");
            await Tools.MailAsync(MailKind.StaffEscalation, [], V1CaseTools.Times(("dueAt", due)), views: [Tools.View("caseUrl", CaseViews.Case, ActionRoles.TeamLead)]);
            Flow = Flow with { Escalated = true };
            await RecordStateAsync();
        }

        if (now >= ProgressDueAt())
        {
            await Tools.MailAsync(MailKind.Progress);
            Flow = Flow with { LastWordToCustomer = now };
        }
    }

    async Task OnInputAsync(CaseInput input)
    {
        // The kind of input only: who sent it (an address, for mail) stays out of the logs.
        logger.LogInformation("Input {InputKind} in phase {Phase}", input.Kind, Flow.Phase);
        switch (input.Kind, Flow.Phase)
        {
            case (CaseInputKinds.Withdraw, _):
                await Tools.ApplyAsync(CaseAction.Withdraw, input.Actor);
                Flow = Flow with { Phase = FlowPhase.Closed, Sla = null };
                break;

            case (CaseInputKinds.ManufacturerSolved, FlowPhase.Manufacturer):
                await Tools.ApplyAsync(CaseAction.Resolve, input.Actor);
                await Tools.MailAsync(MailKind.ClosedSolved);
                Flow = Flow with { Phase = FlowPhase.Closed };
                break;

            case (CaseInputKinds.ManufacturerHelp or CaseInputKinds.CustomerReplied, FlowPhase.Manufacturer):
                // Not a new complaint: the team's mail says it comes back from the manufacturer's support.
                await Tools.ApplyAsync(CaseAction.CustomerResponded, input.Actor);
                await AssignAsync(MailKind.StaffManufacturerReturn, Timings.NextResponseTarget, input.TextRef);
                return;

            case (CaseInputKinds.CustomerReplied, FlowPhase.WaitingForCustomer):
                await Tools.ApplyAsync(CaseAction.CustomerResponded, input.Actor);
                await AssignAsync(MailKind.StaffCustomerReplied, Timings.NextResponseTarget, input.TextRef);
                return;

            case (CaseInputKinds.CustomerReplied, FlowPhase.CustomerService):
                // The customer wrote again: a new answer is owed, on a fresh clock.
                await AssignAsync(MailKind.StaffCustomerReplied, Timings.NextResponseTarget, input.TextRef);
                return;

            case (CaseInputKinds.CustomerReplied, _):
                // It reaches the team (it is on the case's trail); the clocks of this phase stay as they are.
                await Tools.MailAsync(MailKind.StaffCustomerReplied, AgentLinks(), V1CaseTools.Times(("dueAt", Now)), input.TextRef);
                break;

            case (CaseInputKinds.AgentAnswer, FlowPhase.CustomerService):
                await Tools.MailAsync(MailKind.AgentAnswer, [], V1CaseTools.Times(), input.TextRef);
                Flow = Flow with { Sla = null, ReminderSent = false, Escalated = false, LastWordToCustomer = Now };
                break;

            case (CaseInputKinds.AgentAsk, FlowPhase.CustomerService):
            {
                var deadline = Now + Timings.WaitingForCustomerWindow;
                await Tools.MailAsync(MailKind.AgentQuestion, [], V1CaseTools.Times(("deadline", deadline)), input.TextRef);
                await Tools.ApplyAsync(CaseAction.AskCustomer, input.Actor);
                Flow = Flow with { Phase = FlowPhase.WaitingForCustomer, Sla = Flow.Sla?.Pause(Now, Calendar), WaitUntil = deadline, LastWordToCustomer = Now };
                break;
            }

            case (CaseInputKinds.AgentFinal, FlowPhase.CustomerService) when input.Amount > Timings.ApprovalThresholdFor(CaseCurrency.For(Flow.Plan!.Country)):
                await Tools.MailAsync(
                    MailKind.StaffApprovalRequest,
                    [Tools.Link("approveUrl", CaseInputKinds.LeadApprove, ActionRoles.TeamLead), Tools.Link("sendBackUrl", CaseInputKinds.LeadSendBack, ActionRoles.TeamLead)],
                    V1CaseTools.Times(),
                    input.TextRef,
                    input.Amount);
                Flow = Flow with { Phase = FlowPhase.AwaitingApproval, PendingApproval = new PendingAnswer(input.TextRef!, input.Amount) };
                break;

            case (CaseInputKinds.AgentFinal, FlowPhase.CustomerService):
                await GiveFinalAnswerAsync(input.TextRef, input.Actor, input.Amount);
                break;

            case (CaseInputKinds.LeadApprove, FlowPhase.AwaitingApproval):
                await GiveFinalAnswerAsync(Flow.PendingApproval?.TextRef, input.Actor, Flow.PendingApproval?.Amount);
                break;

            case (CaseInputKinds.LeadSendBack, FlowPhase.AwaitingApproval):
                await Tools.MailAsync(MailKind.StaffSentBack, AgentLinks(), V1CaseTools.Times(), input.TextRef);
                Flow = Flow with { Phase = FlowPhase.CustomerService, PendingApproval = null };
                break;

            case (CaseInputKinds.CustomerAccept, FlowPhase.FinalAnswer):
                await Tools.ApplyAsync(CaseAction.AcceptFinalAnswer, input.Actor);
                await Tools.MailAsync(MailKind.ClosedAccepted);
                Flow = Flow with { Phase = FlowPhase.Closed };
                break;

            case (CaseInputKinds.CustomerOmbudsman, FlowPhase.FinalAnswer):
                await Tools.ApplyAsync(CaseAction.RequestOmbudsmanReview, input.Actor);
                await Tools.MailAsync(MailKind.OmbudsmanHandover);
                Flow = Flow with { Phase = FlowPhase.Ombudsman, WaitUntil = null, OmbudsmanRequestRef = input.TextRef, StageStarted = false };
                break;

            case (CaseInputKinds.CustomerAcceptDecision, FlowPhase.OmbudsmanDecided):
                await Tools.ApplyAsync(CaseAction.AcceptOmbudsmanDecision, input.Actor);
                await Tools.MailAsync(MailKind.ClosedDecisionAccepted);
                Flow = Flow with { Phase = FlowPhase.Closed };
                break;

            case (CaseInputKinds.CustomerExternalBody, FlowPhase.OmbudsmanDecided) when input.Choice is { Length: > 0 } body:
                Flow = Flow with { Phase = FlowPhase.ExternalBody, BodyId = body, WaitUntil = null, StageStarted = false };
                break;

            case (CaseInputKinds.OmbudsmanDecided, FlowPhase.Ombudsman):
                await OnDecisionAsync(input);
                break;

            case (CaseInputKinds.BodyCaseClosed, FlowPhase.ExternalBody):
                Flow = Flow with { Phase = FlowPhase.Closed };
                break;

            default:
                // Not a step of this phase (a late link, a second click): the action endpoint already said so.
                return;
        }

        await RecordStateAsync();
    }

    /// <summary>The ombudsman has decided (in the review's own orchestration): the customer hears the decision and which bodies fit.</summary>
    async Task OnDecisionAsync(CaseInput input)
    {
        var decision = new OmbudsmanDecision(input.Choice ?? "upheld", input.TextRef ?? string.Empty, input.Amount, input.NoteRef, input.Flag, context.CurrentUtcDateTime);
        var offered = await context.CallActivityAsync<string[]>(DisputeWorkActivities.OfferBodies, new BodyOfferRequest(Flow.CaseNumber, decision), V1CaseTools.Storage);
        Flow = Flow with { Decision = decision, StageStarted = false };

        if (decision.ReferToBody && offered.Length > 0)
        {
            // The ombudsman referred the case: it goes to the first body that fits, without waiting for the customer,
            // who hears the decision, its reasons and what that body is and does, from the ombudsman.
            await Tools.MailAsync(
                MailKind.OmbudsmanReferral,
                [],
                V1CaseTools.Times(),
                decision.ReasonsRef,
                decision.DisputedAmount,
                new Dictionary<string, string> { ["outcome"] = decision.Outcome, ["bodyId"] = offered[0] });
            Flow = Flow with { Phase = FlowPhase.ExternalBody, BodyId = offered[0], BodyReferredBy = input.Actor };
            return;
        }

        var deadline = Now + Flow.Plan!.Disputes.DecisionReplyWindow;
        var links = new List<LinkOrder> { Tools.Link("acceptDecisionUrl", CaseInputKinds.CustomerAcceptDecision, ActionRoles.Customer) };
        links.AddRange(offered.Select(id => Tools.Link($"body:{id}", $"{CaseInputKinds.CustomerExternalBody}:{id}", ActionRoles.Customer)));
        await Tools.MailAsync(MailKind.OmbudsmanDecision, links, V1CaseTools.Times(("deadline", deadline)), decision.ReasonsRef, decision.DisputedAmount, new Dictionary<string, string> { ["outcome"] = decision.Outcome });
        Flow = Flow with { Phase = FlowPhase.OmbudsmanDecided, WaitUntil = deadline };
    }

    async Task GiveFinalAnswerAsync(string? textRef, string actor, decimal? amount)
    {
        var deadline = Now + Timings.CustomerReplyWindow;
        await Tools.MailAsync(
            MailKind.FinalAnswer,
            [Tools.Link("acceptUrl", CaseInputKinds.CustomerAccept, ActionRoles.Customer), Tools.Link("ombudsmanUrl", CaseInputKinds.CustomerOmbudsman, ActionRoles.Customer)],
            V1CaseTools.Times(("deadline", deadline)),
            textRef,
            amount);
        await Tools.ApplyAsync(CaseAction.GiveFinalAnswer, actor);
        Flow = Flow with
        {
            Phase = FlowPhase.FinalAnswer,
            Sla = null,
            ReminderSent = false,
            Escalated = false,
            PendingApproval = null,
            WaitUntil = deadline,
            LastWordToCustomer = Now,
        };
    }

    /// <summary>Gives the case to the team with a mail to act from, and starts the clock for the answer owed.</summary>
    async Task AssignAsync(MailKind kind, TimeSpan target, string? textRef)
    {
        var sla = SlaClock.Start(target, Now);
        await Tools.MailAsync(kind, AgentLinks(), V1CaseTools.Times(("dueAt", sla.DueAt(Calendar)!.Value)), textRef);
        Flow = Flow with { Phase = FlowPhase.CustomerService, Sla = sla, ReminderSent = false, Escalated = false, WaitUntil = null };
        await RecordStateAsync();
    }

    LinkOrder[] AgentLinks() =>
    [
        Tools.Link("answerUrl", CaseInputKinds.AgentAnswer, ActionRoles.Agent),
        Tools.Link("askUrl", CaseInputKinds.AgentAsk, ActionRoles.Agent),
        Tools.Link("finalUrl", CaseInputKinds.AgentFinal, ActionRoles.Agent),
    ];

    Task RecordStateAsync()
    {
        var owner = Flow.Phase switch
        {
            FlowPhase.CustomerService => "customer-service team",
            FlowPhase.AwaitingApproval => "team lead (approval)",
            FlowPhase.WaitingForCustomer or FlowPhase.FinalAnswer or FlowPhase.OmbudsmanDecided => "customer",
            FlowPhase.Manufacturer => "customer (with the manufacturer's support)",
            FlowPhase.Ombudsman => "customer ombudsman",
            FlowPhase.ExternalBody => "dispute contact (external body)",
            _ => "nobody (closed)",
        };
        var withTheTeam = Flow.Phase is FlowPhase.CustomerService or FlowPhase.AwaitingApproval;
        var due = withTheTeam ? Flow.Sla?.DueAt(Calendar) : Flow.WaitUntil;
        return Tools.RecordStateAsync(owner, due, withTheTeam && Flow.Escalated);
    }
}
