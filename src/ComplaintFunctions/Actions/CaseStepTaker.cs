using System.Text.Json;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Actions;

/// <summary>Where a step comes from: a link in a mail, or the signed-in console. Both take it the same way.</summary>
/// <param name="Prefix">Starts the ids of the step's texts, trail line and input (<c>link</c>, <c>console</c>).</param>
/// <param name="TrailKind">The trail line's kind (<c>link-used</c>, <c>step-taken</c>).</param>
public sealed record StepDoor(string Prefix, string TrailKind, string Channel)
{
    public static StepDoor Link { get; } = new("link", "link-used", "link");

    public static StepDoor Console { get; } = new("console", "step-taken", "console");
}

/// <summary>One press of a step's button: its identity (a link's action id, a console form's attempt id) makes it happen once.</summary>
public sealed record StepPress(StepDoor Door, CaseNumber CaseNumber, Guid PressId, ActionStep Step, string Actor, string? FixedChoice = null);

/// <summary>What a press's form is told when it needs mending, in its reader's language.</summary>
/// <param name="OrLeaveAmountEmpty">Follows the amount reader's own words on an amount it cannot take.</param>
public sealed record StepFieldTexts(string TextRequired, string ChooseAnOption, string OrLeaveAmountEmpty);

/// <summary>What came of a press.</summary>
public abstract record PressOutcome
{
    public sealed record Done(DateTimeOffset At) : PressOutcome;

    /// <summary>The form needs mending; nothing happened.</summary>
    public sealed record NeedsInput(string Error, IFormCollection? Values) : PressOutcome;

    /// <summary>This press (or another with its identity) was taken before.</summary>
    public sealed record AlreadyUsed : PressOutcome;
}

/// <summary>
/// Takes a step on a case: reads and checks the form, keeps its texts under ids from the press, marks the
/// press used together with what it asked for, writes the trail line and raises the input on the case.
/// A press cut short at any point is finished by the next press with the same identity, and nothing is
/// kept twice. The mail links and the console both call this, so they can never disagree.
/// </summary>
public sealed class CaseStepTaker(UsedActionLinks usedPresses, CaseEventLog auditTrail, CaseTexts texts, CaseTriage triage, TimeProvider time, ILogger<CaseStepTaker> logger)
{
    /// <param name="form">The posted form, read by the door (null when nothing was posted).</param>
    public async Task<PressOutcome> TakeAsync(StepPress press, Complaint complaint, IFormCollection? form, DurableTaskClient durable, StepFieldTexts fieldTexts, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(press);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(fieldTexts);
        var step = press.Step;
        var text = form?["text"].ToString().Trim();
        var note = form?["note"].ToString().Trim();
        var amountText = form?["amount"].ToString().Trim();
        var choice = press.FixedChoice ?? form?["choice"].ToString();
        var flag = form?["flag"].ToString() is "on" or "true";
        decimal? amount = null;
        if (step.Text == TextField.Required && string.IsNullOrWhiteSpace(text))
        {
            return new PressOutcome.NeedsInput(fieldTexts.TextRequired, form);
        }

        if (step.Choices is { Count: > 0 } choices && press.FixedChoice is null && !choices.Any(c => c.Value == choice))
        {
            return new PressOutcome.NeedsInput(fieldTexts.ChooseAnOption, form);
        }

        if (step.AmountLabel is not null && !string.IsNullOrEmpty(amountText))
        {
            var reading = AmountParser.Read(amountText, CaseCurrency.For(complaint.Details.Customer.Country));
            if (reading.Error is { } error)
            {
                return new PressOutcome.NeedsInput(error + " " + fieldTexts.OrLeaveAmountEmpty, form);
            }

            amount = reading.Amount;
        }

        var now = time.GetUtcNow();
        var id = $"{press.Door.Prefix}-{press.PressId:N}";
        var textRef = string.IsNullOrWhiteSpace(text) ? null : await texts.SaveAsync(press.CaseNumber, step.Step, text, press.Actor, now, $"{id}-text", amount, cancel);
        var noteRef = string.IsNullOrWhiteSpace(note) ? null : await texts.SaveAsync(press.CaseNumber, "ombudsman-note", note, press.Actor, now, $"{id}-note", null, cancel);
        var input = new CaseInput(step.Step, press.Actor, textRef, amount, string.IsNullOrEmpty(choice) ? null : choice, noteRef, flag, InputId: $"{press.Door.Prefix}:{press.PressId:N}");
        if (!await usedPresses.TryUseAsync(press.PressId, press.CaseNumber, press.Actor, now, JsonSerializer.Serialize(input), cancel))
        {
            return new PressOutcome.AlreadyUsed();
        }

        return await FinishAsync(press, complaint, input, now, durable, cancel);
    }

    /// <summary>The same person's earlier press that was cut short after it was marked used: finished with what it asked for then.</summary>
    public async Task<PressOutcome> FinishCutShortAsync(StepPress press, Complaint complaint, ActionLinkUse use, DurableTaskClient durable, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(use);
        var intent = JsonSerializer.Deserialize<CaseInput>(use.Intent ?? throw new ArgumentException("The use has no recorded intent.", nameof(use)))
            ?? throw new InvalidOperationException("A recorded intent did not read.");
        return await FinishAsync(press, complaint, intent, use.UsedAt, durable, cancel);
    }

