using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Workflow.Legacy;

/// <summary>
/// The case with an external dispute body: fan out (tell the ombudsman, the customer-service lead
/// and the dispute contact, prepare the case file, record the filing) in parallel; then wait, for
/// months, with a reminder to the dispute contact each period and a fresh history each time; then
/// follow the recommendation with a deadline, escalating to management when it is missed or refused.
/// </summary>
static class V1ExternalBodyEpisode
{
    public static async Task<string?> RunAsync(TaskOrchestrationContext context, ExternalBodyState state)
    {
        var logger = context.CreateReplaySafeLogger(ComplaintCaseOrchestration.LogCategory + ".ExternalBody");
        using var scope = logger.BeginCaseScope(state.CaseNumber);
        var tools = new V1CaseTools(context, state.CaseNumber, state.Plan, state.MailSequence);
        var disputes = state.Plan.Disputes;
        var body = new Dictionary<string, string> { ["bodyId"] = state.BodyId };
        var caseFile = CaseViews.CaseFileFor(state.BodyId);

        switch (state.Phase)
        {
            case BodyPhase.Filing:
            {
                logger.LogInformation("Case filed with external body {BodyId}", state.BodyId);
                await tools.ApplyAsync(CaseAction.TakeToExternalBody, state.ReferredBy ?? "customer");

                // The case file first: every notice links to it.
                await context.CallActivityAsync<string>(DisputeWorkActivities.PrepareCaseFile, new CaseFileRequest(state.CaseNumber, state.BodyId), V1CaseTools.Storage);
                // A customer who chose the body hears it is filed; a referred one heard it from the ombudsman already.
                var notices = new List<Task>
                {
                    tools.MailAsync(MailKind.BodyFilingNotice, [tools.Link("outcomeUrl", CaseInputKinds.DisputeOutcome, ActionRoles.DisputeContact)], extra: With(body, "to", ActionRoles.DisputeContact), views: [tools.View("caseFileUrl", caseFile, ActionRoles.DisputeContact)]),
                    tools.MailAsync(MailKind.BodyFilingNotice, [], extra: With(body, "to", ActionRoles.Ombudsman), views: [tools.View("caseFileUrl", caseFile, ActionRoles.Ombudsman)]),
                    tools.MailAsync(MailKind.BodyFilingNotice, [], extra: With(body, "to", ActionRoles.TeamLead), views: [tools.View("caseFileUrl", caseFile, ActionRoles.TeamLead)]),
                };
                if (state.ReferredBy is null)
                {
                    notices.Add(tools.MailAsync(MailKind.BodyFiledCustomer, extra: body));
                }

                await Task.WhenAll(notices);
                var next = context.CurrentUtcDateTime + disputes.BodyReminderEvery;
                await tools.RecordStateAsync("dispute contact (external body)", new DateTimeOffset(next, TimeSpan.Zero), false);
                // An outcome recorded while the notices were still going out waits for the next episode.
                V1Episodes.ContinueAsNew(context, state with { Phase = BodyPhase.AwaitingOutcome, NextReminderAt = next, MailSequence = tools.MailSequence }, preserveUnprocessedEvents: true);
                return null;
            }

            case BodyPhase.AwaitingOutcome:
            {
                var input = await tools.NextInputAsync(V1Episodes.InputEvent, new DateTimeOffset(state.NextReminderAt!.Value, TimeSpan.Zero));
                if (input is null)
                {
                    if (context.CurrentUtcDateTime >= state.NextReminderAt)
                    {
                        await tools.MailAsync(MailKind.BodyReminder, [tools.Link("outcomeUrl", CaseInputKinds.DisputeOutcome, ActionRoles.DisputeContact)], extra: With(body, "to", ActionRoles.DisputeContact), views: [tools.View("caseFileUrl", caseFile, ActionRoles.DisputeContact)]);
                        state = state with { NextReminderAt = context.CurrentUtcDateTime + disputes.BodyReminderEvery, Reminders = state.Reminders + 1 };
                    }

                    // An input that came while the clock was handled is this episode's to handle: never lost.
                    if (tools.LateInput is not { } late)
                    {
                        V1Episodes.ContinueAsNew(context, state with { MailSequence = tools.MailSequence });
                        return null;
                    }

                    input = late;
                }

                if (input.Kind != CaseInputKinds.DisputeOutcome)
                {
                    V1Episodes.ContinueAsNew(context, state with { MailSequence = tools.MailSequence });
                    return null;
                }

                await tools.ApplyAsync(CaseAction.RecordBodyOutcome, input.Actor);
                await tools.MailAsync(MailKind.BodyOutcomeCustomer, textRef: input.TextRef, extra: body);
                if (input.Choice == "retailer")
                {
                    // The body found for the retailer: there is nothing to follow, and the case ends here.
                    await tools.ApplyAsync(CaseAction.ConfirmCompliance, "system");
                    await tools.RecordStateAsync("nobody (closed)", null, false);
                    await ReportClosedAsync(context, state);
                    return "closed";
                }

                var complianceDue = context.CurrentUtcDateTime + disputes.ComplianceDeadline;
                await tools.MailAsync(
                    MailKind.ComplianceRequest,
                    [tools.Link("complyUrl", CaseInputKinds.DisputeComply, ActionRoles.DisputeContact), tools.Link("notComplyUrl", CaseInputKinds.DisputeNotComply, ActionRoles.DisputeContact)],
                    V1CaseTools.Times(("dueAt", new DateTimeOffset(complianceDue, TimeSpan.Zero))),
                    input.TextRef,
                    extra: With(body, "to", ActionRoles.DisputeContact));
                await tools.RecordStateAsync("dispute contact (follow the recommendation)", new DateTimeOffset(complianceDue, TimeSpan.Zero), false);
                V1Episodes.ContinueAsNew(context, state with { Phase = BodyPhase.Compliance, ComplianceDue = complianceDue, OutcomeRef = input.TextRef, MailSequence = tools.MailSequence });
                return null;
            }

            default:
            {
                DateTimeOffset? deadline = state.ComplianceEscalated ? null : new DateTimeOffset(state.ComplianceDue!.Value, TimeSpan.Zero);
                var input = await tools.NextInputAsync(V1Episodes.InputEvent, deadline);
                if (input is null || input.Kind == CaseInputKinds.DisputeNotComply)
                {
                    if (input is null && context.CurrentUtcDateTime < state.ComplianceDue)
                    {
                        // Not due yet: nothing was awaited since the wait, so no input can have come meanwhile.
                        V1Episodes.ContinueAsNew(context, state with { MailSequence = tools.MailSequence });
                        return null;
                    }

                    // Missed, or refused with a reason: management hears, with a link to confirm once it is done.
                    if (input is null)
                    {
                        logger.LogWarning("The deadline to follow the body's recommendation passed; escalating to management");
                        tools.SlaBreached("compliance");
                    }
                    else
                    {
                        logger.LogWarning("The body's recommendation will not be followed; management is told");
                    }

                    await tools.MailAsync(
                        MailKind.ComplianceEscalation,
                        [tools.Link("complyUrl", CaseInputKinds.DisputeComply, ActionRoles.Management)],
                        textRef: input?.TextRef,
                        extra: With(body, "to", ActionRoles.Management),
                        views: [tools.View("caseFileUrl", caseFile, ActionRoles.Management)]);
                    await tools.RecordStateAsync("management (recommendation not followed)", null, true);
                    state = state with { ComplianceEscalated = true };

                    // An input that came while this was handled is this episode's to handle: never lost.
                    if (input is not null || tools.LateInput is not { } late)
                    {
                        V1Episodes.ContinueAsNew(context, state with { MailSequence = tools.MailSequence });
                        return null;
                    }

                    input = late;
                }

                if (input.Kind != CaseInputKinds.DisputeComply)
                {
                    V1Episodes.ContinueAsNew(context, state with { MailSequence = tools.MailSequence });
                    return null;
                }

                await tools.ApplyAsync(CaseAction.ConfirmCompliance, input.Actor);
                await tools.MailAsync(MailKind.ComplianceDone, extra: body);
                await tools.RecordStateAsync("nobody (closed)", null, false);
                await ReportClosedAsync(context, state);
                return "closed";
            }
        }
    }

    static Task ReportClosedAsync(TaskOrchestrationContext context, ExternalBodyState state) =>
        context.CallActivityAsync(
            DisputeWorkActivities.ReportToCase,
            new StageReport(state.CaseNumber, new CaseInput(CaseInputKinds.BodyCaseClosed, "system")),
            V1CaseTools.Storage);

    static Dictionary<string, string> With(Dictionary<string, string> values, string key, string value) =>
        new(values, StringComparer.Ordinal) { [key] = value };
}
