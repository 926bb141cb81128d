using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Staff;
using ComplaintFunctions.Storage;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Workflow;

/// <summary>
/// Triage when a case opens: the route, the checks staff read, and the plan the orchestration
/// follows. Plain work on the complaint, so intake can do it as it stores the case and the
/// orchestration starts with its plan, and the opening activity of older cases does the same; its one
/// read is the repair register (a product we repaired under a claim gets a longer claim window).
/// </summary>
public sealed class CaseTriage(
    ManufacturerDirectory manufacturers,
    RepairRegister repairs,
    IOptions<PipelineOptions> pipelineOptions,
    IOptions<TriageOptions> triageOptions,
    IOptions<CustomerServiceOptions> timings,
    IOptions<DisputeOptions> disputeOptions,
    IOptionsMonitor<BusinessHoursOptions> hours,
    TimeProvider time)
{
    /// <summary>The language of the triage lines on a case's trail: the trail is an audit record, kept in English.</summary>
    public const string TrailLanguage = "en";

    /// <summary>The route and every check staff should read, one per line, in <paramref name="language"/> (the staff language, or <see cref="TrailLanguage"/>).</summary>
    /// <param name="repair">The repair on record for this product of this order (<see cref="RepairFor"/>), or null.</param>
    public (TriageRoute Route, string Checks) Assess(ComplaintDetails details, string language, RepairOnRecord? repair = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        var triage = Triage.Assess(details, pipelineOptions.Value.Today(time), triageOptions.Value, repair: repair);
        var known = manufacturers.FindManufacturerContact(details.Purchase.Manufacturer, details.Customer.Country) is not null;
        var routing = CaseRouting.Decide(triage, details, known);
        return (routing.Route, Checks([.. triage.Checks, .. routing.Checks], language));
    }

    /// <summary>Assess with what the repair register holds for the case's product.</summary>
    public async Task<(TriageRoute Route, string Checks)> AssessAsync(CaseNumber caseNumber, ComplaintDetails details, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return Assess(details, language, await RepairFor(details, caseNumber, cancellationToken));
    }

    /// <summary>
    /// A repair under a claim of the same product of the same order, recorded on another case; a case's own
    /// repair (its final answer) does not lengthen its own window.
    /// </summary>
    public async Task<RepairOnRecord?> RepairFor(ComplaintDetails details, CaseNumber caseNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var repair = await repairs.FindAsync(RepairKey.For(details.Purchase), cancellationToken);
        return repair is not null && repair.CaseNumber == caseNumber.Value ? null : repair;
    }

    /// <summary>The plan of a new case and the triage line of its trail (one tick after it opened, so it reads second).</summary>
    public async Task<(CasePlan Plan, CaseEvent Line)> OpenAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var (route, checks) = Assess(complaint.Details, TrailLanguage, await RepairFor(complaint.Details, complaint.CaseNumber, cancellationToken));
        var line = new CaseEvent(complaint.CaseNumber, "triage", complaint.OpenedAt.AddTicks(1), "triage", "system", "system", $"Route: {route}.\n{checks}");
        return (PlanFor(complaint.Details.Customer.Country, route), line);
    }

    /// <summary>The settings as they are now, for a case in <paramref name="country"/> on <paramref name="route"/>.</summary>
    public CasePlan PlanFor(Country country, TriageRoute route) =>
        new(country, route, timings.Value, hours.Get(country.ToString()), disputeOptions.Value);

    static string Checks(IEnumerable<TriageCheck> checks, string language)
    {
        var lines = new StringBuilder();
        foreach (var check in checks)
        {
            lines.Append("- ").Append(check.Code).Append(" (").Append(check.Verdict.StaffWord(language)).Append("): ").Append(check.ExplanationIn(language)).Append('\n');
        }

        return lines.ToString().TrimEnd();
    }
}
