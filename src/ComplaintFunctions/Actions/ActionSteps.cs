using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Workflow;

namespace ComplaintFunctions.Actions;

public enum TextField
{
    None,
    Optional,
    Required,
}

/// <summary>Which part of the case takes an action (every input reaches the case's orchestration, which passes a stage's inputs on).</summary>
public enum ActionTarget
{
    Case,
    OmbudsmanReview,
    ExternalBody,
}

/// <summary>
/// What each action link may do: who may use it (the role in the token must be one of these), which
/// step of the process it is (checked against the case's stage before anything happens), what the
/// page asks for, and which orchestration hears it.
/// </summary>
/// <param name="StageAction">The domain action this step is, so the case can refuse it; null for steps that leave the stage as it is.</param>
/// <param name="RequiredStage">The stage the case must be in (for steps with no domain action, or to narrow one).</param>
public sealed record ActionStep(
    string Step,
    IReadOnlyList<string> Roles,
    CaseAction? StageAction,
    CaseStage? RequiredStage,
    TextField Text,
    string Title,
    string Explanation,
    string Button,
    ActionTarget Target = ActionTarget.Case,
    string? TextLabel = null,
    string? AmountLabel = null,
    IReadOnlyList<(string Value, string Label)>? Choices = null,
    string? NoteLabel = null,
    string? FlagLabel = null);

