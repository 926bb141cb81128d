using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Domain.Disputes;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Workflow;

public sealed record BodyOfferRequest(string CaseNumber, OmbudsmanDecision Decision);

public sealed record DecisionRecord(string CaseNumber, OmbudsmanDecision Decision, string Actor);

/// <param name="For">Who the file is for: "ombudsman", or the id of an external body.</param>
public sealed record CaseFileRequest(string CaseNumber, string For);

/// <summary>A stage's orchestration telling the case's orchestration it is done, as an input like any other.</summary>
public sealed record StageReport(string CaseNumber, CaseInput Input);

/// <summary>The work of the stages after customer service: the ombudsman's decision, the bodies that fit, the case file.</summary>
public sealed class DisputeWorkActivities(
    ComplaintStore complaints,
    CaseEventLog auditTrail,
    CaseTexts texts,
    AppTables tables,
    CaseFileStore caseFiles,
    DisputeBodyRegistry registry,
    IOptions<PipelineOptions> pipelineOptions,
    IOptions<DisputeOptions> disputeOptions,
    TimeProvider time,
    ILogger<DisputeWorkActivities> logger)
{
    // Activity names are persisted in open cases' histories: literals, so renaming a method never renames an activity.
    public const string OfferBodies = "OfferBodiesAsync";
    public const string RecordOmbudsmanDecision = "RecordOmbudsmanDecisionAsync";
    public const string PrepareCaseFile = "PrepareCaseFileAsync";
    public const string StartOmbudsmanReview = "StartOmbudsmanReviewAsync";
    public const string StartExternalBody = "StartExternalBodyAsync";
    public const string ReportToCase = "ReportToCaseAsync";

    // Version 1 ran the later stages as orchestrations of their own, started by these activities and
    // reporting back with an event; an episode of version 1 that was under way may still call them.
    [Function(StartOmbudsmanReview)]
    public static Task StartOmbudsmanReviewAsync([ActivityTrigger] OmbudsmanReviewState state, [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(state);
        return StartOnceAsync(durable, OmbudsmanReviewOrchestration.Name, OmbudsmanReviewOrchestration.InstanceIdFor(state.CaseNumber), state);
    }

    [Function(StartExternalBody)]
    public static Task StartExternalBodyAsync([ActivityTrigger] ExternalBodyState state, [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(state);
        return StartOnceAsync(durable, ExternalBodyOrchestration.Name, ExternalBodyOrchestration.InstanceIdFor(state.CaseNumber), state);
    }

    [Function(ReportToCase)]
    public static Task ReportToCaseAsync([ActivityTrigger] StageReport report, [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(durable);
        return durable.RaiseEventAsync(ComplaintCaseOrchestration.InstanceIdFor(CaseNumber.Parse(report.CaseNumber)), ComplaintCaseOrchestration.InputEvent, report.Input);
    }

    static async Task StartOnceAsync(DurableTaskClient durable, string name, string instanceId, object input)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (await durable.GetInstanceAsync(instanceId) is not null)
        {
            return;
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A retried activity that lost the race to its first attempt: started is what we wanted.
            if (await durable.GetInstanceAsync(instanceId) is null)
            {
                throw;
            }
        }
    }

    /// <summary>The bodies that fit the case (ids), with the reasons for each one left out written on the trail for staff.</summary>
    [Function(OfferBodies)]
    public async Task<string[]> OfferBodiesAsync([ActivityTrigger] BodyOfferRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = logger.BeginCaseScope(request.CaseNumber);
        var number = CaseNumber.Parse(request.CaseNumber);
        var complaint = (await complaints.GetAsync(number)).Complaint;
        var offers = OffersFor(complaint, request.Decision);
        var lines = new StringBuilder();
        foreach (var offer in offers.Where(o => o.Body.Country == complaint.Details.Customer.Country || o.Offered))
        {
            lines.Append(offer.Offered ? "Offered: " : "Not offered: ").Append(offer.Body.Id);
            var why = offer.Offered ? offer.Notes : offer.Reasons;
            if (why.Count > 0)
            {
                lines.Append(" (").Append(string.Join("; ", why)).Append(')');
            }

            lines.Append('\n');
        }

        await auditTrail.AppendAsync(new CaseEvent(number, "bodies-offered", new DateTimeOffset(request.Decision.DecidedAt, TimeSpan.Zero).AddTicks(1), "bodies-offered", "system", "system",
            lines.Length == 0 ? "No external body fits this case." : lines.ToString().TrimEnd()));
        var offered = offers.Where(o => o.Offered).Select(o => o.Body.Id).ToArray();
        logger.LogInformation("External bodies offered: {Bodies}", offered.Length == 0 ? "none" : string.Join(", ", offered));
        return offered;
    }

    internal IReadOnlyList<BodyOffer> OffersFor(Complaint complaint, OmbudsmanDecision decision)
    {
        var today = pipelineOptions.Value.Today(time);
        var established = disputeOptions.Value.RetailerEstablishedIn
            .Select(c => Enum.TryParse<Country>(c, ignoreCase: true, out var country) ? (Country?)country : null)
            .OfType<Country>()
            .ToArray();
        var facts = new DisputeFacts(
            complaint.Details.Customer.Country,
            ParseOutcome(decision.Outcome),
            decision.DisputedAmount,
            DateOnly.FromDateTime(complaint.OpenedAt.UtcDateTime),
            today,
            established);
        return registry.OffersFor(facts);
    }

    /// <summary>The verdict as the dispute rules read it; an unknown one is an error, never a guess (inputs are checked when read).</summary>
    public static OmbudsmanOutcome ParseOutcome(string outcome) => outcome switch
    {
        "upheld" => OmbudsmanOutcome.Upheld,
        "overturned" => OmbudsmanOutcome.Overturned,
        "partly-settled" => OmbudsmanOutcome.PartlySettled,
        _ => throw new ArgumentException($"'{outcome}' is not an outcome of the ombudsman's review.", nameof(outcome)),
    };

    /// <summary>The decision on the trail (with who decided), and the note on the retailer's routines kept for the report.</summary>
    [Function(RecordOmbudsmanDecision)]
    public async Task RecordOmbudsmanDecisionAsync([ActivityTrigger] DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var scope = logger.BeginCaseScope(record.CaseNumber);
        var number = CaseNumber.Parse(record.CaseNumber);
        var decision = record.Decision;
        var at = new DateTimeOffset(decision.DecidedAt, TimeSpan.Zero);
        var reasons = await texts.ReadAsync(number, decision.ReasonsRef) ?? string.Empty;
        await auditTrail.AppendAsync(new CaseEvent(number, "ombudsman-decision", at, "ombudsman-decision", record.Actor, "link",
            $"Decision: {decision.Outcome}{(decision.DisputedAmount is { } a ? $"; disputed amount {a.ToString("0.##", CultureInfo.InvariantCulture)}" : string.Empty)}{(decision.ReferToBody ? "; referred to an external body" : string.Empty)}. Reasons: {(reasons.Length > 1000 ? reasons[..1000] + "…" : reasons)}",
            TrailFacts.Of((FactKeys.Outcome, decision.Outcome), (FactKeys.Amount, TrailFacts.Amount(decision.DisputedAmount)), (FactKeys.Referred, decision.ReferToBody ? "yes" : null))));

        if (await texts.ReadAsync(number, decision.RoutineNoteRef) is { Length: > 0 } note)
        {
            // Kept apart, month by month, for the ombudsman's report on the retailer's routines.
            var table = await tables.GetAsync(TableNames.RoutineNotes);
            await table.UpsertEntityAsync(
                new TableEntity(at.ToString("yyyy-MM", CultureInfo.InvariantCulture), number.Digits) { ["CaseNumber"] = number.Value, ["Note"] = note, ["At"] = at },
                TableUpdateMode.Replace);
        }

        logger.LogInformation("Ombudsman's decision recorded: {Outcome}{Referred}", decision.Outcome, decision.ReferToBody ? ", referred to an external body" : string.Empty);
    }

    /// <summary>
    /// The case file a person can read and send: the complaint, every message written on the case in
    /// order, the trail, and the decisions, as one HTML document that prints to PDF. Kept in Blob storage.
    /// </summary>
    [Function(PrepareCaseFile)]
    public async Task<string> PrepareCaseFileAsync([ActivityTrigger] CaseFileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = logger.BeginCaseScope(request.CaseNumber);
        var number = CaseNumber.Parse(request.CaseNumber);
        // A file is made for the ombudsman or a body in the registry, never for a reader nobody knows
        // (the ombudsman's file holds internal notes a body must not see).
        if (request.For != Links.CaseViews.ForOmbudsman && registry.Bodies.All(b => b.Id != request.For))
        {
            throw new InvalidOperationException($"'{request.For}' reads no case file: only the customer ombudsman and the external bodies in the registry do.");
        }

        var complaint = (await complaints.GetAsync(number)).Complaint;
        var html = CaseFile.Render(complaint, await auditTrail.ReadAsync(number), await texts.ListAsync(number), request.For, registry, time.GetUtcNow());
        var name = await caseFiles.SaveAsync(number, request.For, html);
        logger.LogInformation("Case file for {For} prepared", request.For);
        return name;
    }
}

/// <summary>The case file as a document.</summary>
public static class CaseFile
{
    public static string Render(Complaint complaint, IReadOnlyList<CaseEvent> trail, IReadOnlyList<CaseText> texts, string forWhom, DisputeBodyRegistry registry, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(registry);
        var d = complaint.Details;
        var body = registry.Bodies.FirstOrDefault(b => b.Id == forWhom);
        var heading = body is null ? "For the customer ombudsman" : $"For {registry.TextFor(body, "en").Name}";

        // An outside body gets what the customer and the retailer said and decided; the retailer's
        // internal trail (notes, triage, mails sent, system lines) stays with the ombudsman's file.
        if (body is not null)
        {
            texts = texts.Where(t => SharedWithBodies.Contains(t.Kind)).ToList();
            trail = trail.Where(IsSharedWithBodies).ToList();
        }

        // The case file is written in English for every reader, like the trail.
        var model = new CaseFileModel(
            $"Case file {complaint.CaseNumber.Value}",
            $"{heading}. Prepared {at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}. Print this page to PDF to file it.",
            body is null ? null : "What the customer and the retailer wrote and decided on the case: the complaint, the messages with the customer, the final answer, why the customer rejected it, and the customer ombudsman's decision with its reasons and amounts.",
            "The complaint",
            [
                new("Customer", $"{d.Customer.Name} <{d.Customer.Email}>{(d.Customer.Phone is { } p ? ", " + p : string.Empty)}"),
                new("Country / language", $"{d.Customer.Country} / {d.Customer.Language}"),
                new("Reported", $"{complaint.OpenedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} via {complaint.Channel.ToWire()}"),
                new("Category", d.Category.ToWire()),
                new("Order / product / manufacturer", $"{d.Purchase.OrderNumber ?? "-"} / {d.Purchase.Product ?? "-"} / {d.Purchase.Manufacturer ?? "-"}"),
                new("Purchased / delivered", $"{d.Purchase.PurchaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} / {d.Purchase.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}"),
                new("Stage now", complaint.Stage.Describe()),
            ],
            "What the customer wrote",
            d.Description,
            body is null ? "Every message on the case" : "The messages on the case",
            [.. texts.Select(text => new CaseFileMessage($"{TextKindName(text.Kind)} — {text.Author}, {text.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}", text.Text))],
            body is null ? "What happened, in order" : "What was decided, in order",
            ["When (UTC)", "Who", "Through", "What"],
            [.. trail.Select(e => new CaseFileLine(e.OccurredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), e.Actor, e.Channel, e.Summary))]);
        return Http.PageTemplates.Render("views/case-file", model);
    }

    /// <param name="ForABody">What an outside body's file holds, or null on the ombudsman's.</param>
    sealed record CaseFileModel(
        string Title,
        string Prepared,
        string? ForABody,
        string ComplaintHeading,
        IReadOnlyList<CaseFileRow> Rows,
        string CustomerWroteHeading,
        string Description,
        string MessagesHeading,
        IReadOnlyList<CaseFileMessage> Messages,
        string TrailHeading,
        IReadOnlyList<string> TrailColumns,
        IReadOnlyList<CaseFileLine> Trail) : Http.IPageModel;

    sealed record CaseFileRow(string Label, string Value) : Http.IPageModel;

    sealed record CaseFileMessage(string Heading, string Text) : Http.IPageModel;

    sealed record CaseFileLine(string When, string Who, string Through, string What) : Http.IPageModel;

    /// <summary>The texts an outside body sees: what passed between the customer and the retailer, and the decisions.</summary>
    static readonly HashSet<string> SharedWithBodies = new(StringComparer.Ordinal)
    {
        "agent-answer",
        "agent-ask",
        "agent-final",
        "customer-ombudsman",
        "customer-reply",
        "manufacturer-help",
        "ombudsman-decide",
        "dispute-outcome",
    };

    /// <summary>The lines of the trail an outside body sees: the ombudsman's decision, and the steps a person took.</summary>
    static bool IsSharedWithBodies(CaseEvent e) =>
        e.Kind == "ombudsman-decision" || (e.Kind == "stage-changed" && e.Actor != "system");

    static string TextKindName(string kind) => kind switch
    {
        "agent-answer" => "Customer service's answer",
        "agent-ask" => "Customer service's question",
        "agent-final" => "Customer service's final answer",
        "lead-send-back" => "Team lead sent the answer back",
        "customer-ombudsman" => "Why the customer is not satisfied",
        "customer-reply" => "The customer wrote",
        "manufacturer-help" => "The customer still needed help",
        "ombudsman-decide" => "The ombudsman's reasons",
        "ombudsman-note" => "The ombudsman's note on routines",
        "dispute-outcome" => "The external body's outcome",
        "dispute-not-comply" => "Why the recommendation is not followed",
        "dispute-replied" => "The retailer's reply to the body",
        "dispute-complex" => "The body treats the case as complex",
        _ => kind,
    };
}
