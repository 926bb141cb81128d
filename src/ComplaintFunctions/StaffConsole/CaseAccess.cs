using ComplaintFunctions.Actions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Workflow;
using ComplaintFunctions.Workflow.Process;

namespace ComplaintFunctions.StaffConsole;

/// <summary>Who may see a case and which steps the console offers them now: decided here, without a host, so tests reach it directly.</summary>
public static class CaseAccess
{
    /// <summary>
    /// Why this person may not open the case, or null. While the customer ombudsman reviews a case, only
    /// the ombudsman sees it: the review is independent of customer service and of the retailer's management.
    /// </summary>
    public static string? Refusal(StaffPerson person, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Stage == CaseStage.OmbudsmanReview && !person.Has(ActionRoles.Ombudsman)
            ? "This case is under review by the independent customer ombudsman. Until the ombudsman has decided, only the ombudsman sees the case: that is what keeps the review independent of customer service and of the retailer's management. Your attempt to open it is on the case's trail."
            : null;
    }

    /// <summary>May this person read the ombudsman's note on the retailer's routines (kept for the ombudsman's report)?</summary>
    public static bool SeesOmbudsmanNotes(StaffPerson person) =>
        person.Has(ActionRoles.Ombudsman) || person.Has(ActionRoles.Management);

    /// <summary>May this person export, erase and hold personal data (a team lead or management)?</summary>
    public static bool HandlesPersonalData(StaffPerson person) =>
        person.Has(ActionRoles.TeamLead) || person.Has(ActionRoles.Management);

    /// <summary>The role this person handles personal data in (team lead first), or null.</summary>
    public static string? PersonalDataRole(StaffPerson person) =>
        person.Has(ActionRoles.TeamLead) ? ActionRoles.TeamLead : person.Has(ActionRoles.Management) ? ActionRoles.Management : null;

    /// <summary>The steps the case allows now that this person may take, each with the role they take it in.</summary>
    /// <param name="reopenUntil">A closed case is offered to reopen while its close is no older than this before now (null: not offered).</param>
    public static IReadOnlyList<(ActionStep Step, string Role)> StepsOffered(StaffPerson person, CaseOnTheList onTheList, (DateTimeOffset Now, TimeSpan Within)? reopenUntil = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(onTheList);
        var complaint = onTheList.Complaint;
        if (Refusal(person, complaint) is not null || onTheList.Erased)
        {
            // An erased case takes no more steps: it cannot be reopened, it has nothing left to answer with.
            return [];
        }

        var awaitingApproval = onTheList.Owner == CaseProcess.ApprovalOwner;
        var offered = new List<(ActionStep, string)>();
        foreach (var step in ActionStepCatalogue.All)
        {
            if (step.Roles.FirstOrDefault(person.Has) is not { } role || ActionStepCatalogue.RefusalFor(step, complaint) is not null)
            {
                continue;
            }

            var now = step.Step switch
            {
                // A final answer waiting for the lead: the lead decides on it, and the team waits.
                CaseInputKinds.LeadApprove or CaseInputKinds.LeadSendBack => awaitingApproval,
                CaseInputKinds.AgentAnswer or CaseInputKinds.AgentAsk or CaseInputKinds.AgentFinal => !awaitingApproval,
                CaseInputKinds.StageRetry => onTheList.Owner == CaseProcess.StageFailedOwner,
                CaseInputKinds.DisputeNotComply => complaint.BodyOutcomeRecorded,
                // The reply is owed while the body works on the case, before its outcome, until it is recorded
                // (the body's stage then names another owner); a case is marked complex once, before the reply.
                CaseInputKinds.DisputeReplied => !complaint.BodyOutcomeRecorded && onTheList.Owner is not ExternalBodyProcess.RepliedOwner,
                CaseInputKinds.DisputeComplex => !complaint.BodyOutcomeRecorded && onTheList.Owner is ExternalBodyProcess.BodyOwner,
                CaseInputKinds.CustomerReplied => complaint.Stage is not CaseStage.Closed,
                CaseInputKinds.AgentCorrect => complaint.Stage is CaseStage.CustomerService or CaseStage.WaitingForCustomer or CaseStage.FinalAnswer && !awaitingApproval,
                CaseInputKinds.AgentMerge => !awaitingApproval,
                CaseInputKinds.AgentReopen => reopenUntil is { } r && complaint.ClosedAt is { } closedAt && r.Now - closedAt <= r.Within,
                _ => true,
            };
            if (now)
            {
                offered.Add((step, role));
            }
        }

        return offered;
    }

    /// <summary>The trail lines that are the conversation: what people said and did on the case (collision safety counts them).</summary>
    public static bool IsConversation(CaseEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Kind is "link-used" or "step-taken" or "customer-replied" or "internal-note";
    }
}
