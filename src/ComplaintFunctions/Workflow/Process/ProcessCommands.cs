using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Notifications;

namespace ComplaintFunctions.Workflow.Process;

/// <summary>A link to put in a mail: the orchestration gives it its id and expiry.</summary>
public sealed record LinkSpec(string Placeholder, string Step, string Role);

/// <summary>A read-only view link to put in a mail.</summary>
public sealed record ViewSpec(string Placeholder, string View, string Role);

/// <summary>Something the orchestration carries out for the process, in order. Nothing here decides.</summary>
public abstract record ProcessCommand;

/// <summary>
/// A step of the case's lifecycle, taken on the complaint. It comes before anything the step
/// sends: when the complaint refuses it, nothing after it is carried out, the case stays as it was,
/// and the refusal goes on the trail and to staff.
/// </summary>
/// <param name="Facts">What the reports count of the step (the final answer's amount, a body's finding), on its trail line.</param>
public sealed record TakeStep(CaseAction Action, string Actor, TrailFacts? Facts = null) : ProcessCommand;

public sealed record SendMail(
    MailKind Kind,
    IReadOnlyList<LinkSpec> Links,
    IReadOnlyDictionary<string, DateTime> Times,
    string? TextRef = null,
    decimal? Amount = null,
    IReadOnlyDictionary<string, string>? Extra = null,
    IReadOnlyList<ViewSpec>? Views = null) : ProcessCommand
{
    public static SendMail Plain(MailKind kind, string? textRef = null, IReadOnlyDictionary<string, string>? extra = null) =>
        new(kind, [], ProcessTimes.None, textRef, Extra: extra);

    /// <summary>
    /// The mail that tells the customer their case is closed, with the satisfaction survey: a link for each score
    /// (<c>{survey1Url}</c> … <c>{survey5Url}</c>), so one click chooses it and the page it opens records it.
    /// </summary>
    public static SendMail Closing(MailKind kind, IReadOnlyDictionary<string, string>? extra = null) =>
        new(kind, SurveyLinks, ProcessTimes.None, Extra: extra);

    public static IReadOnlyList<LinkSpec> SurveyLinks { get; } =
        [.. Enumerable.Range(1, 5).Select(score => new LinkSpec($"survey{score}Url", $"{Workflow.CaseInputKinds.CustomerSurvey}:{score}", global::ComplaintFunctions.Links.ActionRoles.Customer))];
}

/// <summary>Several mails at once (the notices of a filing); each keeps its own id, in order.</summary>
public sealed record SendMails(IReadOnlyList<SendMail> Mails) : ProcessCommand;

/// <summary>Who holds the case now and when it is due, for the staff list.</summary>
public sealed record RecordOwner(string Owner, DateTimeOffset? DueAt, bool Overdue) : ProcessCommand;

/// <summary>A target passed: counted once (the escalation metric) and logged as a warning.</summary>
public sealed record TargetMissed(string Stage, DateTimeOffset DueAt) : ProcessCommand;

/// <summary>An input that is not a step now, or could not be read: on the trail with the reason, and staff hear of it when <paramref name="TellStaff"/>.</summary>
public sealed record RecordRefusal(string InputKind, string Actor, string Reason, bool TellStaff) : ProcessCommand;

/// <summary>A fact the process established (a reply clock moved, say) on the trail, in English, as an audit line.</summary>
public sealed record RecordOnTrail(string Kind, string Actor, string Summary) : ProcessCommand;

/// <summary>The final answer's outcome was a repair under the claim: on the case's trail and in the repair register, by order and product.</summary>
public sealed record RecordRepair(string Actor) : ProcessCommand;

/// <summary>Starts a later stage as a sub-orchestration of the case (its instance id comes from the case and the attempt).</summary>
public sealed record StartStage(LaterStage Stage, int Attempt) : ProcessCommand;

/// <summary>Tells a running later stage that the case was withdrawn, so it ends its clocks.</summary>
public sealed record EndStage(LaterStage Stage, int Attempt, string Actor) : ProcessCommand;

/// <summary>Passes an input for a later stage (from a link that names it) on to that stage's orchestration.</summary>
public sealed record ForwardToStage(LaterStage Stage, int Attempt, CaseInput Input) : ProcessCommand;

/// <summary>Asks which external bodies fit the decision; the answer comes back to the process as <see cref="BodiesOffered"/>.</summary>
public sealed record FindBodies(OmbudsmanDecision Decision) : ProcessCommand;

/// <summary>Writes the case file for a reader (the ombudsman, a body).</summary>
public sealed record PrepareCaseFile(string For) : ProcessCommand;

/// <summary>Puts the ombudsman's decision (and the note on routines) on the trail.</summary>
public sealed record RecordDecision(OmbudsmanDecision Decision, string Actor) : ProcessCommand;

/// <summary>Corrects what the case is and runs triage again; the settings for the corrected case come back to the process (<see cref="CaseProcess.OnCorrected"/>).</summary>
public sealed record CorrectFacts(ComplaintCategory Category, Country Country, string Language, string Actor, string? TextRef) : ProcessCommand;

/// <summary>Gives what the customer wrote in this duplicate to the case it is merged into, as the customer's words there.</summary>
public sealed record PassToCase(string IntoCase, string Actor, string? TextRef) : ProcessCommand;

/// <summary>A stage started before version 2 reports to the case with an input rather than a result.</summary>
public sealed record ReportToCase(CaseInput Input) : ProcessCommand;

public static class ProcessTimes
{
    public static IReadOnlyDictionary<string, DateTime> None { get; } = new Dictionary<string, DateTime>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, DateTime> Of(params (string Name, DateTimeOffset At)[] times) =>
        times.ToDictionary(t => t.Name, t => t.At.UtcDateTime, StringComparer.Ordinal);
}
