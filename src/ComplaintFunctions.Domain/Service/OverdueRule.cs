using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Service;

/// <summary>
/// When the staff list calls a case overdue: only while the retailer's side owes the next step and
/// its due time has passed. A case waiting for the customer (a question, the manufacturer's support,
/// a final answer, the ombudsman's decision) is never overdue, whatever was flagged before it got there.
/// </summary>
public static class OverdueRule
{
    /// <summary>True while the next step is ours (the team, the lead, the ombudsman, the dispute contact), not the customer's.</summary>
    public static bool WaitsForUs(CaseStage stage, bool ombudsmanHasDecided) => stage switch
    {
        CaseStage.CustomerService => true,
        CaseStage.OmbudsmanReview => !ombudsmanHasDecided,
        CaseStage.ExternalBody => true,
        _ => false,
    };

    /// <param name="dueAt">When the step owed is due; null when no time is set.</param>
    /// <param name="flagged">What the case's orchestration recorded (an escalation that has no due time, such as a recommendation not followed).</param>
    public static bool IsOverdue(CaseStage stage, bool ombudsmanHasDecided, DateTimeOffset? dueAt, bool flagged, DateTimeOffset now) =>
        WaitsForUs(stage, ombudsmanHasDecided) && (dueAt is { } due ? now > due : flagged);
}
