namespace ComplaintFunctions.Domain.Complaints;

/// <summary>
/// One customer complaint from report to close. It guards its own stage: an action the
/// process does not allow leaves it unchanged and says why.
/// </summary>
public sealed class Complaint
{
    Complaint(CaseNumber caseNumber, Channel channel, ComplaintDetails details, DateTimeOffset openedAt)
    {
        CaseNumber = caseNumber;
        Channel = channel;
        Details = details;
        OpenedAt = openedAt;
        UpdatedAt = openedAt;
        Stage = CaseStage.CustomerService;
    }

    public CaseNumber CaseNumber { get; }
    public Channel Channel { get; }
    public ComplaintDetails Details { get; private set; }
    public DateTimeOffset OpenedAt { get; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public CaseStage Stage { get; private set; }
    public CaseAction? ClosedBy { get; private set; }
    public bool OmbudsmanHasDecided { get; private set; }
    public bool BodyOutcomeRecorded { get; private set; }

    public bool IsOpen => Stage != CaseStage.Closed;

    /// <summary>A new case starts with customer service (process step 1).</summary>
    public static Complaint Open(CaseNumber caseNumber, Channel channel, ComplaintDetails details, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new Complaint(caseNumber, channel, details, at);
    }

    /// <summary>Brings back a case as it was stored.</summary>
    public static Complaint Restore(
        CaseNumber caseNumber,
        Channel channel,
        ComplaintDetails details,
        DateTimeOffset openedAt,
        DateTimeOffset updatedAt,
        CaseStage stage,
        DateTimeOffset? closedAt,
        CaseAction? closedBy,
        bool ombudsmanHasDecided,
        bool bodyOutcomeRecorded) =>
        new(caseNumber, channel, details, openedAt)
        {
            UpdatedAt = updatedAt,
            Stage = stage,
            ClosedAt = closedAt,
            ClosedBy = closedBy,
            OmbudsmanHasDecided = ombudsmanHasDecided,
            BodyOutcomeRecorded = bodyOutcomeRecorded,
        };

    public TransitionCheck Check(CaseAction action) =>
        CaseLifecycle.Check(Stage, action, OmbudsmanHasDecided, BodyOutcomeRecorded);

    /// <summary>Applies the action if the process allows it; otherwise changes nothing and returns the reason.</summary>
    public TransitionCheck Apply(CaseAction action, DateTimeOffset at)
    {
        var check = Check(action);
        if (!check.Allowed)
        {
            return check;
        }

        Stage = check.To;
        UpdatedAt = at;
        switch (action)
        {
            case CaseAction.RecordOmbudsmanDecision:
                OmbudsmanHasDecided = true;
                break;
            case CaseAction.RecordBodyOutcome:
                BodyOutcomeRecorded = true;
                break;
        }

        if (Stage == CaseStage.Closed)
        {
            ClosedAt = at;
            ClosedBy = action;
        }
        else if (action == CaseAction.Reopen)
        {
            ClosedAt = null;
            ClosedBy = null;
        }

        return check;
    }

    /// <summary>
    /// Staff correct what the case is (category, country, language) while customer service has it;
    /// after the final answer the case is what the customer was answered on. Null when done, else why not.
    /// </summary>
    public string? Correct(ComplaintDetails corrected, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        if (Stage is not (CaseStage.CustomerService or CaseStage.WaitingForCustomer or CaseStage.FinalAnswer))
        {
            return $"Category, country and language are corrected while customer service has the case; it is {Stage.Describe()}.";
        }

        Details = corrected;
        UpdatedAt = at;
        return null;
    }
}
