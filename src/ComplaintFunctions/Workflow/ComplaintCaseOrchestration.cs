using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow.Legacy;
using ComplaintFunctions.Workflow.Process;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Workflow;

/// <summary>
/// One orchestration per complaint, from report to close. Each episode handles one thing (an input
/// from a link or a mail, or a clock running out) and then starts afresh with ContinueAsNew,
/// carrying only <see cref="CaseFlow"/>, so a case that lives for months keeps a short history. The
/// ombudsman's review and an external body's handling run as sub-orchestrations: the episode that
/// starts one stays until it ends, handling the case's inputs meanwhile, so the case hears when a
/// stage fails. What to do is decided by <see cref="CaseProcess"/>; this only carries it out.
/// Deterministic: time and ids from the context; all I/O in activities; logs through the replay-safe
/// logger, so a replayed episode does not log its lines again.
/// </summary>
public static class ComplaintCaseOrchestration
{
    // Orchestration names are persisted in every open case's history: literals, never nameof.
    public const string Name = "ComplaintCase";

    /// <summary>The log category of the case's orchestration (and of the later stages', with their own suffix).</summary>
    public const string LogCategory = "ComplaintFunctions.Workflow.ComplaintCase";

    /// <summary>The one event name every outside input arrives under (<see cref="CaseInput"/>).</summary>
    public const string InputEvent = "CaseInput";

    /// <summary>The instance id comes from the case, so a retried request can never start a second orchestration.</summary>
    public static string InstanceIdFor(CaseNumber caseNumber) => $"complaint-{caseNumber.Digits}";

    [Function(Name)]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.GetInput<CaseFlow>() ?? throw new InvalidOperationException("The case orchestration needs its input.");
        if (ProcessVersions.IsLegacy(context.Version))
        {
            // Opened before version 2: this episode runs as it was written, then continues as version 2.
            return await V1CaseEpisode.RunAsync(context, flow);
        }

        var logger = context.CreateReplaySafeLogger(LogCategory);
        using var scope = logger.BeginCaseScope(flow.CaseNumber);
        var episode = new CaseEpisode(context, flow.Upgraded(), logger);
        var before = episode.Flow.Phase;
        await episode.RunAsync();
        if (before is FlowPhase.Opening && episode.Flow.Phase is not FlowPhase.Closed && ProcessVersions.CarriesOutTogether(context.Version))
        {
            // A new case waits for its first input or clock in the execution that opened it, with the same
            // wait: one ContinueAsNew less per case, and the history holds only the opening's few events more.
            logger.LogInformation("Case moves from {FromPhase} to {ToPhase}", before, episode.Flow.Phase);
            before = episode.Flow.Phase;
            await episode.RunAsync();
        }

        var after = episode.Flow;
        if (after.Phase != before)
        {
            logger.LogInformation("Case moves from {FromPhase} to {ToPhase}", before, after.Phase);
        }

        if (after.Phase is FlowPhase.Closed)
        {
            logger.LogInformation("Case closed");
            return "closed";
        }

        context.ContinueAsNew(new ContinueAsNewOptions { NewInput = after, PreserveUnprocessedEvents = true, NewVersion = ProcessVersions.Current });
        return "waiting";
    }
}

/// <summary>One episode of the case: the first thing that happens, and what follows from it in the same episode.</summary>
sealed class CaseEpisode(TaskOrchestrationContext context, CaseFlow flow, ILogger logger)
{
    CaseTools? tools;

    public CaseFlow Flow { get; private set; } = flow;

    CaseTools Tools => tools ??= new CaseTools(context, Flow.CaseNumber, Flow.Plan!, Flow.MailSequence, logger);
    DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task RunAsync()
    {
        var decision = await FirstDecisionAsync();
        Task<StageResult>? stage = null;
        while (true)
        {
            var done = await CarryOutAsync(decision);
            if (done.Offered is { } offered)
            {
                decision = CaseProcess.OnBodiesOffered(Flow, offered.Decision, offered.Bodies, Now);
                continue;
            }

            if (done.Corrected is { } corrected)
            {
                decision = CaseProcess.OnCorrected(Flow, corrected.Plan, corrected.Actor, Now, corrected.ReasonRef);
                continue;
            }

            if (done.StageToStart is { } start)
            {
                stage = StartStage(start);
            }

            if (stage is not null && CaseProcess.RunningStage(Flow) is not null)
            {
                // The stage runs: the case handles its own inputs meanwhile, and hears when the stage ends or fails.
                var input = await Tools.NextInputOrStageAsync(stage);
                if (input is not null)
                {
                    decision = Decide(input);
                    continue;
                }

                decision = await StageEndedAsync(stage);
                stage = null;
                continue;
            }

            // An input that came while this was carried out is this episode's to handle: never lost.
            if (Tools.TakeUnhandledInput() is { } late)
            {
                decision = Decide(late);
                continue;
            }

            break;
        }

        Flow = Flow with { MailSequence = Tools.MailSequence };
    }

