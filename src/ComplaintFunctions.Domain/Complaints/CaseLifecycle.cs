namespace ComplaintFunctions.Domain.Complaints;

/// <summary>The answer to "may this action happen to this case now?".</summary>
public sealed record TransitionCheck(CaseAction Action, CaseStage From, CaseStage To, string? RefusalReason)
{
    public bool Allowed => RefusalReason is null;

    public static TransitionCheck Allow(CaseAction action, CaseStage from, CaseStage to) => new(action, from, to, null);

    public static TransitionCheck Refuse(CaseAction action, CaseStage from, string reason) => new(action, from, from, reason);
}

/// <summary>
/// The legal transitions of the published complaint process. Facts that are not the stage
/// (has the ombudsman decided? has the body given its outcome?) are passed in, so the rule
/// table stays one place to read.
/// </summary>
public static class CaseLifecycle
{
    public static TransitionCheck Check(CaseStage stage, CaseAction action, bool ombudsmanHasDecided = false, bool bodyOutcomeRecorded = false)
    {
        if (stage == CaseStage.Closed && action == CaseAction.Reopen)
        {
            // Whether it is still within the time to reopen is the process's to decide (it knows when the case closed and the setting).
            return TransitionCheck.Allow(action, stage, CaseStage.CustomerService);
        }

        if (stage == CaseStage.Closed)
        {
            return TransitionCheck.Refuse(action, stage, "The case is closed. A new complaint opens a new case.");
        }

        if (action == CaseAction.Withdraw)
        {
            return TransitionCheck.Allow(action, stage, CaseStage.Closed);
        }

        return (stage, action) switch
        {
            (CaseStage.CustomerService, CaseAction.AskCustomer) => Allow(CaseStage.WaitingForCustomer),
            (CaseStage.CustomerService, CaseAction.GiveFinalAnswer) => Allow(CaseStage.FinalAnswer),
            (CaseStage.CustomerService, CaseAction.Resolve) => Allow(CaseStage.Closed),

            (CaseStage.WaitingForCustomer, CaseAction.CustomerResponded) => Allow(CaseStage.CustomerService),
            (CaseStage.WaitingForCustomer, CaseAction.TakeBack) => Allow(CaseStage.CustomerService),
            (CaseStage.CustomerService or CaseStage.WaitingForCustomer, CaseAction.MergeIntoCase) => Allow(CaseStage.Closed),
            (_, CaseAction.MergeIntoCase) =>
                Refuse("A duplicate is merged while customer service handles it; after the final answer it is a case of its own."),
            (_, CaseAction.Reopen) => Refuse("Only a closed case is reopened."),
            (CaseStage.WaitingForCustomer, CaseAction.Resolve) => Allow(CaseStage.Closed),
            (CaseStage.WaitingForCustomer, CaseAction.ReplyWindowExpired) => Allow(CaseStage.Closed),
            (CaseStage.WaitingForCustomer, CaseAction.GiveFinalAnswer) =>
                Refuse("Customer service is waiting for the customer's answer; the final answer comes after it, or the case closes when the customer's time runs out."),

            (CaseStage.FinalAnswer, CaseAction.AcceptFinalAnswer) => Allow(CaseStage.Closed),
            (CaseStage.FinalAnswer, CaseAction.RequestOmbudsmanReview) => Allow(CaseStage.OmbudsmanReview),
            (CaseStage.FinalAnswer, CaseAction.ReplyWindowExpired) => Allow(CaseStage.Closed),

            (CaseStage.OmbudsmanReview, CaseAction.RecordOmbudsmanDecision) => ombudsmanHasDecided
                ? Refuse("The ombudsman has already decided this case; a decision is recorded once.")
                : Allow(CaseStage.OmbudsmanReview),
            (CaseStage.OmbudsmanReview, CaseAction.AcceptOmbudsmanDecision or CaseAction.TakeToExternalBody or CaseAction.ReplyWindowExpired) when !ombudsmanHasDecided =>
                Refuse("The ombudsman has not decided yet; the customer can accept the decision or take the case to an external body after it."),
            (CaseStage.OmbudsmanReview, CaseAction.AcceptOmbudsmanDecision) => Allow(CaseStage.Closed),
            (CaseStage.OmbudsmanReview, CaseAction.TakeToExternalBody) => Allow(CaseStage.ExternalBody),
            (CaseStage.OmbudsmanReview, CaseAction.ReplyWindowExpired) => Allow(CaseStage.Closed),

            (CaseStage.ExternalBody, CaseAction.RecordBodyOutcome) => bodyOutcomeRecorded
                ? Refuse("The external body's outcome is already recorded.")
                : Allow(CaseStage.ExternalBody),
            (CaseStage.ExternalBody, CaseAction.ConfirmCompliance) => bodyOutcomeRecorded
                ? Allow(CaseStage.Closed)
                : Refuse("The external body has not given its outcome yet; compliance is confirmed after it is recorded."),

            (_, CaseAction.RequestOmbudsmanReview) =>
                Refuse("The ombudsman reviews a case only after customer service has given its final answer."),
            (_, CaseAction.TakeToExternalBody) =>
                Refuse("A case goes to an external dispute body after the ombudsman's decision."),
            (_, CaseAction.RecordOmbudsmanDecision or CaseAction.AcceptOmbudsmanDecision) =>
                Refuse("Only a case under ombudsman review has an ombudsman decision."),
            (_, CaseAction.RecordBodyOutcome or CaseAction.ConfirmCompliance) =>
                Refuse("Only a case with an external dispute body has an outcome to record or follow."),
            (_, CaseAction.AcceptFinalAnswer) =>
                Refuse("There is no final answer from customer service to accept at this stage."),
            (_, CaseAction.GiveFinalAnswer) =>
                Refuse("Customer service gives its final answer only while it handles the case."),
            _ => Refuse($"'{Describe(action)}' is not a step of the process while the case is {stage.Describe()}."),
        };

        TransitionCheck Allow(CaseStage to) => TransitionCheck.Allow(action, stage, to);
        TransitionCheck Refuse(string reason) => TransitionCheck.Refuse(action, stage, reason);
    }

    public static string Describe(CaseAction action) => action switch
    {
        CaseAction.AskCustomer => "ask the customer",
        CaseAction.CustomerResponded => "the customer's answer",
        CaseAction.GiveFinalAnswer => "give the final answer",
        CaseAction.AcceptFinalAnswer => "accept the final answer",
        CaseAction.RequestOmbudsmanReview => "ask the ombudsman",
        CaseAction.RecordOmbudsmanDecision => "record the ombudsman's decision",
        CaseAction.AcceptOmbudsmanDecision => "accept the ombudsman's decision",
        CaseAction.TakeToExternalBody => "take the case to an external body",
        CaseAction.RecordBodyOutcome => "record the external body's outcome",
        CaseAction.ConfirmCompliance => "confirm the retailer followed the recommendation",
        CaseAction.Resolve => "mark the problem solved",
        CaseAction.ReplyWindowExpired => "close after the customer's time ran out",
        CaseAction.Withdraw => "withdraw the complaint",
        CaseAction.TakeBack => "take the case back to customer service",
        CaseAction.MergeIntoCase => "merge the duplicate into the customer's other case",
        CaseAction.Reopen => "reopen the case",
        _ => action.ToString(),
    };
}
