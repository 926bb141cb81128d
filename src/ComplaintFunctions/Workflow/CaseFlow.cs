using System.Text.Json.Serialization;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;

namespace ComplaintFunctions.Workflow;

/// <summary>
/// Where the case's orchestration is; finer than the case's stage (approval, manufacturer route).
/// Persisted by name (version 1 wrote these numbers, which still read).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowPhase>))]
public enum FlowPhase
{
    Opening = 0,
    Manufacturer = 1,
    CustomerService = 2,
    WaitingForCustomer = 3,
    AwaitingApproval = 4,
    FinalAnswer = 5,
    Ombudsman = 6,
    OmbudsmanDecided = 7,
    ExternalBody = 8,
    Closed = 9,

    /// <summary>A later stage's orchestration failed: staff are told and can run it again.</summary>
    StageFailed = 10,
}

/// <summary>The stages that run as orchestrations of their own.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LaterStage>))]
public enum LaterStage
{
    OmbudsmanReview = 0,
    ExternalBody = 1,
}

/// <summary>What the orchestration needs to know about a case, read once when it opens.</summary>
public sealed record CasePlan(
    Country Country,
    TriageRoute Route,
    CustomerServiceOptions Timings,
    BusinessHoursOptions Hours,
    DisputeOptions Disputes);

/// <summary>A final answer waiting for the team lead. The text itself is in the case texts table.</summary>
/// <param name="Repaired">The answer's outcome is a repair under the claim (added later: states written before read as not repaired).</param>
public sealed record PendingAnswer(string TextRef, decimal? Amount, bool Repaired = false);

/// <summary>
/// The orchestration's state, carried from one episode to the next with ContinueAsNew: references
/// and clocks, never mail bodies, so the history stays small however long the case lives.
/// </summary>
public sealed record CaseFlow
{
    /// <summary>The shape this state has: 0 for what version 1 wrote (it had no number), <see cref="CurrentSchema"/> now.</summary>
    public const int CurrentSchema = 2;

    public int SchemaVersion { get; init; }

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

    /// <summary>The ombudsman's decision, once made.</summary>
    public OmbudsmanDecision? Decision { get; init; }

    /// <summary>Why the customer asked for the ombudsman (their text), for the ombudsman's case file.</summary>
    public string? OmbudsmanRequestRef { get; init; }

    /// <summary>The orchestration of the current later stage (ombudsman, body) has been started.</summary>
    public bool StageStarted { get; init; }

    /// <summary>The external body the case went to.</summary>
    public string? BodyId { get; init; }

    /// <summary>Who took the case to the body: null when the customer chose it, or the ombudsman who referred it.</summary>
    public string? BodyReferredBy { get; init; }

    /// <summary>
    /// The running stage was started by version 1, as an orchestration of its own that reports to the
    /// case with an input; since version 2 a stage is a sub-orchestration whose result the case awaits.
    /// </summary>
    public bool StageReportsByInput { get; init; }

    /// <summary>How many times the current later stage has been started (a retry after a failure starts it again, under a new id).</summary>
    public int StageAttempt { get; init; }

    /// <summary>The stage that failed, while <see cref="Phase"/> is <see cref="FlowPhase.StageFailed"/>.</summary>
    public LaterStage? FailedStage { get; init; }

    /// <summary>The ids of the last inputs the case took (<see cref="CaseInput.InputId"/>), newest last, so a repeated one changes nothing.</summary>
    public IReadOnlyList<string> RecentInputs { get; init; } = [];

    /// <summary>How many input ids the case remembers: far more than can arrive while one is retried.</summary>
    public const int RememberedInputs = 32;

    /// <summary>Set on the state a reopened case starts with (phase Closed until the reopening is taken).</summary>
    public ReopenOrder? Reopening { get; init; }

    /// <summary>Mail numbers each run of a case has (a case reopened starts its numbers after the runs before).</summary>
    public const int MailNumbersPerRun = 100_000;

