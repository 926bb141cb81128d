namespace ComplaintFunctions.Domain.Complaints;

/// <summary>Everything that can move a case between stages.</summary>
// Persisted by name in open cases (activity inputs); the numbers are fixed too.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CaseAction>))]
public enum CaseAction
{
    /// <summary>Customer service needs something from the customer, or sent them to the manufacturer.</summary>
    AskCustomer = 0,
    /// <summary>The customer answered what customer service asked, or asks for help again.</summary>
    CustomerResponded = 1,
    /// <summary>Customer service gives its final answer.</summary>
    GiveFinalAnswer = 2,
    /// <summary>The customer accepts the final answer.</summary>
    AcceptFinalAnswer = 3,
    /// <summary>The customer is not satisfied with the final answer and asks the ombudsman (process step 3).</summary>
    RequestOmbudsmanReview = 4,
    /// <summary>The ombudsman decides (uphold, overturn, settle in part).</summary>
    RecordOmbudsmanDecision = 5,
    /// <summary>The customer accepts the ombudsman's decision.</summary>
    AcceptOmbudsmanDecision = 6,
    /// <summary>The customer takes the case to a national dispute body, or the ombudsman refers it (process step 4).</summary>
    TakeToExternalBody = 7,
    /// <summary>Staff record the external body's recommendation or decision.</summary>
    RecordBodyOutcome = 8,
    /// <summary>Staff confirm the retailer followed the body's recommendation.</summary>
    ConfirmCompliance = 9,
    /// <summary>The problem is solved (e.g. by the manufacturer's support) and the customer says so.</summary>
    Resolve = 10,
    /// <summary>The customer did not answer within the time they were given.</summary>
    ReplyWindowExpired = 11,
    /// <summary>The customer withdraws the complaint.</summary>
    Withdraw = 12,
    /// <summary>Staff take back a case that waited for the customer (it was sent to the manufacturer's support by a category since corrected).</summary>
    TakeBack = 13,
    /// <summary>Staff merge a duplicate into the customer's other case; the duplicate closes and its words go to that case.</summary>
    MergeIntoCase = 14,
    /// <summary>Staff reopen a closed case within the set time after it closed (the customer came back about the same problem).</summary>
    Reopen = 15,
}
