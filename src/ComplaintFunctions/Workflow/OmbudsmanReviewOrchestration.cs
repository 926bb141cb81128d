using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Workflow;

/// <summary>The ombudsman's review, carried between episodes.</summary>
public sealed record OmbudsmanReviewState
{
    public required string CaseNumber { get; init; }
    public required CasePlan Plan { get; init; }
    public string? CustomerReasonRef { get; init; }
    public bool Started { get; init; }
    public SlaClock? Sla { get; init; }
    public bool ReminderSent { get; init; }
    public bool Escalated { get; init; }

    /// <summary>Its own range of mail ids, apart from the case's.</summary>
    public int MailSequence { get; init; } = 1000;
}

/// <summary>
/// The independent customer ombudsman's review, as an orchestration of its own (started by the case, reporting back to it): the ombudsman gets the
/// whole case file and a link to decide, with a review target, a reminder and an escalation to
/// management. Only an ombudsman link reaches this instance; customer-service links are refused
/// by the action endpoint and the refusal is on the case's trail.
/// </summary>
public static class OmbudsmanReviewOrchestration
{
    public const string Name = "OmbudsmanReview";

    public static string InstanceIdFor(string caseNumber) => $"complaint-{CaseNumber.Parse(caseNumber).Digits}-ombudsman";

    [Function(Name)]
    public static async Task<OmbudsmanDecision?> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.GetInput<OmbudsmanReviewState>() ?? throw new InvalidOperationException("The ombudsman review needs its input.");
        var logger = context.CreateReplaySafeLogger(ComplaintCaseOrchestration.LogCategory + ".Ombudsman");
        using var scope = logger.BeginCaseScope(state.CaseNumber);
        var tools = new CaseTools(context, state.CaseNumber, state.Plan, state.MailSequence);
        var disputes = state.Plan.Disputes;
        var now = tools.Now;

        if (!state.Started)
        {
            var sla = SlaClock.Start(disputes.OmbudsmanReviewTarget, now);
            await context.CallActivityAsync<string>(DisputeWorkActivities.PrepareCaseFile, new CaseFileRequest(state.CaseNumber, CaseViews.ForOmbudsman), CaseTools.Storage);
            await tools.MailAsync(
                MailKind.OmbudsmanCaseFile,
                [tools.Link("decideUrl", CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman)],
                CaseTools.Times(("dueAt", sla.DueAt(tools.Calendar)!.Value)),
                state.CustomerReasonRef,
                views: [OmbudsmanCaseFile(tools)]);
            state = state with { Started = true, Sla = sla };
            logger.LogInformation("Ombudsman review started");
            await tools.RecordStateAsync("customer ombudsman", sla.DueAt(tools.Calendar), false);
            context.ContinueAsNew(state with { MailSequence = tools.MailSequence });
            return null;
        }

        var due = state.Sla!.DueAt(tools.Calendar);
        var reminder = state.ReminderSent ? null : tools.ReminderAt(state.Sla, disputes.OmbudsmanReminderLead);
        DateTimeOffset? next = new[] { reminder, state.Escalated ? null : due }.Where(d => d is not null).Min();
        var input = await tools.NextInputAsync(ComplaintCaseOrchestration.InputEvent, next);

        if (input is null)
        {
            if (reminder is { } r && now >= r)
            {
                await tools.MailAsync(MailKind.OmbudsmanReminder, [tools.Link("decideUrl", CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman)], CaseTools.Times(("dueAt", due!.Value)), views: [OmbudsmanCaseFile(tools)]);
                state = state with { ReminderSent = true };
            }

            if (!state.Escalated && due is { } d && now >= d)
            {
                logger.LogWarning("The ombudsman's review target passed at {DueAt:u}; escalating to management", d);
                tools.SlaBreached("ombudsman");
                // Management hears that the review is late and sees the case, not the ombudsman's file: the review is independent.
                await tools.MailAsync(MailKind.OmbudsmanEscalation, [], CaseTools.Times(("dueAt", d)), extra: new Dictionary<string, string> { ["to"] = ActionRoles.Management }, views: [tools.View("caseUrl", CaseViews.Case, ActionRoles.Management)]);
                state = state with { Escalated = true };
                await tools.RecordStateAsync("customer ombudsman", d, true);
            }

            // An input that came while the clock was handled is this episode's to handle: never lost.
            if (tools.LateInput is not { } late)
            {
                context.ContinueAsNew(state with { MailSequence = tools.MailSequence });
                return null;
            }

            input = late;
        }

        if (input.Kind != CaseInputKinds.OmbudsmanDecide || input.Choice is null || input.TextRef is null)
        {
            context.ContinueAsNew(state with { MailSequence = tools.MailSequence });
            return null;
        }

        var decision = new OmbudsmanDecision(input.Choice, input.TextRef, input.Amount, input.NoteRef, input.Flag, context.CurrentUtcDateTime);
        logger.LogInformation("The ombudsman decided: {Outcome}", decision.Outcome);
        await context.CallActivityAsync(DisputeWorkActivities.RecordOmbudsmanDecision, new DecisionRecord(state.CaseNumber, decision, input.Actor), CaseTools.Storage);
        await tools.ApplyAsync(CaseAction.RecordOmbudsmanDecision, input.Actor);
        await context.CallActivityAsync(
            DisputeWorkActivities.ReportToCase,
            new StageReport(state.CaseNumber, input with { Kind = CaseInputKinds.OmbudsmanDecided }),
            CaseTools.Storage);
        return decision;
    }

    static ViewLinkOrder OmbudsmanCaseFile(CaseTools tools) =>
        tools.View("caseFileUrl", CaseViews.CaseFileFor(CaseViews.ForOmbudsman), ActionRoles.Ombudsman);
}