    async Task<CaseDecision> FirstDecisionAsync()
    {
        if (Flow.Phase == FlowPhase.Closed && Flow.Reopening is not null)
        {
            // Started again by staff: if the complaint refuses the reopening, the case stays closed and this run ends.
            return CaseProcess.Reopen(Flow, Now);
        }

        if (Flow.Phase == FlowPhase.Opening)
        {
            // Intake triages and starts the case with its plan; a case started before that opens with the activity.
            var plan = Flow.Plan ?? await context.CallActivityAsync<CasePlan>(CaseWorkActivities.OpenCase, Flow.CaseNumber, CaseTools.Storage);
            return CaseProcess.Open(Flow, plan, Now);
        }

        if (CaseProcess.Resume(Flow) is { } resumed)
        {
            return resumed;
        }

        var input = await Tools.NextInputAsync(CaseProcess.NextClock(Flow));
        return input is null ? CaseProcess.OnClock(Flow, Now) : Decide(input);
    }

    CaseDecision Decide(CaseInput input)
    {
        var reading = StepInputs.Read(input);
        // The kind of input only: who sent it (an address, for mail) stays out of the logs.
        logger.LogInformation("Input {InputKind} in phase {Phase}", reading.Kind, Flow.Phase);
        return CaseProcess.OnInput(Flow, reading, Now);
    }

    async Task<CarriedOut> CarryOutAsync(CaseDecision decision)
    {
        var plan = Flow.Plan ?? decision.Next.Plan;
        tools ??= new CaseTools(context, Flow.CaseNumber, plan!, Flow.MailSequence, logger);
        var done = await Tools.CarryOutAsync(decision.Commands, CaseProcess.StageOf(Flow));
        if (done.Refusal is not null)
        {
            // The complaint refused the step: the case stays where it was.
            return done;
        }

        Flow = decision.Next;
        if (done.Plan is { } read && Flow.Plan is { } kept)
        {
            // Timings and thresholds as they are now; what the case is (country, route) stays.
            Flow = Flow with { Plan = kept with { Timings = read.Timings, Hours = read.Hours, Disputes = read.Disputes } };
        }

        foreach (var command in decision.Commands)
        {
            switch (command)
            {
                case ForwardToStage forward:
                    context.SendEvent(StageInstanceId(forward.Stage, forward.Attempt), ComplaintCaseOrchestration.InputEvent, forward.Input);
                    break;
                case EndStage end:
                    context.SendEvent(StageInstanceId(end.Stage, end.Attempt), ComplaintCaseOrchestration.InputEvent, new CaseInput(CaseInputKinds.Withdraw, end.Actor));
                    break;
            }
        }

        return done;
    }

    Task<StageResult> StartStage(StartStage start)
    {
        var options = new SubOrchestrationOptions { InstanceId = StageInstanceId(start.Stage, start.Attempt), Version = ProcessVersions.Current };
        logger.LogInformation("Stage {Stage} starts (attempt {Attempt})", start.Stage, start.Attempt);
        return start.Stage == LaterStage.OmbudsmanReview
            ? context.CallSubOrchestratorAsync<StageResult>(
                OmbudsmanReviewOrchestration.Name,
                new OmbudsmanReviewState { CaseNumber = Flow.CaseNumber, Plan = Flow.Plan!, CustomerReasonRef = Flow.OmbudsmanRequestRef, ReturnsResult = true, SchemaVersion = OmbudsmanReviewState.CurrentSchema },
                options)
            : context.CallSubOrchestratorAsync<StageResult>(
                ExternalBodyOrchestration.Name,
                new ExternalBodyState { CaseNumber = Flow.CaseNumber, Plan = Flow.Plan!, BodyId = Flow.BodyId!, ReferredBy = Flow.BodyReferredBy, ReturnsResult = true, SchemaVersion = ExternalBodyState.CurrentSchema },
                options);
    }

    async Task<CaseDecision> StageEndedAsync(Task<StageResult> stage)
    {
        try
        {
            return CaseProcess.OnStageEnded(Flow, await stage, Now);
        }
        catch (TaskFailedException e)
        {
            logger.LogError("A later stage of the case failed; the case shows it and staff are told");
            return CaseProcess.OnStageFailed(Flow, e.FailureDetails.ErrorMessage, Now);
        }
    }

    string StageInstanceId(LaterStage stage, int attempt) => stage == LaterStage.OmbudsmanReview
        ? OmbudsmanReviewOrchestration.InstanceIdFor(Flow.CaseNumber, attempt)
        : ExternalBodyOrchestration.InstanceIdFor(Flow.CaseNumber, attempt);
}