public static class ActionStepCatalogue
{
    static readonly Dictionary<string, ActionStep> Steps = new[]
    {
        new ActionStep(CaseInputKinds.AgentAnswer, [ActionRoles.Agent], null, CaseStage.CustomerService, TextField.Required,
            "Answer the customer", "Your answer is mailed to the customer in their case. The case stays with customer service.", "Send the answer",
            TextLabel: "Your answer to the customer"),
        new ActionStep(CaseInputKinds.AgentAsk, [ActionRoles.Agent], CaseAction.AskCustomer, null, TextField.Required,
            "Ask the customer for information", "Your question is mailed to the customer. The answer clock stops until the customer replies.", "Send the question",
            TextLabel: "What do you need from the customer?"),
        new ActionStep(CaseInputKinds.AgentFinal, [ActionRoles.Agent], CaseAction.GiveFinalAnswer, null, TextField.Required,
            "Give the final answer", "The final answer goes to the customer with two choices: accept it, or ask the independent customer ombudsman. A refund above the approval limit goes to the team lead first.", "Give the final answer",
            TextLabel: "The final answer", AmountLabel: "Refund to the customer, if any (needs the team lead's approval above the limit)",
            FlagLabel: "Outcome: the product was repaired under the claim (a later claim about it gets one more year in Sweden, Denmark and Finland)"),
        new ActionStep(CaseInputKinds.LeadApprove, [ActionRoles.TeamLead], null, CaseStage.CustomerService, TextField.None,
            "Approve the final answer", "The final answer is sent to the customer as written.", "Approve and send"),
        new ActionStep(CaseInputKinds.LeadSendBack, [ActionRoles.TeamLead], null, CaseStage.CustomerService, TextField.Required,
            "Send the final answer back", "The answer does not go to the customer; the team gets your reason and gives a new one.", "Send it back",
            TextLabel: "Why it goes back"),
        // Console only (no mail carries it): the customer rang or chatted about an open case; it counts as their reply.
        new ActionStep(CaseInputKinds.CustomerReplied, [ActionRoles.Agent], null, null, TextField.Required,
            "Log a phone call or chat with the customer", "What the customer said goes on the case as their message, as a reply by mail would: if the case waited for them it comes back to the team, and the team's answer clock starts again.", "Log it",
            TextLabel: "What the customer said (and what you told them)"),
        // Console only: what the case is, corrected by a person; triage runs again (a case back from the manufacturer's support by it comes to the team).
        new ActionStep(CaseInputKinds.AgentCorrect, [ActionRoles.Agent, ActionRoles.TeamLead], null, null, TextField.Optional,
            "Correct category, country or language", "Triage runs again with what you choose, and its checks and the clocks follow it; later mails to the customer are in the language you choose. A case sent to the manufacturer's support by a wrong category comes back to the team.", "Correct it",
            TextLabel: "Why (optional; on the trail, never mailed)"),
        new ActionStep(CaseInputKinds.AgentMerge, [ActionRoles.Agent, ActionRoles.TeamLead], CaseAction.MergeIntoCase, null, TextField.Optional,
            "Merge this duplicate into the customer's other case", "This case closes; what the customer wrote in it goes to the other case as their message there, and the customer is told to use the other case's number.", "Merge it",
            TextLabel: "Why (optional; on both trails, never mailed)"),
        new ActionStep(CaseInputKinds.AgentReopen, [ActionRoles.Agent, ActionRoles.TeamLead], CaseAction.Reopen, null, TextField.Required,
            "Reopen the case", "The case is open again with customer service: the customer is told, and the team owes an answer on a fresh clock.", "Reopen it",
            TextLabel: "Why it is reopened (the team's mail gives it; the customer is not shown it)"),
        new ActionStep(CaseInputKinds.CustomerAccept, [ActionRoles.Customer], CaseAction.AcceptFinalAnswer, null, TextField.None, "accept", "accept", "accept"),
        // The score is in the link ("customer-survey:4"), one link a score, so one click in the mail chooses it; the page only confirms.
        new ActionStep(CaseInputKinds.CustomerSurvey, [ActionRoles.Customer], null, CaseStage.Closed, TextField.Optional, "survey", "survey", "survey"),
        new ActionStep(CaseInputKinds.CustomerOmbudsman, [ActionRoles.Customer], CaseAction.RequestOmbudsmanReview, null, TextField.Optional, "ombudsman", "ombudsman", "ombudsman"),
        new ActionStep(CaseInputKinds.ManufacturerSolved, [ActionRoles.Customer], CaseAction.Resolve, CaseStage.WaitingForCustomer, TextField.None, "solved", "solved", "solved"),
        new ActionStep(CaseInputKinds.ManufacturerHelp, [ActionRoles.Customer], CaseAction.CustomerResponded, null, TextField.Optional, "help", "help", "help"),

        new ActionStep(CaseInputKinds.OmbudsmanDecide, [ActionRoles.Ombudsman], CaseAction.RecordOmbudsmanDecision, null, TextField.Required,
            "Decide the case as customer ombudsman",
            "Your decision goes to the customer with your reasons and with the external bodies that fit the case. Customer service cannot act on this stage.",
            "Record the decision",
            ActionTarget.OmbudsmanReview,
            TextLabel: "Your reasons (the customer reads them)",
            AmountLabel: "The amount in dispute, if known (decides which bodies take the case)",
            Choices: [("upheld", "Uphold customer service's final answer"), ("overturned", "Overturn it in the customer's favour"), ("partly-settled", "Settle in part")],
            NoteLabel: "A note on the retailer's routines (optional; kept for the ombudsman's report)",
            FlagLabel: "Refer the case to the external body that fits, without waiting for the customer"),
        new ActionStep(CaseInputKinds.CustomerAcceptDecision, [ActionRoles.Customer], CaseAction.AcceptOmbudsmanDecision, null, TextField.None, "accept-decision", "accept-decision", "accept-decision"),
        new ActionStep(CaseInputKinds.CustomerExternalBody, [ActionRoles.Customer], CaseAction.TakeToExternalBody, null, TextField.None, "external-body", "external-body", "external-body"),

        new ActionStep(CaseInputKinds.DisputeOutcome, [ActionRoles.DisputeContact], CaseAction.RecordBodyOutcome, null, TextField.Required,
            "Record the external body's outcome",
            "The customer is told the outcome. Unless the body found for the retailer, a compliance step with a deadline opens: the retailer follows the recommendation.",
            "Record the outcome",
            ActionTarget.ExternalBody,
            TextLabel: "The body's decision or recommendation, as the customer should read it",
            Choices: [("customer", "In the customer's favour"), ("partly", "Partly in the customer's favour"), ("retailer", "In the retailer's favour (nothing to follow)")]),
        new ActionStep(CaseInputKinds.DisputeComply, [ActionRoles.DisputeContact, ActionRoles.Management], CaseAction.ConfirmCompliance, null, TextField.None,
            "Confirm the recommendation is followed", "The case closes and the customer is told.", "Confirm and close", ActionTarget.ExternalBody),
        new ActionStep(CaseInputKinds.StageRetry, [ActionRoles.TeamLead], null, null, TextField.None,
            "Run the stopped stage again", "The stage starts again from its beginning; the people in it get their mails again.", "Run it again"),
        new ActionStep(CaseInputKinds.DisputeNotComply, [ActionRoles.DisputeContact], null, CaseStage.ExternalBody, TextField.Required,
            "The recommendation will not be followed", "Your reason goes to management, who decide. The case stays open.", "Send to management", ActionTarget.ExternalBody,
            TextLabel: "Why it will not be followed"),
        // The body waits for the retailer's answer (20 working days, Directive (EU) 2025/2647); recording it stops the reminder and the escalation.
        new ActionStep(CaseInputKinds.DisputeReplied, [ActionRoles.DisputeContact], null, CaseStage.ExternalBody, TextField.Optional,
            "Record that the retailer replied to the body", "The reply clock stops: no reminder and no mail to management about it. The case stays with the body until its outcome.", "Record the reply",
            ActionTarget.ExternalBody, TextLabel: "What was replied, or where it is kept (optional; on the trail and in the case file)"),
        // Directive (EU) 2025/2647 gives 30 working days, not 20, for a case the body treats as complex.
        new ActionStep(CaseInputKinds.DisputeComplex, [ActionRoles.DisputeContact], null, CaseStage.ExternalBody, TextField.Optional,
            "Mark the body's case as complex", "The body treats the case as complex: the retailer's reply is due the complex cases' working days from the filing (30, not 20), and the reminder moves with it. The new date goes on the trail.", "Mark it complex",
            ActionTarget.ExternalBody, TextLabel: "What the body said about it, or its reference (optional; on the trail and in the case file)"),
    }.ToDictionary(s => s.Step, StringComparer.Ordinal);

    /// <summary>Every step, in the catalogue's order (the console offers staff theirs).</summary>
    public static IEnumerable<ActionStep> All => Steps.Values;

    /// <summary>The step a link names; a link to an external body names it after a colon.</summary>
    public static (ActionStep? Step, string? Choice) Find(string step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var colon = step.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Steps.GetValueOrDefault(step), null)
            : (Steps.GetValueOrDefault(step[..colon]), step[(colon + 1)..]);
    }

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
        }

        return step.RequiredStage is { } stage && complaint.Stage != stage
            ? $"This link was for a case {stage.Describe()}; the case is now {complaint.Stage.Describe()}."
            : null;
    }
}