    /// <summary>Brings a state written by an earlier version to this shape; the start of every episode calls it.</summary>
    public CaseFlow Upgraded() => SchemaVersion >= CurrentSchema
        ? this
        : this with
        {
            SchemaVersion = CurrentSchema,
            // Version 1 started the later stages from an activity; those keep reporting by input.
            StageReportsByInput = StageStarted && Phase is FlowPhase.Ombudsman or FlowPhase.ExternalBody,
            StageAttempt = StageStarted ? 1 : 0,
        };
}

/// <summary>What the ombudsman decided; the reasons and the note on routines are in the case texts table.</summary>
/// <param name="Outcome">The verdict's wire name (upheld, overturned, partly-settled): checked when the input is read.</param>
/// <param name="DecidedBy">The ombudsman who decided (version 1 did not keep it).</param>
public sealed record OmbudsmanDecision(string Outcome, string ReasonsRef, decimal? DisputedAmount, string? RoutineNoteRef, bool ReferToBody, DateTime DecidedAt, string? DecidedBy = null);

/// <summary>Everything from outside that moves a case: action links, customer mail, withdrawal.</summary>
/// <param name="TextRef">Where the text (an answer, a reason, a reply) is stored; texts never travel through the orchestration.</param>
/// <param name="Choice">A choice made on the page (the ombudsman's outcome, a body, the body's outcome).</param>
/// <param name="NoteRef">A second text (the ombudsman's note on the retailer's routines).</param>
/// <param name="Flag">A box ticked on the page (the ombudsman refers the case to an external body).</param>
/// <param name="InputId">Who the input is, from its source's identity (<c>link:&lt;action id&gt;</c>, <c>mail:&lt;hash&gt;</c>): the case remembers it, so the same input raised twice changes nothing. Version 1 sent none.</param>
public sealed record CaseInput(string Kind, string Actor, string? TextRef = null, decimal? Amount = null, string? Choice = null, string? NoteRef = null, bool Flag = false, string? InputId = null);

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
    public const string OmbudsmanDecide = "ombudsman-decide";
    public const string CustomerAcceptDecision = "customer-accept-decision";
    /// <summary>Followed by ":" and the body's id, so one link names one body.</summary>
    public const string CustomerExternalBody = "customer-external-body";
    public const string DisputeOutcome = "dispute-outcome";
    public const string DisputeComply = "dispute-comply";
    public const string DisputeNotComply = "dispute-not-comply";

    /// <summary>The dispute contact records that the retailer's reply went to the body (TextRef: what was replied, optional); the reply clock stops.</summary>
    public const string DisputeReplied = "dispute-replied";

    /// <summary>The dispute contact records that the body treats its case as complex (TextRef: the body's word on it, optional); the reply is due in the complex cases' working days.</summary>
    public const string DisputeComplex = "dispute-complex";

    /// <summary>From the ombudsman's orchestration to the case's: the decision is made (Choice: outcome; TextRef: reasons; Amount; NoteRef; Flag: referred).</summary>
    public const string OmbudsmanDecided = "ombudsman-decided";

    /// <summary>From the external body's orchestration to the case's: the case is done with the body.</summary>
    public const string BodyCaseClosed = "body-case-closed";

    /// <summary>A team lead runs a failed later stage again.</summary>
    public const string StageRetry = "stage-retry";

    /// <summary>Staff correct the case's category, country or language (Choice: <c>category=…;country=…;language=…</c>); triage runs again.</summary>
    public const string AgentCorrect = "agent-correct";

    /// <summary>Staff merge this case, a duplicate, into the customer's other case (Choice: that case's number).</summary>
    public const string AgentMerge = "agent-merge";

    /// <summary>Staff reopen a closed case (console only: it starts the case's orchestration again).</summary>
    public const string AgentReopen = "agent-reopen";

    /// <summary>The customer's answer to the satisfaction survey in the closing mail (its score in the link): recorded on the trail, never raised on the case, which has ended.</summary>
    public const string CustomerSurvey = "customer-survey";
}

/// <summary>What a reopened case starts with: who reopened it and why, and how many times it has been opened before.</summary>
/// <param name="Run">1 for the first reopening: the case's mails of this run are numbered from <see cref="CaseFlow.MailNumbersPerRun"/> times it, so none takes an earlier mail's id.</param>
public sealed record ReopenOrder(string Actor, string? TextRef, int Run);
