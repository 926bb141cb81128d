using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow.Process;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Workflow;

/// <summary>How a list of commands was carried out.</summary>
/// <param name="Refusal">The complaint refused a step: nothing after it was done, and the state stays as it was.</param>
/// <param name="Plan">The settings the last step read (see the rule for open cases in the README).</param>
/// <param name="Offered">The bodies that fit, when the commands asked for them.</param>
/// <param name="StageToStart">A later stage to run as a sub-orchestration, started by the case.</param>
/// <param name="Corrected">The settings for the case as corrected, and who corrected it, when the commands corrected it.</param>
sealed record CarriedOut(string? Refusal, CasePlan? Plan, (OmbudsmanDecision Decision, string[] Bodies)? Offered, StartStage? StageToStart, (CasePlan Plan, string Actor, string? ReasonRef)? Corrected = null);

/// <summary>
/// Carries out the process's commands inside an orchestration, in order, and decides nothing: ids
/// and time come from the context, all I/O is in activities. A refused step stops the list.
/// </summary>
sealed class CaseTools(TaskOrchestrationContext context, string caseNumber, CasePlan plan, int mailSequence, ILogger logger)
{
    static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public int MailSequence { get; private set; } = mailSequence;
    public DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);
    public static TaskOptions Storage => StorageRetry;

    // Mail may fail for a while (SendGrid 429/5xx): back off threefold, by default for about half an hour in all.
    TaskOptions MailRetry => TaskOptions.FromRetryPolicy(
        new RetryPolicy(Math.Max(1, plan.Timings.MailRetryAttempts), plan.Timings.MailRetryFirstInterval, backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(10)));

    /// <param name="stage">The complaint's stage the process believes the case is in (for telling a retried step from a refused one).</param>
    public async Task<CarriedOut> CarryOutAsync(IReadOnlyList<ProcessCommand> commands, CaseStage stage)
    {
        CasePlan? readPlan = null;
        (OmbudsmanDecision, string[])? offered = null;
        StartStage? start = null;
        (CasePlan, string, string?)? corrected = null;
        for (var index = 0; index < commands.Count; index++)
        {
            var command = commands[index];
            var run = ProcessVersions.CarriesOutTogether(context.Version) ? TogetherRun(commands, index) : 0;
            if (run > 0)
            {
                var together = await CarryOutTogetherAsync(commands.Skip(index).Take(run).ToList(), stage);
                if (together.Refusal is not null)
                {
                    return new CarriedOut(together.Refusal, null, null, null);
                }

                stage = together.Stage;
                readPlan = together.Plan ?? readPlan;
                index += run - 1;
                continue;
            }

            switch (command)
            {
                case TakeStep step:
                {
                    var result = await context.CallActivityAsync<CaseStepResult>(
                        CaseWorkActivities.TakeCaseStep,
                        new CaseStepOrder(caseNumber, step.Action, step.Actor, step.Actor == "system" ? "system" : "link", context.CurrentUtcDateTime, stage, step.Facts?.ToColumn()),
                        StorageRetry);
                    if (result.Outcome == StepOutcome.Refused)
                    {
                        // Nothing was sent yet (a step comes first); staff hear why, and the case stays as it was.
                        logger.LogWarning("Step {Action} refused by the complaint; the case stays as it was", step.Action);
                        await MailAsync(new SendMail(MailKind.StaffStepRefused, [], ProcessTimes.None,
                            Extra: new Dictionary<string, string> { ["step"] = CaseLifecycle.Describe(step.Action), ["refusal"] = result.Reason ?? string.Empty, ["actor"] = step.Actor }));
                        return new CarriedOut(result.Reason ?? "refused", null, null, null);
                    }

                    stage = CaseLifecycle.Check(stage, step.Action).To;
                    readPlan = result.Plan;
                    break;
                }

                case SendMail mail:
                    await MailAsync(mail);
                    break;

                case SendMails mails:
                    await Task.WhenAll(mails.Mails.Select(MailAsync).ToList());
                    break;

                case RecordOwner owner:
                    await context.CallActivityAsync(CaseWorkActivities.RecordServiceState, StateOf(owner), StorageRetry);
                    break;

                case TargetMissed missed:
                    NoteTargetMissed(missed);
                    break;

                case RecordRefusal refusal:
                    MailSequence++;
                    await context.CallActivityAsync(
                        CaseWorkActivities.RecordRefusedInput,
                        new RefusedInput(caseNumber, refusal.InputKind, refusal.Actor, refusal.Reason, context.CurrentUtcDateTime, MailSequence),
                        StorageRetry);
                    if (refusal.TellStaff)
                    {
                        await MailAsync(new SendMail(MailKind.StaffStepRefused, [], ProcessTimes.None,
                            Extra: new Dictionary<string, string> { ["step"] = refusal.InputKind, ["refusal"] = refusal.Reason, ["actor"] = refusal.Actor }));
                    }

                    break;

                case RecordOnTrail line:
                    // Its id from the case's sequence, as a refusal's: a retried activity writes the same line.
                    MailSequence++;
                    await context.CallActivityAsync(
                        CaseWorkActivities.RecordTrailLine,
                        new TrailLineOrder(caseNumber, line.Kind, line.Actor, line.Summary, context.CurrentUtcDateTime, MailSequence),
                        StorageRetry);
                    break;

                case RecordRepair repair:
                    MailSequence++;
                    await context.CallActivityAsync(
                        CaseWorkActivities.RecordRepair, new RepairOrder(caseNumber, repair.Actor, context.CurrentUtcDateTime, MailSequence), StorageRetry);
                    break;

                case FindBodies find:
                    offered = (find.Decision, await context.CallActivityAsync<string[]>(DisputeWorkActivities.OfferBodies, new BodyOfferRequest(caseNumber, find.Decision), StorageRetry));
                    break;

                case PrepareCaseFile file:
                    await context.CallActivityAsync<string>(DisputeWorkActivities.PrepareCaseFile, new CaseFileRequest(caseNumber, file.For), StorageRetry);
                    break;

                case RecordDecision decision:
                    await context.CallActivityAsync(DisputeWorkActivities.RecordOmbudsmanDecision, new DecisionRecord(caseNumber, decision.Decision, decision.Actor), StorageRetry);
                    break;

                case ReportToCase report:
                    await context.CallActivityAsync(DisputeWorkActivities.ReportToCase, new StageReport(caseNumber, report.Input), StorageRetry);
                    break;

                case StartStage stageToStart:
                    start = stageToStart;
                    break;

                case CorrectFacts correct:
                    corrected = (await context.CallActivityAsync<CasePlan>(
                        CaseWorkActivities.CorrectCase,
                        new CaseCorrectionOrder(caseNumber, correct.Category, correct.Country, correct.Language, correct.Actor, correct.TextRef, context.CurrentUtcDateTime),
                        StorageRetry), correct.Actor, correct.TextRef);
                    break;

                case PassToCase pass:
                {
                    // The words go on the other case first (its text and trail line), then to its orchestration as the
                    // customer's words there, under an id from this case, so passing them again changes nothing.
                    var textRef = await context.CallActivityAsync<string>(
                        CaseWorkActivities.PassDuplicate, new DuplicateOrder(caseNumber, pass.IntoCase, pass.Actor, pass.TextRef, context.CurrentUtcDateTime), StorageRetry);
                    context.SendEvent(
                        ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(pass.IntoCase)),
                        ComplaintCaseOrchestration.InputEvent,
                        new CaseInput(CaseInputKinds.CustomerReplied, pass.Actor, textRef, InputId: $"merged:{CaseNumber.Parse(caseNumber).Digits}"));
                    break;
                }

                case EndStage or ForwardToStage:
                    // The case's episode tells the stage (it knows the stage's instance).
                    break;

                default:
                    throw new InvalidOperationException($"No way to carry out {command.GetType().Name}.");
            }
        }

        return new CarriedOut(null, readPlan, offered, start, corrected);
    }

    ServiceState StateOf(RecordOwner owner) => new(caseNumber, owner.Owner, owner.DueAt?.UtcDateTime, owner.Overdue);

    void NoteTargetMissed(TargetMissed missed)
    {
        logger.LogWarning("The {Stage} target passed at {DueAt:u}; escalating", missed.Stage, missed.DueAt);
        // Once per real execution: a replayed episode does not count it again.
        if (!context.IsReplaying)
        {
            ComplaintMetrics.SlaBreached(missed.Stage);
        }
    }

    /// <summary>Sends one mail; if every retry fails, the case records it and goes on.</summary>
    Task MailAsync(SendMail mail) => SendAsync(MailOrder(mail, context.CurrentUtcDateTime));

    /// <summary>The mail's order, with the next number of the case's mails (its id) and fresh link ids.</summary>
    CaseMailOrder MailOrder(SendMail mail, DateTime at)
    {
        MailSequence++;
        var expires = context.CurrentUtcDateTime + plan.Timings.ActionLinkLifetime;
        var links = mail.Links.Select(l => new LinkOrder(l.Placeholder, l.Step, l.Role, context.NewGuid(), expires)).ToList();
        var views = mail.Views?.Select(v => new ViewLinkOrder(v.Placeholder, v.View, v.Role, expires)).ToList();
        return new CaseMailOrder(caseNumber, mail.Kind, MailSequence, at, links, mail.Times, mail.TextRef, mail.Amount, mail.Extra, views);
    }

    Task SendAsync(CaseMailOrder order) => SendAsync(order, MailRetry);

    /// <summary>Sends the mail with <paramref name="retry"/>; if every attempt fails, the case records it and goes on.</summary>
    async Task SendAsync(CaseMailOrder order, TaskOptions retry)
    {
        try
        {
            await context.CallActivityAsync<string?>(CaseWorkActivities.SendCaseMail, order, retry);
        }
        catch (TaskFailedException e)
        {
            await context.CallActivityAsync(
                CaseWorkActivities.RecordMailFailure,
                new MailFailure(caseNumber, order.Kind, order.Sequence, e.FailureDetails.ErrorMessage, context.CurrentUtcDateTime),
                StorageRetry);
        }
    }

    /// <summary>
    /// A mail whose first attempt, with the episode's other work, failed: the rest of its attempts, at the
    /// times its own retry policy would have made them (the first retry interval after, then three times
    /// longer each), so the case tries it as often as any other mail, no more.
    /// </summary>
    async Task SendAgainAsync(CaseMailOrder order, string firstError)
    {
        var timings = plan.Timings;
        var attemptsLeft = Math.Max(1, timings.MailRetryAttempts) - 1;
        if (attemptsLeft == 0)
        {
            await context.CallActivityAsync(CaseWorkActivities.RecordMailFailure, new MailFailure(caseNumber, order.Kind, order.Sequence, firstError, context.CurrentUtcDateTime), StorageRetry);
            return;
        }

        var cap = TimeSpan.FromMinutes(10);
        await context.CreateTimer(context.CurrentUtcDateTime + (timings.MailRetryFirstInterval < cap ? timings.MailRetryFirstInterval : cap), CancellationToken.None);
        var next = timings.MailRetryFirstInterval * 3;
        await SendAsync(order, TaskOptions.FromRetryPolicy(new RetryPolicy(attemptsLeft, next < cap ? next : cap, backoffCoefficient: 3, maxRetryInterval: cap)));
    }

    /// <summary>
    /// How many commands from <paramref name="index"/> go to storage and mail in one activity: a run of
    /// steps, mails and service states with at least two of them (one alone is its own activity, as before).
    /// </summary>
    static int TogetherRun(IReadOnlyList<ProcessCommand> commands, int index)
    {
        var length = 0;
        var work = 0;
        while (index + length < commands.Count && commands[index + length] is TakeStep or SendMail or SendMails or RecordOwner or TargetMissed)
        {
            work += commands[index + length] switch
            {
                SendMails mails => mails.Mails.Count,
                TargetMissed => 0,
                _ => 1,
            };
            length++;
        }

        return work >= 2 ? length : 0;
    }

    sealed record Together(string? Refusal, CaseStage Stage, CasePlan? Plan);

    /// <summary>
    /// A run of steps, mails and service states in one activity (<see cref="CaseWorkActivities.CarryOutCaseWork"/>).
    /// The orders are made once, as one by one would make them, each a tick after the one before so the trail
    /// keeps their order; what the activity leaves (a mail that cannot go now, or the whole when storage
    /// failed) is carried out one by one with the same orders, so nothing is sent or taken twice.
    /// </summary>
    async Task<Together> CarryOutTogetherAsync(IReadOnlyList<ProcessCommand> run, CaseStage stage)
    {
        var items = new List<CaseWorkItem>();
        var sequenceBefore = new List<int>();
        var at = context.CurrentUtcDateTime;
        var expected = stage;
        foreach (var command in run)
        {
            switch (command)
            {
                case TakeStep step:
                    sequenceBefore.Add(MailSequence);
                    items.Add(new CaseWorkItem(Step: new CaseStepOrder(caseNumber, step.Action, step.Actor, step.Actor == "system" ? "system" : "link", at.AddTicks(items.Count), expected, step.Facts?.ToColumn())));
                    expected = CaseLifecycle.Check(expected, step.Action).To;
                    break;
                case SendMail mail:
                    sequenceBefore.Add(MailSequence);
                    items.Add(new CaseWorkItem(Mail: MailOrder(mail, at.AddTicks(items.Count))));
                    break;
                case SendMails mails:
                    foreach (var each in mails.Mails)
                    {
                        sequenceBefore.Add(MailSequence);
                        items.Add(new CaseWorkItem(Mail: MailOrder(each, at.AddTicks(items.Count))));
                    }

                    break;
                case RecordOwner owner:
                    sequenceBefore.Add(MailSequence);
                    items.Add(new CaseWorkItem(State: StateOf(owner)));
                    break;
                case TargetMissed missed:
                    NoteTargetMissed(missed);
                    break;
            }
        }

        CaseWorkDone done;
        try
        {
            done = await context.CallActivityAsync<CaseWorkDone>(CaseWorkActivities.CarryOutCaseWork, new CaseWorkOrder(caseNumber, items), StorageRetry);
        }
        catch (TaskFailedException)
        {
            // Storage failed on every try: each item on its own, with its own retries (a repeated one finds itself done).
            logger.LogWarning("The episode's work failed as a whole; carrying it out item by item");
            done = new CaseWorkDone(0, [], null);
        }

        CasePlan? readPlan = null;
        var steps = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            CaseStepResult? result = null;
            if (i < done.Done)
            {
                result = item.Step is null ? null : done.Steps[steps++];
            }
            else if (item.Step is { } step)
            {
                result = await context.CallActivityAsync<CaseStepResult>(CaseWorkActivities.TakeCaseStep, step, StorageRetry);
            }
            else if (item.Mail is { } mail)
            {
                await (i == done.Done && done.MailError is { } error ? SendAgainAsync(mail, error) : SendAsync(mail));
            }
            else if (item.State is { } state)
            {
                await context.CallActivityAsync(CaseWorkActivities.RecordServiceState, state, StorageRetry);
            }

            if (result is null)
            {
                continue;
            }

            if (result.Outcome == StepOutcome.Refused)
            {
                // Nothing after the step was done: its mails' numbers are free again, as one by one would have left them.
                MailSequence = i + 1 < items.Count ? sequenceBefore[i + 1] : MailSequence;
                logger.LogWarning("Step {Action} refused by the complaint; the case stays as it was", item.Step!.Action);
                await MailAsync(new SendMail(MailKind.StaffStepRefused, [], ProcessTimes.None,
                    Extra: new Dictionary<string, string> { ["step"] = CaseLifecycle.Describe(item.Step.Action), ["refusal"] = result.Reason ?? string.Empty, ["actor"] = item.Step.Actor }));
                return new Together(result.Reason ?? "refused", stage, null);
            }

            stage = CaseLifecycle.Check(stage, item.Step!.Action).To;
            readPlan = result.Plan;
        }

        return new Together(null, stage, readPlan);
    }

    readonly EpisodeWait wait = new(context, ComplaintCaseOrchestration.InputEvent);

    /// <summary>Waits for the next input, or null when <paramref name="deadline"/> comes first.</summary>
    public Task<CaseInput?> NextInputAsync(DateTimeOffset? deadline) => wait.NextAsync(deadline, null);

    /// <summary>Waits for the next input, or for <paramref name="stage"/> to end (null then).</summary>
    public Task<CaseInput?> NextInputOrStageAsync(Task stage) => wait.NextAsync(null, stage);

    /// <summary>
    /// An input this episode has not handled yet: one that reached the wait while a clock or a stage's
    /// end was handled, or that came while no wait was open. The episode handles it before it ends.
    /// </summary>
    public CaseInput? TakeUnhandledInput() => wait.TakeArrived();
}

