using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Workflow;

namespace ComplaintFunctions.Actions;

/// <summary>
/// What each action link may do: who may use it (the role in the token must be one of these), which
/// step of the process it is (checked against the case's stage before anything happens), and what
/// the page asks for.
/// </summary>
/// <param name="StageAction">The domain action this step is, so the case can refuse it; null for steps that leave the stage as it is.</param>
/// <param name="RequiredStage">For steps with no domain action: the stage the case must be in.</param>
public sealed record ActionStep(
    string Step,
    IReadOnlyList<string> Roles,
    CaseAction? StageAction,
    CaseStage? RequiredStage,
    TextField Text,
    bool AsksAmount,
    string Title,
    string Explanation,
    string Button);

public enum TextField
{
    None,
    Optional,
    Required,
}

public static class ActionStepCatalogue
{
    static readonly Dictionary<string, ActionStep> Steps = new[]
    {
        new ActionStep(CaseInputKinds.AgentAnswer, ["agent"], null, CaseStage.CustomerService, TextField.Required, false,
            "Answer the customer", "Your answer is mailed to the customer in their case. The case stays with customer service.", "Send the answer"),
        new ActionStep(CaseInputKinds.AgentAsk, ["agent"], CaseAction.AskCustomer, null, TextField.Required, false,
            "Ask the customer for information", "Your question is mailed to the customer. The answer clock stops until the customer replies.", "Send the question"),
        new ActionStep(CaseInputKinds.AgentFinal, ["agent"], CaseAction.GiveFinalAnswer, null, TextField.Required, true,
            "Give the final answer", "The final answer goes to the customer with two choices: accept it, or ask the independent customer ombudsman. A refund above the approval limit goes to the team lead first.", "Give the final answer"),
        new ActionStep(CaseInputKinds.LeadApprove, ["team-lead"], null, CaseStage.CustomerService, TextField.None, false,
            "Approve the final answer", "The final answer is sent to the customer as written.", "Approve and send"),
        new ActionStep(CaseInputKinds.LeadSendBack, ["team-lead"], null, CaseStage.CustomerService, TextField.Required, false,
            "Send the final answer back", "The answer does not go to the customer; the team gets your reason and gives a new one.", "Send it back"),
        new ActionStep(CaseInputKinds.CustomerAccept, ["customer"], CaseAction.AcceptFinalAnswer, null, TextField.None, false,
            "accept", "accept", "accept"),
        new ActionStep(CaseInputKinds.CustomerOmbudsman, ["customer"], CaseAction.RequestOmbudsmanReview, null, TextField.Optional, false,
            "ombudsman", "ombudsman", "ombudsman"),
        new ActionStep(CaseInputKinds.ManufacturerSolved, ["customer"], CaseAction.Resolve, CaseStage.WaitingForCustomer, TextField.None, false,
            "solved", "solved", "solved"),
        new ActionStep(CaseInputKinds.ManufacturerHelp, ["customer"], CaseAction.CustomerResponded, null, TextField.Optional, false,
            "help", "help", "help"),
    }.ToDictionary(s => s.Step, StringComparer.Ordinal);

    public static ActionStep? Find(string step) => Steps.GetValueOrDefault(step);

    /// <summary>Why this step cannot be taken on the case now, or null when it can.</summary>
    public static string? RefusalFor(ActionStep step, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(complaint);
        if (step.StageAction is { } action)
        {
            var check = complaint.Check(action);
            if (!check.Allowed)
            {
                return check.RefusalReason;
            }

            // Resolve is also legal in customer service; through this link it answers the manufacturer route only.
            if (step.RequiredStage is { } stageForAction && complaint.Stage != stageForAction)
            {
                return $"This link was for a case {stageForAction.Describe()}; the case is now {complaint.Stage.Describe()}.";
            }

            return null;
        }

        return step.RequiredStage is { } stage && complaint.Stage != stage
            ? $"This link was for a case {stage.Describe()}; the case is now {complaint.Stage.Describe()}."
            : null;
    }
}
