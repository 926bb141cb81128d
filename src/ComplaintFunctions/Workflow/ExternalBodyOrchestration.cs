using System.Text.Json.Serialization;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow.Legacy;
using ComplaintFunctions.Workflow.Process;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ComplaintFunctions.Workflow;

/// <summary>Where the case stands with the external body. Persisted by name (version 1 wrote these numbers, which still read).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BodyPhase>))]
public enum BodyPhase
{
    Filing = 0,
    AwaitingOutcome = 1,
    Compliance = 2,
}

/// <summary>An external body's handling of the case, carried between episodes.</summary>
public sealed record ExternalBodyState
{
    /// <summary>0 for what version 1 wrote (no number), <see cref="CurrentSchema"/> now.</summary>
    public const int CurrentSchema = 2;

    public int SchemaVersion { get; init; }
    public required string CaseNumber { get; init; }
    public required CasePlan Plan { get; init; }
    public required string BodyId { get; init; }

    /// <summary>Who took the case to the body: null for the customer (their choice from the decision mail), or the ombudsman who referred it.</summary>
    public string? ReferredBy { get; init; }

    public BodyPhase Phase { get; init; } = BodyPhase.Filing;
    public DateTime? NextReminderAt { get; init; }
    public int Reminders { get; init; }
    public DateTime? ComplianceDue { get; init; }
    public bool ComplianceEscalated { get; init; }
    public string? OutcomeRef { get; init; }

    // The reply clock (added after version 2 shipped): every field is optional, so a state written
    // before reads with no clock and the stage carries on as it did.

    /// <summary>When the retailer's answer to the body is due, in working days from the filing; null when filed before this clock.</summary>
    public DateTime? ReplyDue { get; init; }

    public bool ReplyReminderSent { get; init; }
    public bool ReplyEscalated { get; init; }

    /// <summary>When the dispute contact recorded that the reply went to the body: the clock stops.</summary>
    public DateTime? RepliedAt { get; init; }

    // Added with complex cases: optional too, so a state written before reads as filed at an unknown time, not complex.

    /// <summary>When the case was filed with the body (the reply clock counts from it); null when filed before this was kept.</summary>
    public DateTime? FiledAt { get; init; }

    /// <summary>The body treats the case as complex: <see cref="ReplyDue"/> counts the complex cases' working days.</summary>
    public bool ReplyComplex { get; init; }

    /// <summary>Its own range of mail ids, apart from the case's and the ombudsman's.</summary>
    public int MailSequence { get; init; } = 2000;

    /// <summary>Started by the case as a sub-orchestration (version 2): the end is its result. Version 1's report with an input.</summary>
    public bool ReturnsResult { get; init; }
}

/// <summary>
/// The case with an external dispute body, as a sub-orchestration of the case: notices and the case
/// file, months of waiting with reminders, then following the recommendation. What to do is decided
/// by <see cref="ExternalBodyProcess"/>.
/// </summary>
public static class ExternalBodyOrchestration
{
    public const string Name = "ExternalBodyCase";

    /// <summary>The first attempt has the id version 1 gave the stage; a retry after a failure gets its own.</summary>
    public static string InstanceIdFor(string caseNumber, int attempt = 1) =>
        $"complaint-{CaseNumber.Parse(caseNumber).Digits}-body{(attempt > 1 ? $"-{attempt}" : string.Empty)}";

    [Function(Name)]
    public static async Task<StageResult?> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.GetInput<ExternalBodyState>() ?? throw new InvalidOperationException("The external body case needs its input.");
        if (ProcessVersions.IsLegacy(context.Version))
        {
            var ended = await V1ExternalBodyEpisode.RunAsync(context, state);
            return ended is null ? null : new StageResult(StageEnding.Closed);
        }

        var logger = context.CreateReplaySafeLogger(ComplaintCaseOrchestration.LogCategory + ".ExternalBody");
        using var scope = logger.BeginCaseScope(state.CaseNumber);
        state = state with { SchemaVersion = ExternalBodyState.CurrentSchema };
        var run = new StageEpisode<ExternalBodyState>(
            context, state.CaseNumber, state.Plan, state.MailSequence, logger, CaseStage.ExternalBody,
            ExternalBodyProcess.NeedsStart, ExternalBodyProcess.Start, ExternalBodyProcess.NextClock, ExternalBodyProcess.OnClock, ExternalBodyProcess.OnInput,
            (s, plan) => s with { Plan = plan }, (s, sequence) => s with { MailSequence = sequence });
        return await run.RunAsync(state);
    }
}
