using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Notifications;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ComplaintFunctions.Workflow;

/// <summary>
/// One orchestration per complaint, through the customer-service stage. Each episode handles one
/// thing (an input from a link or a mail, or a clock running out) and then starts afresh with
/// ContinueAsNew, carrying only <see cref="CaseFlow"/>: the history of a case that lives for months
/// stays a few dozen events. Deterministic: time and ids from the context; all I/O in activities.
/// </summary>
public static class ComplaintCaseOrchestration
{
    public const string Name = "ComplaintCase";

    /// <summary>The one event name every outside input arrives under (<see cref="CaseInput"/>).</summary>
    public const string InputEvent = "CaseInput";

    /// <summary>The instance id comes from the case, so a retried request can never start a second orchestration.</summary>
    public static string InstanceIdFor(CaseNumber caseNumber) => $"complaint-{caseNumber.Digits}";

    [Function(Name)]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.GetInput<CaseFlow>() ?? throw new InvalidOperationException("The case orchestration needs its input.");
        var steps = new CaseSteps(context, flow);

        if (flow.Phase == FlowPhase.Opening)
        {
            await steps.OpenAsync();
        }
        else
        {
            await steps.NextAsync();
        }

        if (steps.Flow.Phase is FlowPhase.Closed or FlowPhase.Ombudsman)
        {
            return steps.Flow.Phase.ToString();
        }

        context.ContinueAsNew(steps.Flow, preserveUnprocessedEvents: true);
        return "waiting";
    }
}

/// <summary>The customer-service stage's rules, step by step, inside the orchestration.</summary>
sealed class CaseSteps(TaskOrchestrationContext context, CaseFlow flow)
{
    // Mail may fail for a while (SendGrid 429/5xx): back off threefold, by default for about half an hour in all.
    TaskOptions MailRetry => TaskOptions.FromRetryPolicy(
        new RetryPolicy(Math.Max(1, Timings.MailRetryAttempts), Timings.MailRetryFirstInterval, backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(10)));

    static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public CaseFlow Flow { get; private set; } = flow;

    DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);
    CasePlan Plan => Flow.Plan!;
    CustomerServiceOptions Timings => Plan.Timings;
    BusinessCalendar Calendar => calendar ??= new BusinessCalendar(Plan.Country, Plan.Hours);
    BusinessCalendar? calendar;

    public async Task OpenAsync()
    {
        var plan = await context.CallActivityAsync<CasePlan>(CaseWorkActivities.OpenCase, Flow.CaseNumber, StorageRetry);
        Flow = Flow with { Plan = plan, LastWordToCustomer = Now };
        await MailAsync(MailKind.Acknowledgement);

        if (plan.Route == TriageRoute.ManufacturerSupport)
        {
            var deadline = Now + Timings.ManufacturerWindow;
            await MailAsync(
                MailKind.ManufacturerSupport,
                [Link("solvedUrl", CaseInputKinds.ManufacturerSolved, "customer"), Link("helpUrl", CaseInputKinds.ManufacturerHelp, "customer")],
                Times(("deadline", deadline)));
            await ApplyAsync(CaseAction.AskCustomer, "system");
            Flow = Flow with { Phase = FlowPhase.Manufacturer, WaitUntil = deadline };
            await RecordStateAsync();
            return;
        }

        await AssignAsync(MailKind.StaffAssignment, Timings.FirstResponseTarget, textRef: null);
    }

    /// <summary>Waits for the next input or clock, and handles it.</summary>
    public async Task NextAsync()
    {
        var due = NextDeadline();
        using var stopWaiting = new CancellationTokenSource();
        var input = context.WaitForExternalEvent<CaseInput>(ComplaintCaseOrchestration.InputEvent, stopWaiting.Token);
        if (due is { } at)
        {
            var timer = context.CreateTimer(at.UtcDateTime, stopWaiting.Token);
            if (await Task.WhenAny(input, timer) == timer)
            {
                await OnClockAsync();
                return;
            }
        }
        else
        {
            await input;
        }

        // Synchronous on purpose: an orchestrator awaits only durable tasks.
#pragma warning disable CA1849
        stopWaiting.Cancel();
#pragma warning restore CA1849
        await OnInputAsync(input.Result);
    }

    DateTimeOffset? NextDeadline()
    {
        var candidates = new List<DateTimeOffset>();
        if (Flow.Phase is FlowPhase.CustomerService or FlowPhase.AwaitingApproval)
        {
            if (ReminderAt() is { } reminder && !Flow.ReminderSent)
            {
                candidates.Add(reminder);
            }

            if (Flow.Sla?.DueAt(Calendar) is { } slaDue && !Flow.Escalated)
            {
                candidates.Add(slaDue);
            }

            candidates.Add(ProgressDueAt());
        }

        if (Flow.WaitUntil is { } wait && Flow.Phase is FlowPhase.Manufacturer or FlowPhase.WaitingForCustomer or FlowPhase.FinalAnswer)
        {
            candidates.Add(wait);
        }

        return candidates.Count == 0 ? null : candidates.Min();
    }

    DateTimeOffset? ReminderAt()
    {
        if (Flow.Sla is not { IsRunning: true } sla || sla.Target <= Timings.ReminderLead)
        {
            return null;
        }

        return (sla with { Target = sla.Target - Timings.ReminderLead }).DueAt(Calendar);
    }

    DateTimeOffset ProgressDueAt() => Calendar.AddBusinessTime(Flow.LastWordToCustomer, Timings.ProgressAfter);

    // A timer can fire a little early on the Azure Storage backend; only what is really due is done,
    // and the next episode waits again for the rest.
    async Task OnClockAsync()
    {
        var now = Now;
        if (Flow.WaitUntil is { } wait && now >= wait && Flow.Phase is FlowPhase.Manufacturer or FlowPhase.WaitingForCustomer or FlowPhase.FinalAnswer)
        {
            await ApplyAsync(CaseAction.ReplyWindowExpired, "system");
            await MailAsync(MailKind.ClosedNoReply);
            Flow = Flow with { Phase = FlowPhase.Closed, Sla = null };
            await RecordStateAsync();
            return;
        }

        if (Flow.Phase is not (FlowPhase.CustomerService or FlowPhase.AwaitingApproval))
        {
            return;
        }

        if (!Flow.ReminderSent && ReminderAt() is { } reminder && now >= reminder)
        {
            await MailAsync(MailKind.StaffReminder, AgentLinks(), Times(("dueAt", Flow.Sla!.DueAt(Calendar)!.Value)));
            Flow = Flow with { ReminderSent = true };
        }

        if (!Flow.Escalated && Flow.Sla?.DueAt(Calendar) is { } due && now >= due)
        {
            await MailAsync(MailKind.StaffEscalation, [], Times(("dueAt", due)));
            Flow = Flow with { Escalated = true };
            await RecordStateAsync();
        }

        if (now >= ProgressDueAt())
        {
            await MailAsync(MailKind.Progress);
            Flow = Flow with { LastWordToCustomer = now };
        }
    }

    async Task OnInputAsync(CaseInput input)
    {
        switch (input.Kind, Flow.Phase)
        {
            case (CaseInputKinds.Withdraw, _):
                await ApplyAsync(CaseAction.Withdraw, input.Actor);
                Flow = Flow with { Phase = FlowPhase.Closed, Sla = null };
                break;

            case (CaseInputKinds.ManufacturerSolved, FlowPhase.Manufacturer):
                await ApplyAsync(CaseAction.Resolve, input.Actor);
                await MailAsync(MailKind.ClosedSolved);
                Flow = Flow with { Phase = FlowPhase.Closed };
                break;

            case (CaseInputKinds.ManufacturerHelp or CaseInputKinds.CustomerReplied, FlowPhase.Manufacturer):
                await ApplyAsync(CaseAction.CustomerResponded, input.Actor);
                await AssignAsync(MailKind.StaffAssignment, Timings.NextResponseTarget, input.TextRef);
                return;

            case (CaseInputKinds.CustomerReplied, FlowPhase.WaitingForCustomer):
                await ApplyAsync(CaseAction.CustomerResponded, input.Actor);
                await AssignAsync(MailKind.StaffCustomerReplied, Timings.NextResponseTarget, input.TextRef);
                return;

            case (CaseInputKinds.CustomerReplied, FlowPhase.CustomerService):
                // The customer wrote again: a new answer is owed, on a fresh clock.
                await AssignAsync(MailKind.StaffCustomerReplied, Timings.NextResponseTarget, input.TextRef);
                return;

            case (CaseInputKinds.CustomerReplied, _):
                // It reaches the team; the clock of this phase stays as it is.
                await MailAsync(MailKind.StaffCustomerReplied, AgentLinks(), Times(("dueAt", Now)), input.TextRef);
                break;

            case (CaseInputKinds.AgentAnswer, FlowPhase.CustomerService):
                await MailAsync(MailKind.AgentAnswer, [], Times(), input.TextRef);
                Flow = Flow with { Sla = null, ReminderSent = false, Escalated = false, LastWordToCustomer = Now };
                break;

            case (CaseInputKinds.AgentAsk, FlowPhase.CustomerService):
            {
                var deadline = Now + Timings.WaitingForCustomerWindow;
                await MailAsync(MailKind.AgentQuestion, [], Times(("deadline", deadline)), input.TextRef);
                await ApplyAsync(CaseAction.AskCustomer, input.Actor);
                Flow = Flow with { Phase = FlowPhase.WaitingForCustomer, Sla = Flow.Sla?.Pause(Now, Calendar), WaitUntil = deadline, LastWordToCustomer = Now };
                break;
            }

            case (CaseInputKinds.AgentFinal, FlowPhase.CustomerService) when input.Amount > Timings.ApprovalThreshold:
                await MailAsync(
                    MailKind.StaffApprovalRequest,
                    [Link("approveUrl", CaseInputKinds.LeadApprove, "team-lead"), Link("sendBackUrl", CaseInputKinds.LeadSendBack, "team-lead")],
                    Times(),
                    input.TextRef,
                    input.Amount);
                Flow = Flow with { Phase = FlowPhase.AwaitingApproval, PendingApproval = new PendingAnswer(input.TextRef!, input.Amount) };
                break;

            case (CaseInputKinds.AgentFinal, FlowPhase.CustomerService):
                await GiveFinalAnswerAsync(input.TextRef, input.Actor);
                break;

            case (CaseInputKinds.LeadApprove, FlowPhase.AwaitingApproval):
                await GiveFinalAnswerAsync(Flow.PendingApproval?.TextRef, input.Actor);
                break;

            case (CaseInputKinds.LeadSendBack, FlowPhase.AwaitingApproval):
                await MailAsync(MailKind.StaffSentBack, AgentLinks(), Times(), input.TextRef);
                Flow = Flow with { Phase = FlowPhase.CustomerService, PendingApproval = null };
                break;

            case (CaseInputKinds.CustomerAccept, FlowPhase.FinalAnswer):
                await ApplyAsync(CaseAction.AcceptFinalAnswer, input.Actor);
                await MailAsync(MailKind.ClosedAccepted);
                Flow = Flow with { Phase = FlowPhase.Closed };
                break;

            case (CaseInputKinds.CustomerOmbudsman, FlowPhase.FinalAnswer):
                await ApplyAsync(CaseAction.RequestOmbudsmanReview, input.Actor);
                await MailAsync(MailKind.OmbudsmanHandover);
                Flow = Flow with { Phase = FlowPhase.Ombudsman, WaitUntil = null };
                break;

            default:
                // Not a step of this phase (a late link, a second click): the action endpoint already said so.
                return;
        }

        await RecordStateAsync();
    }

    async Task GiveFinalAnswerAsync(string? textRef, string actor)
    {
        var deadline = Now + Timings.CustomerReplyWindow;
        await MailAsync(
            MailKind.FinalAnswer,
            [Link("acceptUrl", CaseInputKinds.CustomerAccept, "customer"), Link("ombudsmanUrl", CaseInputKinds.CustomerOmbudsman, "customer")],
            Times(("deadline", deadline)),
            textRef);
        await ApplyAsync(CaseAction.GiveFinalAnswer, actor);
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
        await MailAsync(kind, AgentLinks(), Times(("dueAt", sla.DueAt(Calendar)!.Value)), textRef);
        Flow = Flow with { Phase = FlowPhase.CustomerService, Sla = sla, ReminderSent = false, Escalated = false, WaitUntil = null };
        await RecordStateAsync();
    }

    LinkOrder[] AgentLinks() =>
    [
        Link("answerUrl", CaseInputKinds.AgentAnswer, "agent"),
        Link("askUrl", CaseInputKinds.AgentAsk, "agent"),
        Link("finalUrl", CaseInputKinds.AgentFinal, "agent"),
    ];

    LinkOrder Link(string placeholder, string step, string role) =>
        new(placeholder, step, role, context.NewGuid(), context.CurrentUtcDateTime + Timings.ActionLinkLifetime);

    static Dictionary<string, DateTime> Times(params (string Name, DateTimeOffset At)[] times) =>
        times.ToDictionary(t => t.Name, t => t.At.UtcDateTime, StringComparer.Ordinal);

    async Task MailAsync(MailKind kind, IReadOnlyList<LinkOrder>? links = null, IReadOnlyDictionary<string, DateTime>? times = null, string? textRef = null, decimal? amount = null)
    {
        var sequence = Flow.MailSequence + 1;
        Flow = Flow with { MailSequence = sequence };
        var order = new CaseMailOrder(Flow.CaseNumber, kind, sequence, context.CurrentUtcDateTime, links ?? [], times ?? new Dictionary<string, DateTime>(), textRef, amount);
        try
        {
            await context.CallActivityAsync<string?>(CaseWorkActivities.SendCaseMail, order, MailRetry);
        }
        catch (TaskFailedException e)
        {
            // Every retry failed: the case records it and staff see it; the case goes on.
            await context.CallActivityAsync(
                CaseWorkActivities.RecordMailFailure,
                new MailFailure(Flow.CaseNumber, kind, sequence, e.FailureDetails.ErrorMessage, context.CurrentUtcDateTime),
                StorageRetry);
        }
    }

    Task<bool> ApplyAsync(CaseAction action, string actor) =>
        context.CallActivityAsync<bool>(
            CaseWorkActivities.ApplyCaseAction,
            new CaseActionOrder(Flow.CaseNumber, action, actor, actor.StartsWith("customer", StringComparison.Ordinal) || actor.StartsWith("agent", StringComparison.Ordinal) || actor.StartsWith("team", StringComparison.Ordinal) ? "link" : "system", context.CurrentUtcDateTime),
            StorageRetry);

    Task RecordStateAsync()
    {
        var owner = Flow.Phase switch
        {
            FlowPhase.CustomerService => "customer-service team",
            FlowPhase.AwaitingApproval => "team lead (approval)",
            FlowPhase.WaitingForCustomer or FlowPhase.FinalAnswer => "customer",
            FlowPhase.Manufacturer => "customer (with the manufacturer's support)",
            FlowPhase.Ombudsman => "customer ombudsman",
            _ => "nobody (closed)",
        };
        var due = Flow.Phase is FlowPhase.CustomerService or FlowPhase.AwaitingApproval ? Flow.Sla?.DueAt(Calendar) : Flow.WaitUntil;
        return context.CallActivityAsync(
            CaseWorkActivities.RecordServiceState,
            new ServiceState(Flow.CaseNumber, owner, due?.UtcDateTime, Flow.Escalated),
            StorageRetry);
    }
}
