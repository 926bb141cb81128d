using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;

namespace ComplaintFunctions.Workflow;

/// <summary>Where the case's orchestration is; finer than the case's stage (approval, manufacturer route).</summary>
public enum FlowPhase
{
    Opening,
    Manufacturer,
    CustomerService,
    WaitingForCustomer,
    AwaitingApproval,
    FinalAnswer,
    Ombudsman,
    Closed,
}

/// <summary>What the orchestration needs to know about a case, read once when it opens.</summary>
public sealed record CasePlan(
    Country Country,
    TriageRoute Route,
    CustomerServiceOptions Timings,
    BusinessHoursOptions Hours);

/// <summary>A final answer waiting for the team lead. The text itself is in the case texts table.</summary>
public sealed record PendingAnswer(string TextRef, decimal? Amount);

/// <summary>
/// The orchestration's state, carried from one episode to the next with ContinueAsNew: references
/// and clocks, never mail bodies, so the history stays small however long the case lives.
/// </summary>
public sealed record CaseFlow
{
    public required string CaseNumber { get; init; }
    public CasePlan? Plan { get; init; }
    public FlowPhase Phase { get; init; } = FlowPhase.Opening;

    /// <summary>The answer the team owes the customer, or null when none is owed.</summary>
    public SlaClock? Sla { get; init; }
    public bool ReminderSent { get; init; }
    public bool Escalated { get; init; }

    public DateTimeOffset LastWordToCustomer { get; init; }

    /// <summary>When the customer's time runs out (manufacturer route, a question, the final answer).</summary>
    public DateTimeOffset? WaitUntil { get; init; }

    /// <summary>Counts mails, so each gets a stable id that a retried activity reuses.</summary>
    public int MailSequence { get; init; }

    public PendingAnswer? PendingApproval { get; init; }
}

/// <summary>Everything from outside that moves a case: action links, customer mail, withdrawal.</summary>
/// <param name="TextRef">Where the text (an answer, a reason, a reply) is stored; texts never travel through the orchestration.</param>
public sealed record CaseInput(string Kind, string Actor, string? TextRef = null, decimal? Amount = null);

public static class CaseInputKinds
{
    public const string AgentAnswer = "agent-answer";
    public const string AgentAsk = "agent-ask";
    public const string AgentFinal = "agent-final";
    public const string LeadApprove = "lead-approve";
    public const string LeadSendBack = "lead-send-back";
    public const string CustomerAccept = "customer-accept";
    public const string CustomerOmbudsman = "customer-ombudsman";
    public const string ManufacturerSolved = "manufacturer-solved";
    public const string ManufacturerHelp = "manufacturer-help";
    public const string CustomerReplied = "customer-replied";
    public const string Withdraw = "withdraw";
}