/// <summary>
/// An episode's wait: the next input, or a clock (or a stage's end). An input delivered to an
/// outstanding wait is consumed by it, never kept as an unprocessed event, and a cancelled wait still
/// swallows the next input (the SDK keeps the cancelled waiter). So the wait is never cancelled: it
/// gives back an input that came in the same work item as the clock, and after a clock it stays open,
/// so an input that comes while the clock's work runs is held for the episode. Before it ends, the
/// episode takes every input that has arrived (<see cref="TakeArrived"/>) and handles it.
/// </summary>
sealed class EpisodeWait(TaskOrchestrationContext context, string eventName)
{
    Task<CaseInput>? pending;

    /// <summary>
    /// The input that has arrived and is not handled, or null. The wait is opened first, so an input
    /// held back because no wait was open (the SDK keeps those, and hands them to the next wait at once)
    /// is found too, and the episode never has to rely on inputs being carried over to the next one.
    /// </summary>
    public CaseInput? TakeArrived()
    {
        pending ??= context.WaitForExternalEvent<CaseInput>(eventName);
        if (pending.IsCompletedSuccessfully)
        {
            var arrived = pending.Result;
            pending = null;
            return arrived;
        }

        return null;
    }

    public async Task<CaseInput?> NextAsync(DateTimeOffset? deadline, Task? stage)
    {
        // A wait still open from before, not a second waiter, gets the next input.
        var input = pending ??= context.WaitForExternalEvent<CaseInput>(eventName);
        if (stage is not null)
        {
            await Task.WhenAny(input, stage);
            return Take(input);
        }

        if (deadline is not { } at)
        {
            await input;
            return Take(input);
        }

        using var stopTimer = new CancellationTokenSource();
        var fireAt = at.UtcDateTime;
        while (true)
        {
            var timer = context.CreateTimer(fireAt, stopTimer.Token);
            if (await Task.WhenAny(input, timer) == input || input.IsCompleted)
            {
                // An input that came in the same work item as the clock goes first; the clock, due
                // already, fires at once in the next episode.
                break;
            }

            // The Azure Storage backend can fire a timer up to a second early: wait out the rest here
            // rather than spend a whole new episode on a clock that is not due yet.
            if (context.CurrentUtcDateTime >= at.UtcDateTime)
            {
                // The wait stays open: an input that comes while the clock is handled is held for the episode.
                return null;
            }

            // Its delays are whole seconds, measured a moment after this clock: a timer under two
            // seconds out could fire again at once, so the rest is waited in at least two.
            var soonest = context.CurrentUtcDateTime.AddSeconds(2);
            fireAt = soonest > at.UtcDateTime ? soonest : at.UtcDateTime;
        }

        // Synchronous on purpose: an orchestrator awaits only durable tasks.
#pragma warning disable CA1849
        stopTimer.Cancel();
#pragma warning restore CA1849
        return Take(input);
    }

    CaseInput? Take(Task<CaseInput> input)
    {
        if (!input.IsCompletedSuccessfully)
        {
            return null;
        }

        pending = null;
        return input.Result;
    }
}
