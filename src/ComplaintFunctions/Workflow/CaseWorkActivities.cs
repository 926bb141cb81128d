using System.Globalization;
using Azure;
using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Staff;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow.Process;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Workflow;

/// <summary>An action link a mail carries: its placeholder in the template and what it lets whom do.</summary>
public sealed record LinkOrder(string Placeholder, string Step, string Role, Guid ActionId, DateTime ExpiresAt);

/// <summary>A view link a mail carries: its placeholder and what it shows whom (see <see cref="CaseViews"/>).</summary>
public sealed record ViewLinkOrder(string Placeholder, string View, string Role, DateTime ExpiresAt);

/// <summary>
/// One mail of a case. <paramref name="Sequence"/> makes its id stable, so a retried activity sends it
/// once; <paramref name="Times"/> are instants shown in the case's local time (due dates, deadlines).
/// </summary>
public sealed record CaseMailOrder(
    string CaseNumber,
    MailKind Kind,
    int Sequence,
    DateTime At,
    IReadOnlyList<LinkOrder> Links,
    IReadOnlyDictionary<string, DateTime> Times,
    string? TextRef = null,
    decimal? Amount = null,
    IReadOnlyDictionary<string, string>? Extra = null,
    IReadOnlyList<ViewLinkOrder>? Views = null);

/// <summary>A change of the case's stage, as the domain allows it.</summary>
public sealed record CaseActionOrder(string CaseNumber, CaseAction Action, string Actor, string Channel, DateTime At);

/// <summary>
/// A step of the case's lifecycle, as the process took it (version 2): <paramref name="ExpectedStage"/>
/// is the stage the process believes the case is in, so a retried attempt of a step already taken is
/// told apart from a refusal.
/// </summary>
/// <param name="Facts">The step's facts for the reports, as their column text (<see cref="TrailFacts"/>); null before they existed.</param>
public sealed record CaseStepOrder(string CaseNumber, CaseAction Action, string Actor, string Channel, DateTime At, CaseStage ExpectedStage, string? Facts = null);

/// <summary>What the complaint said to a step.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<StepOutcome>))]
public enum StepOutcome
{
    Taken = 0,

    /// <summary>An earlier attempt of the same step took it (the activity ran twice).</summary>
    TakenBefore = 1,

    Refused = 2,
}

/// <param name="Plan">The settings as they are now, for the case's next phase (the rule for open cases: timings and thresholds are read again when a case takes a step).</param>
public sealed record CaseStepResult(StepOutcome Outcome, string? Reason, CasePlan? Plan);

/// <summary>One item of an episode's work done in one activity: exactly one of the three is set.</summary>
public sealed record CaseWorkItem(CaseStepOrder? Step = null, CaseMailOrder? Mail = null, ServiceState? State = null);

/// <summary>Steps, mails and the service state of one episode, in the order the process gave them.</summary>
public sealed record CaseWorkOrder(string CaseNumber, IReadOnlyList<CaseWorkItem> Items);

/// <param name="Done">How many items, from the first, were carried out (a refused step counts: it was answered).</param>
/// <param name="Steps">What the complaint said to each step carried out, in order.</param>
/// <param name="MailError">Set when a mail could not be sent now (what went wrong): it and the items after it are left to the case, and this was the mail's first attempt.</param>
public sealed record CaseWorkDone(int Done, IReadOnlyList<CaseStepResult> Steps, string? MailError);

/// <summary>An input the process did not take, for the trail.</summary>
public sealed record RefusedInput(string CaseNumber, string InputKind, string Actor, string Reason, DateTime At, int Sequence);

/// <summary>The final answer recorded a repair under the claim; its trail line's id comes from the case's sequence.</summary>
public sealed record RepairOrder(string CaseNumber, string Actor, DateTime At, int Sequence);

/// <summary>A line the process puts on the trail; its id comes from the case's sequence.</summary>
public sealed record TrailLineOrder(string CaseNumber, string Kind, string Actor, string Summary, DateTime At, int Sequence);

