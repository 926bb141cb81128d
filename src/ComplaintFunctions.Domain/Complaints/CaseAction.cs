namespace ComplaintFunctions.Domain.Complaints;

/// <summary>Everything that can move a case between stages.</summary>
public enum CaseAction
{
    /// <summary>Customer service needs something from the customer, or sent them to the manufacturer.</summary>
    AskCustomer,
    /// <summary>The customer answered what customer service asked, or asks for help again.</summary>
    CustomerResponded,
    /// <summary>Customer service gives its final answer.</summary>
    GiveFinalAnswer,
    /// <summary>The customer accepts the final answer.</summary>
    AcceptFinalAnswer,
    /// <summary>The customer is not satisfied with the final answer and asks the ombudsman (process step 3).</summary>
    RequestOmbudsmanReview,
    /// <summary>The ombudsman decides (uphold, overturn, settle in part).</summary>
    RecordOmbudsmanDecision,
    /// <summary>The customer accepts the ombudsman's decision.</summary>
    AcceptOmbudsmanDecision,
    /// <summary>The customer takes the case to a national dispute body, or the ombudsman refers it (process step 4).</summary>
    TakeToExternalBody,
    /// <summary>Staff record the external body's recommendation or decision.</summary>
    RecordBodyOutcome,
    /// <summary>Staff confirm the retailer followed the body's recommendation.</summary>
    ConfirmCompliance,
    /// <summary>The problem is solved (e.g. by the manufacturer's support) and the customer says so.</summary>
    Resolve,
    /// <summary>The customer did not answer within the time they were given.</summary>
    ReplyWindowExpired,
    /// <summary>The customer withdraws the complaint.</summary>
    Withdraw,
}
