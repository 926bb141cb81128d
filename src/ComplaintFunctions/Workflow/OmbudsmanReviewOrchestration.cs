using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow.Legacy;
using ComplaintFunctions.Workflow.Process;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Workflow;

/// <summary>The ombudsman's review, carried between episodes.</summary>
public sealed record OmbudsmanReviewState
{
    /// <summary>0 for what version 1 wrote (no number), <see cref="CurrentSchema"/> now.</summary>
    public const int CurrentSchema = 2;

    public int SchemaVersion { get; init; }
    public required string CaseNumber { get; init; }
    public required CasePlan Plan { get; init; }
    public string? CustomerReasonRef { get; init; }
    public bool Started { get; init; }
    public SlaClock? Sla { get; init; }
    public bool ReminderSent { get; init; }
    public bool Escalated { get; init; }

    /// <summary>Its own range of mail ids, apart from the case's.</summary>
    public int MailSequence { get; init; } = 1000;

    /// <summary>Started by the case as a sub-orchestration (version 2): the decision is its result. Version 1's reviews report with an input.</summary>
    public bool ReturnsResult { get; init; }
}

/// <summary>
/// The independent customer ombudsman's review, as a sub-orchestration of the case. Only an
/// ombudsman link reaches it; customer-service links are refused by the action endpoint and the
/// refusal is on the case's trail. What to do is decided by <see cref="OmbudsmanReviewProcess"/>.
/// </summary>
public static class OmbudsmanReviewOrchestration
{
    public const string Name = "OmbudsmanReview";

    /// <summary>The first attempt has the id version 1 gave the review; a retry after a failure gets its own.</summary>
    public static string InstanceIdFor(string caseNumber, int attempt = 1) =>
        $"complaint-{CaseNumber.Parse(caseNumber).Digits}-ombudsman{(attempt > 1 ? $"-{attempt}" : string.Empty)}";

    [Function(Name)]
    public static async Task<StageResult?> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.GetInput<OmbudsmanReviewState>() ?? throw new InvalidOperationException("The ombudsman review needs its input.");
        if (ProcessVersions.IsLegacy(context.Version))
        {
            var decision = await V1OmbudsmanEpisode.RunAsync(context, state);
            return decision is null ? null : new StageResult(StageEnding.Decided, decision);
        }

        var logger = context.CreateReplaySafeLogger(ComplaintCaseOrchestration.LogCategory + ".Ombudsman");
        using var scope = logger.BeginCaseScope(state.CaseNumber);
        state = state with { SchemaVersion = OmbudsmanReviewState.CurrentSchema };
        var run = new StageEpisode<OmbudsmanReviewState>(
            context, state.CaseNumber, state.Plan, state.MailSequence, logger, CaseStage.OmbudsmanReview,
            OmbudsmanReviewProcess.NeedsStart, OmbudsmanReviewProcess.Start, OmbudsmanReviewProcess.NextClock, OmbudsmanReviewProcess.OnClock, OmbudsmanReviewProcess.OnInput,
            (s, plan) => s with { Plan = plan }, (s, sequence) => s with { MailSequence = sequence });
        return await run.RunAsync(state);
    }
}
