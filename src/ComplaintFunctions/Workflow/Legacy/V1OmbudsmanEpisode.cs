using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Workflow.Legacy;

/// <summary>
/// The independent customer ombudsman's review, as an orchestration of its own (started by the case, reporting back to it): the ombudsman gets the
/// whole case file and a link to decide, with a review target, a reminder and an escalation to
/// management. Only an ombudsman link reaches this instance; customer-service links are refused
/// by the action endpoint and the refusal is on the case's trail.
/// </summary>
static class V1OmbudsmanEpisode
{
    public static async Task<OmbudsmanDecision?> RunAsync(TaskOrchestrationContext context, OmbudsmanReviewState state)
    {
        var logger = context.CreateReplaySafeLogger(ComplaintCaseOrchestration.LogCategory + ".Ombudsman");
        using var scope = logger.BeginCaseScope(state.CaseNumber);
        var tools = new V1CaseTools(context, state.CaseNumber, state.Plan, state.MailSequence);
        var disputes = state.Plan.Disputes;
        var now = tools.Now;

        if (!state.Started)
        {
            var sla = SlaClock.Start(disputes.OmbudsmanReviewTarget, now);
            await context.CallActivityAsync<string>(DisputeWorkActivities.PrepareCaseFile, new CaseFileRequest(state.CaseNumber, CaseViews.ForOmbudsman), V1CaseTools.Storage);
            await tools.MailAsync(
                MailKind.OmbudsmanCaseFile,
                [tools.Link("decideUrl", CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman)],
                V1CaseTools.Times(("dueAt", sla.DueAt(tools.Calendar)!.Value)),
                state.CustomerReasonRef,
                views: [OmbudsmanCaseFile(tools)]);
            state = state with { Started = true, Sla = sla };
            logger.LogInformation("Ombudsman review started");
            await tools.RecordStateAsync("customer ombudsman", sla.DueAt(tools.Calendar), false);
            V1Episodes.ContinueAsNew(context, state with { MailSequence = tools.MailSequence });
            return null;
        }

        var due = state.Sla!.DueAt(tools.Calendar);
        var reminder = state.ReminderSent ? null : tools.ReminderAt(state.Sla, disputes.OmbudsmanReminderLead);
        DateTimeOffset? next = new[] { reminder, state.Escalated ? null : due }.Where(d => d is not null).Min();
        var input = await tools.NextInputAsync(V1Episodes.InputEvent, next);

        if (input is null)
        {
            if (reminder is { } r && now >= r)
            {
                await tools.MailAsync(MailKind.OmbudsmanReminder, [tools.Link("decideUrl", CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman)], V1CaseTools.Times(("dueAt", due!.Value)), views: [OmbudsmanCaseFile(tools)]);
                state = state with { ReminderSent = true };
            }

            if (!state.Escalated && due is { } d && now >= d)
            {
                logger.LogWarning("The ombudsman's review target passed at {DueAt:u}; escalating to management", d);
                tools.SlaBreached("ombudsman");
                // Management hears that the review is late and sees the case, not the ombudsman's file: the review is independent.
                await tools.MailAsync(MailKind.OmbudsmanEscalation, [], V1CaseTools.Times(("dueAt", d)), extra: new Dictionary<string, string> { ["to"] = ActionRoles.Management }, views: [tools.View("caseUrl", CaseViews.Case, ActionRoles.Management)]);
                state = state with { Escalated = true };
                await tools.RecordStateAsync("customer ombudsman", d, true);
            }

            // An input that came while the clock was handled is this episode's to handle: never lost.
            if (tools.LateInput is not { } late)
            {
                V1Episodes.ContinueAsNew(context, state with { MailSequence = tools.MailSequence });
                return null;
            }

            input = late;
        }

        if (input.Kind != CaseInputKinds.OmbudsmanDecide || input.Choice is null || input.TextRef is null)
        {
            V1Episodes.ContinueAsNew(context, state with { MailSequence = tools.MailSequence });
            return null;
        }

        var decision = new OmbudsmanDecision(input.Choice, input.TextRef, input.Amount, input.NoteRef, input.Flag, context.CurrentUtcDateTime);
        logger.LogInformation("The ombudsman decided: {Outcome}", decision.Outcome);
        await context.CallActivityAsync(DisputeWorkActivities.RecordOmbudsmanDecision, new DecisionRecord(state.CaseNumber, decision, input.Actor), V1CaseTools.Storage);
        await tools.ApplyAsync(CaseAction.RecordOmbudsmanDecision, input.Actor);
        await context.CallActivityAsync(
            DisputeWorkActivities.ReportToCase,
            new StageReport(state.CaseNumber, input with { Kind = CaseInputKinds.OmbudsmanDecided }),
            V1CaseTools.Storage);
        return decision;
    }

    static ViewLinkOrder OmbudsmanCaseFile(V1CaseTools tools) =>
        tools.View("caseFileUrl", CaseViews.CaseFileFor(CaseViews.ForOmbudsman), ActionRoles.Ombudsman);
}
