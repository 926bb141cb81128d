using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Staff;
using ComplaintFunctions.Storage;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Workflow;

/// <summary>
/// Triage when a case opens: the route, the checks staff read, and the plan the orchestration
/// follows. Plain work on the complaint (no I/O), so intake can do it as it stores the case and the
/// orchestration starts with its plan, and the opening activity of older cases does the same.
/// </summary>
public sealed class CaseTriage(
    ManufacturerDirectory manufacturers,
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
    public (TriageRoute Route, string Checks) Assess(ComplaintDetails details, string language)
    {
        ArgumentNullException.ThrowIfNull(details);
        var triage = Triage.Assess(details, pipelineOptions.Value.Today(time), triageOptions.Value);
        var known = manufacturers.FindManufacturerContact(details.Purchase.Manufacturer, details.Customer.Country) is not null;
        var routing = CaseRouting.Decide(triage, details, known);
        return (routing.Route, Checks([.. triage.Checks, .. routing.Checks], language));
    }

    /// <summary>The plan of a new case and the triage line of its trail (one tick after it opened, so it reads second).</summary>
    public (CasePlan Plan, CaseEvent Line) Open(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var (route, checks) = Assess(complaint.Details, TrailLanguage);
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