    /// <summary>
    /// The customer's score (from the link, 1 to 5) and comment on the trail, as the reports count it. The case has
    /// ended, so nothing is raised on it; each score's link is used once, and the reports take a case's latest answer.
    /// </summary>
    async Task RecordSurveyAnswerAsync(StepPress press, CaseInput input, string? comment, DateTimeOffset usedAt, CancellationToken cancel)
    {
        var score = int.TryParse(input.Choice, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 5 ? s : (int?)null;
        await auditTrail.AppendAsync(
            new CaseEvent(press.CaseNumber, $"{press.Door.Prefix}-{press.PressId:N}", usedAt, "satisfaction", input.Actor, press.Door.Channel,
                score is null
                    ? $"A survey answer with no score it could read ('{input.Choice}')."
                    : $"Satisfaction with the handling: {score} of 5{(comment is { Length: > 0 } ? ": " + (comment.Length > 300 ? comment[..300] + "…" : comment) : ".")}",
                score is null ? null : TrailFacts.Of((FactKeys.Score, score.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            cancel);
        logger.LogInformation("Survey answered through the {Door}", press.Door.Prefix);
    }

    /// <summary>The press's trail line and its input to the case; then the press is used for good.</summary>
    async Task<PressOutcome> FinishAsync(StepPress press, Complaint complaint, CaseInput input, DateTimeOffset usedAt, DurableTaskClient durable, CancellationToken cancel)
    {
        using var scope = logger.BeginCaseScope(press.CaseNumber);
        var step = press.Step;
        var text = await texts.ReadAsync(press.CaseNumber, input.TextRef, cancel);
        var choice = input.Choice;
        if (input.Kind == CaseInputKinds.CustomerSurvey)
        {
            await RecordSurveyAnswerAsync(press, input, text, usedAt, cancel);
            await usedPresses.MarkDoneAsync(press.PressId, cancel);
            return new PressOutcome.Done(usedAt);
        }

        await auditTrail.AppendAsync(
            new CaseEvent(press.CaseNumber, $"{press.Door.Prefix}-{press.PressId:N}", usedAt, press.Door.TrailKind, input.Actor, press.Door.Channel,
                $"{step.Title}{(choice is { Length: > 0 } ? $" ({choice})" : string.Empty)}{(input.Amount is { } a ? $" (amount {AmountFormat.Format(a, CaseCurrency.For(complaint.Details.Customer.Country), "en")})" : string.Empty)}{(text is { Length: > 0 } ? ": " + (text.Length > 300 ? text[..300] + "…" : text) : ".")}"),
            cancel);

        if (input.Kind == CaseInputKinds.AgentReopen)
        {
            await ReopenAsync(complaint, input, durable, cancel);
        }
        else
        {
            // Every input goes to the case, which passes a later stage's inputs on to the stage that runs now;
            // the case remembers the input's id, so raising it again after a cut-short press changes nothing.
            await durable.RaiseEventAsync(ComplaintCaseOrchestration.InstanceIdFor(press.CaseNumber), ComplaintCaseOrchestration.InputEvent, input, cancel);
        }

        await usedPresses.MarkDoneAsync(press.PressId, cancel);
        // The role, not the person: log lines hold no names.
        logger.LogInformation("Step taken through the {Door}: {Step} by the {Role}", press.Door.Prefix, step.Step, input.Actor.Split(':')[0]);
        return new PressOutcome.Done(usedAt);
    }

    /// <summary>
    /// A closed case's orchestration has ended, so a reopening starts it again under the case's instance id,
    /// with the reopening as its first step (which the complaint takes only while it is closed). A press
    /// finished again finds it running and leaves it; each run numbers its mails after the runs before.
    /// </summary>
    async Task ReopenAsync(Complaint complaint, CaseInput input, DurableTaskClient durable, CancellationToken cancel)
    {
        var instanceId = ComplaintCaseOrchestration.InstanceIdFor(complaint.CaseNumber);
        if (await durable.GetInstanceAsync(instanceId, cancel) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
        {
            return;
        }

        var runsBefore = (await auditTrail.ReadAsync(complaint.CaseNumber, cancel)).Count(e => e.Kind == "stage-changed" && e.EventId == $"stage-{CaseAction.Reopen}");
        var run = runsBefore + 1;
        var flow = new CaseFlow
        {
            CaseNumber = complaint.CaseNumber.Value,
            SchemaVersion = CaseFlow.CurrentSchema,
            Phase = FlowPhase.Closed,
            Plan = triage.PlanFor(complaint.Details.Customer.Country, Domain.Service.TriageRoute.CustomerService),
            Reopening = new ReopenOrder(input.Actor, input.TextRef, run),
            MailSequence = run * CaseFlow.MailNumbersPerRun,
            RecentInputs = input.InputId is { } id ? [id] : [],
        };
        try
        {
            // Never over a running instance: two people reopening at once start one run; the other's start is refused here.
            await durable.ScheduleNewOrchestrationInstanceAsync(
                ComplaintCaseOrchestration.Name,
                flow,
                new StartOrchestrationOptions(instanceId) { Version = ProcessVersions.Current }.WithDedupeStatuses(OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended),
                cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await durable.GetInstanceAsync(instanceId, cancel) is not ({ IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending }))
            {
                throw;
            }

            logger.LogInformation("The case was being reopened already; this press leaves that run as it is");
        }
    }
}