public sealed record MailFailure(string CaseNumber, MailKind Kind, int Sequence, string Error, DateTime At);

/// <summary>A correction of what the case is, as staff made it (see <see cref="CorrectFacts"/>).</summary>
public sealed record CaseCorrectionOrder(string CaseNumber, ComplaintCategory Category, Country Country, string Language, string Actor, string? TextRef, DateTime At);

/// <summary>A duplicate's words for the case it is merged into.</summary>
public sealed record DuplicateOrder(string CaseNumber, string IntoCase, string Actor, string? TextRef, DateTime At);

/// <summary>What the staff list shows of a case's clock.</summary>
public sealed record ServiceState(string CaseNumber, string Owner, DateTime? DueAt, bool Overdue);

/// <summary>The work the case orchestration hands out. Each is safe to run twice.</summary>
public sealed class CaseWorkActivities(
    ComplaintStore complaints,
    CaseEventLog auditTrail,
    MailSender sender,
    SentMailLedger sentMail,
    AutomaticMailCap cap,
    CaseMailComposer mails,
    CaseTriage triage,
    CaseTexts texts,
    RepairRegister repairs,
    IOptions<PipelineOptions> pipelineOptions,
    TimeProvider time,
    ILogger<CaseWorkActivities> logger)
{
    // Activity names are persisted in open cases' histories: literals, so renaming a method never renames an activity.
    public const string OpenCase = "OpenCaseAsync";
    public const string ApplyCaseAction = "ApplyCaseActionAsync";
    public const string SendCaseMail = "SendCaseMailAsync";
    public const string RecordMailFailure = "RecordMailFailureAsync";
    public const string RecordServiceState = "RecordServiceStateAsync";
    public const string TakeCaseStep = "TakeCaseStepAsync";
    public const string RecordRefusedInput = "RecordRefusedInputAsync";
    public const string RecordTrailLine = "RecordTrailLineAsync";
    public const string RecordRepair = "RecordRepairAsync";
    public const string CarryOutCaseWork = "CarryOutCaseWorkAsync";
    public const string CorrectCase = "CorrectCaseAsync";
    public const string PassDuplicate = "PassDuplicateAsync";

    /// <summary>
    /// Triage when the case opens, for cases whose orchestration started without a plan (opened before
    /// intake triaged): the checks go on the case's trail, the route and clocks to the orchestration.
    /// </summary>
    [Function(OpenCase)]
    public async Task<CasePlan> OpenCaseAsync([ActivityTrigger] string caseNumber)
    {
        using var scope = logger.BeginCaseScope(caseNumber);
        var stored = await complaints.GetAsync(CaseNumber.Parse(caseNumber));
        var (plan, line) = await triage.OpenAsync(stored.Complaint);
        await auditTrail.AppendAsync(line);
        logger.LogInformation("Triage: route {Route}, country {Country}", plan.Route, plan.Country);
        return plan;
    }

    [Function(ApplyCaseAction)]
    public async Task<bool> ApplyCaseActionAsync([ActivityTrigger] CaseActionOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var scope = logger.BeginCaseScope(order.CaseNumber);
        var number = CaseNumber.Parse(order.CaseNumber);
        var at = new DateTimeOffset(order.At, TimeSpan.Zero);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await complaints.GetAsync(number);
            var from = stored.Complaint.Stage;
            var check = stored.Complaint.Apply(order.Action, at);
            if (!check.Allowed)
            {
                // Done by an earlier attempt of this activity, or overtaken by another change.
                logger.LogInformation("Stage change {Action} not applied at {Stage}: done before or overtaken", order.Action, from.ToWire());
                return false;
            }

            try
            {
                await complaints.UpdateAsync(stored);
                await auditTrail.AppendAsync(new CaseEvent(
                    number, $"stage-{order.Action}", at, "stage-changed", order.Actor, order.Channel,
                    $"{CaseLifecycle.Describe(order.Action)}: {from.ToWire()} → {check.To.ToWire()}."));
                logger.LogInformation("Stage {From} → {To} ({Action})", from.ToWire(), check.To.ToWire(), order.Action);
                return true;
            }
            catch (ConcurrentCaseUpdateException) when (attempt < 3)
            {
                // Someone changed the case meanwhile; read it again and decide again.
            }
        }
    }

    /// <summary>
    /// Takes one step of the lifecycle on the complaint, or says why not (on the trail). A step is taken
    /// once: a second attempt of the same order finds it taken (same time, the stage it leads to).
    /// </summary>
    [Function(TakeCaseStep)]
    public async Task<CaseStepResult> TakeCaseStepAsync([ActivityTrigger] CaseStepOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var scope = logger.BeginCaseScope(order.CaseNumber);
        var lines = new List<CaseEvent>();
        var (result, _) = await TakeStepAsync(null, order, lines);
        await auditTrail.AppendAllAsync(lines);
        return result;
    }

    /// <summary>
    /// An episode's steps, mails and service state in one activity, in order, with the complaint read
    /// once and the trail lines written in one transaction. Each item is done as its own activity would
    /// do it, so a retry of the whole finds what an earlier attempt did (steps taken before, mails in the
    /// ledger). A refused step stops it; so does a mail that cannot be sent now: the case carries out that
    /// mail and the rest one by one, with the mail's own retries and its failure on the case.
    /// </summary>
    [Function(CarryOutCaseWork)]
    public async Task<CaseWorkDone> CarryOutCaseWorkAsync([ActivityTrigger] CaseWorkOrder work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var scope = logger.BeginCaseScope(work.CaseNumber);
        var lines = new List<CaseEvent>();
        var steps = new List<CaseStepResult>();
        StoredComplaint? stored = null;
        var done = 0;
        string? mailError = null;
        for (var position = 0; position < work.Items.Count; position++)
        {
            var item = work.Items[position];
            if (position < done)
            {
                // Sent with the mails before it.
                continue;
            }

            if (item.Step is { } step)
            {
                (var result, stored) = await TakeStepAsync(stored, step, lines);
                steps.Add(result);
                done++;
                if (result.Outcome == StepOutcome.Refused)
                {
                    break;
                }
            }
            else if (item.Mail is not null)
            {
                // This mail and those right after it: their ledger rows in one transaction each way.
                var group = work.Items.Skip(position).TakeWhile(i => i.Mail is not null).Select(i => i.Mail!).ToList();
                stored ??= await complaints.GetAsync(CaseNumber.Parse(work.CaseNumber));
                var start = done;
                try
                {
                    await SendMailsAsync(stored.Complaint, group, lines, handled => done = start + handled);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Left to the case's one-by-one path, which retries this mail as long as mail is retried.
                    var failed = work.Items[done].Mail!;
                    logger.LogWarning("Mail {MailKind} (number {Sequence}) not sent with the rest of the episode's work; the case sends it on its own", failed.Kind, failed.Sequence);
                    mailError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                    break;
                }
            }
            else if (item.State is { } state)
            {
                await RecordStateAsync(state);
                done++;
            }
        }

        await auditTrail.AppendAllAsync(lines);
        return new CaseWorkDone(done, steps, mailError);
    }

    /// <summary>One step on the complaint as read before (<paramref name="known"/>, or read now); its trail line goes to <paramref name="lines"/>.</summary>
    async Task<(CaseStepResult Result, StoredComplaint Latest)> TakeStepAsync(StoredComplaint? known, CaseStepOrder order, List<CaseEvent> lines)
    {
        var number = CaseNumber.Parse(order.CaseNumber);
        var at = new DateTimeOffset(DateTime.SpecifyKind(order.At, DateTimeKind.Utc), TimeSpan.Zero);
        for (var attempt = 0; ; attempt++)
        {
            var stored = known ?? await complaints.GetAsync(number);
            known = null;
            var complaint = stored.Complaint;
            var from = complaint.Stage;
            var check = complaint.Apply(order.Action, at);
            if (!check.Allowed)
            {
                // The complaint changed at this very step's time: an earlier attempt of this activity took it
                // (and may have stopped before its trail line, which is written once whatever happens).
                if ((complaint.UpdatedAt - at).Duration() < TimeSpan.FromMilliseconds(1))
                {
                    lines.Add(new CaseEvent(
                        number, $"stage-{order.Action}", at, "stage-changed", order.Actor, order.Channel,
                        $"{CaseLifecycle.Describe(order.Action)}: {order.ExpectedStage.ToWire()} → {from.ToWire()}.", TrailFacts.Parse(order.Facts)));
                    return (new CaseStepResult(StepOutcome.TakenBefore, null, PlanFor(complaint)), stored);
                }

                var reason = check.RefusalReason ?? "The step is not allowed now.";
                lines.Add(new CaseEvent(
                    number, $"step-refused-{order.Action}", at, "step-refused", order.Actor, order.Channel,
                    $"{CaseLifecycle.Describe(order.Action)} was refused while the case is {from.Describe()}: {reason}"));
                logger.LogWarning("Stage change {Action} refused at {Stage}", order.Action, from.ToWire());
                return (new CaseStepResult(StepOutcome.Refused, reason, null), stored);
            }

            try
            {
                var updated = await complaints.UpdateAsync(stored);
                lines.Add(new CaseEvent(
                    number, $"stage-{order.Action}", at, "stage-changed", order.Actor, order.Channel,
                    $"{CaseLifecycle.Describe(order.Action)}: {from.ToWire()} → {check.To.ToWire()}.", TrailFacts.Parse(order.Facts)));
                logger.LogInformation("Stage {From} → {To} ({Action})", from.ToWire(), check.To.ToWire(), order.Action);
                return (new CaseStepResult(StepOutcome.Taken, null, PlanFor(complaint)), updated);
            }
            catch (ConcurrentCaseUpdateException) when (attempt < 3)
            {
                // Someone changed the case meanwhile; read it again and decide again.
            }
        }
    }

    /// <summary>An input the process did not take: on the trail with the reason, once.</summary>
    [Function(RecordRefusedInput)]
    public async Task RecordRefusedInputAsync([ActivityTrigger] RefusedInput refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        using var scope = logger.BeginCaseScope(refused.CaseNumber);
        await auditTrail.AppendAsync(new CaseEvent(
            CaseNumber.Parse(refused.CaseNumber), $"input-refused-{refused.Sequence}", new DateTimeOffset(DateTime.SpecifyKind(refused.At, DateTimeKind.Utc), TimeSpan.Zero),
            "input-refused", refused.Actor, "system", $"'{refused.InputKind}' was not taken: {refused.Reason}"));
        logger.LogWarning("Input {InputKind} not taken", refused.InputKind);
    }

    [Function(RecordTrailLine)]
    public async Task RecordTrailLineAsync([ActivityTrigger] TrailLineOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var scope = logger.BeginCaseScope(order.CaseNumber);
        await auditTrail.AppendAsync(new CaseEvent(
            CaseNumber.Parse(order.CaseNumber), $"{order.Kind}-{order.Sequence}", new DateTimeOffset(DateTime.SpecifyKind(order.At, DateTimeKind.Utc), TimeSpan.Zero),
            order.Kind, order.Actor, "system", order.Summary));
    }

    /// <summary>
    /// The repair goes in the register (kept by order and product; the first repair of a product stays) and on the
    /// trail, saying whether a later complaint can find it. The day is the retailer's: the directive counts from 31 July 2026.
    /// </summary>
    [Function(RecordRepair)]
    public async Task RecordRepairAsync([ActivityTrigger] RepairOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var scope = logger.BeginCaseScope(order.CaseNumber);
        var number = CaseNumber.Parse(order.CaseNumber);
        var at = new DateTimeOffset(DateTime.SpecifyKind(order.At, DateTimeKind.Utc), TimeSpan.Zero);
        var complaint = (await complaints.GetAsync(number)).Complaint;
        var details = complaint.Details;
        var repairedOn = pipelineOptions.Value.DateOn(at);
        var repair = new RepairOnRecord(repairedOn, number.Value, details.Customer.Country);
        var extends = RightToRepair.AppliesIn(repair.Country) && repairedOn >= RightToRepair.AppliesFrom
            ? "a later claim about this product gets one more year of seller liability (Right to Repair Directive (EU) 2024/1799)"
            : repair.Country == Country.NO
                ? "the Right to Repair Directive's extra year does not apply in Norway"
                : "the Right to Repair Directive's extra year applies only to repairs from 31 July 2026";
        string summary;
        if (RepairKey.For(details.Purchase) is not { } key)
        {
            summary = $"The final answer's outcome: repaired under the claim on {repairedOn:yyyy-MM-dd}. The case names no {(string.IsNullOrWhiteSpace(details.Purchase.OrderNumber) ? "order number" : "product")}, so it is not in the repair register and a later complaint cannot find it.";
        }
        else if (await repairs.RecordAsync(key, repair))
        {
            summary = $"The final answer's outcome: repaired under the claim on {repairedOn:yyyy-MM-dd}; in the repair register for order {details.Purchase.OrderNumber?.Trim()} and product {details.Purchase.Product?.Trim()}: {extends}.";
        }
        else
        {
            var first = await repairs.FindAsync(key);
            summary = first?.CaseNumber == number.Value
                ? $"The final answer's outcome: repaired under the claim on {first.RepairedOn:yyyy-MM-dd}; in the repair register for order {details.Purchase.OrderNumber?.Trim()} and product {details.Purchase.Product?.Trim()}: {extends}."
                : $"The final answer's outcome: repaired under the claim on {repairedOn:yyyy-MM-dd}. The repair register has this product of this order repaired already ({first?.RepairedOn:yyyy-MM-dd}, case {first?.CaseNumber}); that repair stays on record, since the directive extends the liability once.";
        }

        await auditTrail.AppendAsync(new CaseEvent(number, $"repair-recorded-{order.Sequence}", at, "repair-recorded", order.Actor, "system", summary));
        logger.LogInformation("Repair under the claim recorded ({Country})", repair.Country);
    }

    CasePlan PlanFor(Complaint complaint) => triage.PlanFor(complaint.Details.Customer.Country, default);

    /// <summary>
    /// Corrects the case's category, country and language as staff chose them (a person chose the category
    /// now, so it is no longer a suggestion), with the change and the checks of the new triage on the trail,
    /// and gives the settings and route of the corrected case. The trail line is written before the case:
    /// a retry after either finds the line as the first attempt wrote it, and the case corrected once.
    /// </summary>
    [Function(CorrectCase)]
    public async Task<CasePlan> CorrectCaseAsync([ActivityTrigger] CaseCorrectionOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var scope = logger.BeginCaseScope(order.CaseNumber);
        var number = CaseNumber.Parse(order.CaseNumber);
        var at = new DateTimeOffset(DateTime.SpecifyKind(order.At, DateTimeKind.Utc), TimeSpan.Zero);
        var reason = await texts.ReadAsync(number, order.TextRef);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await complaints.GetAsync(number);
            var complaint = stored.Complaint;
            var before = complaint.Details;
            var after = before with
            {
                Category = order.Category,
                Customer = before.Customer with { Country = order.Country, Language = order.Language },
                CategorySource = CategorySource.Chosen,
                SuggestedFrom = null,
            };
            var changes = Changes(before, after);
            var id = $"corrected-{at.UtcTicks}";
            if (changes.Count == 0)
            {
                await auditTrail.AppendAsync(new CaseEvent(number, id, at, "corrected", order.Actor, "console", "Nothing to correct: category, country and language were already so." + (reason is null ? string.Empty : $" Reason given: {reason}")));
                var (route, _) = await triage.AssessAsync(number, complaint.Details, CaseTriage.TrailLanguage);
                return triage.PlanFor(complaint.Details.Customer.Country, route);
            }

            if (complaint.Correct(after, at) is { } refusal)
            {
                await auditTrail.AppendAsync(new CaseEvent(number, $"correction-refused-{at.UtcTicks}", at, "step-refused", order.Actor, "console", refusal));
                logger.LogWarning("Correction refused at {Stage}", complaint.Stage.ToWire());
                var (route, _) = await triage.AssessAsync(number, before, CaseTriage.TrailLanguage);
                return triage.PlanFor(before.Customer.Country, route);
            }

            var (newRoute, checks) = await triage.AssessAsync(number, after, CaseTriage.TrailLanguage);
            await auditTrail.AppendAllAsync(
            [
                new CaseEvent(number, id, at, "corrected", order.Actor, "console", $"Corrected: {string.Join("; ", changes)}." + (reason is null ? string.Empty : $" Reason: {reason}")),
                new CaseEvent(number, $"triage-{at.UtcTicks}", at.AddTicks(1), "triage", "system", "system", $"Triage again after the correction. Route: {newRoute}.\n{checks}"),
            ]);
            try
            {
                await complaints.UpdateAsync(stored);
                logger.LogInformation("Case corrected ({Changes} changes); triage route {Route}", changes.Count, newRoute);
                return triage.PlanFor(after.Customer.Country, newRoute);
            }
            catch (ConcurrentCaseUpdateException) when (attempt < 3)
            {
                // Someone changed the case meanwhile; read it again and correct it again (the line stays as written).
            }
        }

        static List<string> Changes(ComplaintDetails before, ComplaintDetails after)
        {
            var changes = new List<string>();
            if (before.Category != after.Category || before.CategorySource != after.CategorySource)
            {
                changes.Add($"category {before.Category.ToWire()}{(before.CategorySource == CategorySource.Suggested ? " (suggested)" : string.Empty)} → {after.Category.ToWire()}");
            }

            if (before.Customer.Country != after.Customer.Country)
            {
                changes.Add($"country {before.Customer.Country} → {after.Customer.Country}");
            }

            if (!string.Equals(before.Customer.Language, after.Customer.Language, StringComparison.Ordinal))
            {
                changes.Add($"language {before.Customer.Language} → {after.Customer.Language}");
            }

            return changes;
        }
    }

    /// <summary>
    /// What the customer wrote in a duplicate, as a text of the case it is merged into (under an id from the
    /// duplicate, so a retry keeps one), with a line on both trails; gives the text's id on that case.
    /// </summary>
    [Function(PassDuplicate)]
    public async Task<string> PassDuplicateAsync([ActivityTrigger] DuplicateOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var scope = logger.BeginCaseScope(order.CaseNumber);
        var from = CaseNumber.Parse(order.CaseNumber);
        var into = CaseNumber.Parse(order.IntoCase);
        var at = new DateTimeOffset(DateTime.SpecifyKind(order.At, DateTimeKind.Utc), TimeSpan.Zero);
        var duplicate = (await complaints.GetAsync(from)).Complaint;
        var said = new System.Text.StringBuilder($"From case {from.Value} (merged into this case):\n").Append(duplicate.Details.Description);
        foreach (var text in (await texts.ListAsync(from)).Where(t => t.Kind is CaseInputKinds.CustomerReplied or "customer-reply" or CaseInputKinds.ManufacturerHelp))
        {
            said.Append("\n\n").Append(text.Text);
        }

        var reason = await texts.ReadAsync(from, order.TextRef);
        var textRef = await texts.SaveAsync(into, CaseInputKinds.CustomerReplied, said.ToString(), order.Actor, at, $"merged-{from.Digits}", null);
        await auditTrail.AppendAsync(new CaseEvent(into, $"merged-from-{from.Digits}", at, "merged-in", order.Actor, "console",
            $"Case {from.Value} was merged into this case; what the customer wrote there is in the conversation." + (reason is null ? string.Empty : $" Reason: {reason}")));
        await auditTrail.AppendAsync(new CaseEvent(from, $"merged-into-{into.Digits}", at, "merged-out", order.Actor, "console",
            $"Merged into case {into.Value}." + (reason is null ? string.Empty : $" Reason: {reason}")));
        logger.LogInformation("Duplicate passed to the case it is merged into");
        return textRef;
    }

    [Function(SendCaseMail)]
    public async Task<string?> SendCaseMailAsync([ActivityTrigger] CaseMailOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var scope = logger.BeginCaseScope(order.CaseNumber);
        var complaint = (await complaints.GetAsync(CaseNumber.Parse(order.CaseNumber))).Complaint;
        var lines = new List<CaseEvent>();
        try
        {
            return await SendMailsAsync(complaint, [order], lines, _ => { });
        }
        finally
        {
            // What was decided before a failure (a held mail) is on the trail too; a failure itself is the case's to record.
            await auditTrail.AppendAllAsync(lines);
        }
    }

    /// <summary>A mail of the case made ready to send: recipient, texts, identity.</summary>
    sealed record ReadyMail(CaseMailOrder Order, OutgoingMail Mail, string MessageId, bool ToStaff, bool Automatic);

    async Task<ReadyMail> ReadyAsync(Complaint complaint, CaseMailOrder order)
    {
        var composed = await mails.ComposeAsync(complaint, order);
        var number = complaint.CaseNumber;
        var mail = new OutgoingMail($"{order.Kind.ToString().ToLowerInvariant()}-{order.Sequence}-{number.Digits}", number, composed.To, composed.ToName, composed.Subject, composed.Body, composed.From, composed.FromName);
        // Only mails that could feed a mail loop count against the daily cap (AutomaticMailRule).
        var automatic = AutomaticMailRule.For(order.Kind, complaint.Channel) == CapDecision.Capped;
        return new ReadyMail(order, mail, sender.MessageIdFor(mail), composed.ToStaff, automatic);
    }

    /// <summary>
    /// Sends mails of the case, in order, each once per mail id: their intents in the ledger in one
    /// transaction, each to SendGrid (or held: the recipient's daily maximum of automatic mails, counted
    /// once, on the first attempt), then those sent marked so in one transaction. Their trail lines go to
    /// <paramref name="lines"/>; <paramref name="handled"/> hears how many are done, so a caller knows
    /// where a failure stopped them. Returns the last mail's Message-ID (null when it was held).
    /// </summary>
    async Task<string?> SendMailsAsync(Complaint complaint, List<CaseMailOrder> orders, List<CaseEvent> lines, Action<int> handled)
    {
        var number = complaint.CaseNumber;
        var ready = new List<ReadyMail>(orders.Count);
        foreach (var order in orders)
        {
            ready.Add(await ReadyAsync(complaint, order));
        }

        var starts = await sentMail.BeginSendAllAsync(ready.Select(r => (r.Mail, r.MessageId)).ToList(), time.GetUtcNow(), CancellationToken.None);
        var sent = new List<(OutgoingMail Mail, string MessageId)>();
        string? messageId = null;
        var index = 0;
        try
        {
            for (; index < ready.Count; index++)
            {
                var (order, mail, id, toStaff, automatic) = ready[index];
                var at = new DateTimeOffset(order.At, TimeSpan.Zero);
                var start = starts[index];
                var held = start == SendStart.HeldBefore
                    || (start == SendStart.First && automatic && !await cap.TryTakeAsync(mail.To, CancellationToken.None));
                if (held)
                {
                    if (start == SendStart.First)
                    {
                        await sentMail.RecordHeldAsync(mail, CancellationToken.None);
                    }

                    lines.Add(new CaseEvent(number, mail.MailId, at, "mail-held", "system", "email", $"{order.Kind}: not sent, {mail.To} has had the day's maximum of automatic mails."));
                    logger.LogWarning("Mail {MailKind} ({MailId}) held: the recipient has had the day's maximum of automatic mails", order.Kind, mail.MailId);
                    messageId = null;
                    handled(index + 1);
                    continue;
                }

                if (start != SendStart.SentBefore)
                {
                    await sender.DeliverAsync(mail, id, start);
                    sent.Add((mail, id));
                    if (order.Kind is MailKind.Acknowledgement)
                    {
                        ComplaintMetrics.AcknowledgementSent(time.GetUtcNow() - complaint.OpenedAt);
                    }
                }

                lines.Add(new CaseEvent(number, mail.MailId, at, "mail-sent", "system", "email", $"{order.Kind} mailed to {mail.To}.",
                    // The reports count the surveys that went out by the mails that carried one.
                    order.Links.Any(l => l.Step.StartsWith(CaseInputKinds.CustomerSurvey + ":", StringComparison.Ordinal)) ? TrailFacts.Of((FactKeys.Survey, "yes")) : null));
                logger.LogInformation("Mail {MailKind} ({MailId}) sent to the {Recipient}", order.Kind, mail.MailId, toStaff ? "staff" : "customer");
                messageId = id;
                handled(index + 1);
            }
        }
        catch (Exception) when (sent.Count > 0 || index + 1 < ready.Count)
        {
            // Those sent are marked sent, and the intents of those not tried are known not sent, so a retry
            // sends neither twice nor with a warning. If storage fails here too, a retry finds intents and
            // sends again under the same Message-ID (the ledger's one window).
            try
            {
                await sentMail.RecordAllAsync(sent, time.GetUtcNow(), CancellationToken.None);
                await sentMail.RecordNotTriedAsync(ready.Skip(index + 1).Where((_, i) => starts[index + 1 + i] == SendStart.First).Select(r => r.Mail).ToList(), CancellationToken.None);
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or IOException or HttpRequestException)
            {
                logger.LogWarning("The ledger could not be updated after a mail failed; a retry finds the intents");
            }

            throw;
        }

        await sentMail.RecordAllAsync(sent, time.GetUtcNow(), CancellationToken.None);
        return messageId;
    }

    /// <summary>A mail that failed after every retry: on the case, for staff to see, never silently lost.</summary>
    [Function(RecordMailFailure)]
    public async Task RecordMailFailureAsync([ActivityTrigger] MailFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        using var scope = logger.BeginCaseScope(failure.CaseNumber);
        var number = CaseNumber.Parse(failure.CaseNumber);

        // The staff list's flag first (the case and its line on the open-case list), then the trail line:
        // whoever reads the line finds the case marked already.
        await complaints.UpdateServiceStateAsync(number, mailFailed: true);
        await auditTrail.AppendAsync(new CaseEvent(
            number, $"mail-failed-{failure.Kind}-{failure.Sequence}", new DateTimeOffset(failure.At, TimeSpan.Zero), "mail-failed", "system", "email",
            $"{failure.Kind} could not be sent: {(failure.Error.Length > 500 ? failure.Error[..500] : failure.Error)}"));

        // The error text stays on the case's trail: a mail service's answer may quote the address.
        logger.LogError("Mail {MailKind} (number {Sequence}) could not be sent after every retry; it is on the case for staff", failure.Kind, failure.Sequence);
        ComplaintMetrics.MailFailed(failure.Kind);
    }

    [Function(RecordServiceState)]
    public async Task RecordServiceStateAsync([ActivityTrigger] ServiceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var scope = logger.BeginCaseScope(state.CaseNumber);
        await RecordStateAsync(state);
    }

    async Task RecordStateAsync(ServiceState state)
    {
        logger.LogInformation("With {Owner}, due {DueAt:u}, overdue {Overdue}", state.Owner, state.DueAt, state.Overdue);
        await complaints.UpdateServiceStateAsync(
            CaseNumber.Parse(state.CaseNumber), owner: state.Owner, dueAt: state.DueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null, overdue: state.Overdue, clearDue: state.DueAt is null);
    }
}
