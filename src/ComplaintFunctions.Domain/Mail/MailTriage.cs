namespace ComplaintFunctions.Domain.Mail;

/// <summary>What the intake does with a mail.</summary>
public enum MailIntakeOutcome
{
    /// <summary>A person wrote and named no case of theirs: open a case and acknowledge it.</summary>
    NewCase,
    /// <summary>The customer answers in an existing case: add it to the case.</summary>
    Reply,
    /// <summary>A machine wrote it, or it cannot be read: keep it for a person, never answer it.</summary>
    KeptNotAnswered,
}

public static class MailIntakeOutcomeNames
{
    public static string ToWire(this MailIntakeOutcome outcome) => outcome switch
    {
        MailIntakeOutcome.NewCase => "new-case",
        MailIntakeOutcome.Reply => "reply",
        MailIntakeOutcome.KeptNotAnswered => "kept-not-answered",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}

/// <summary>
/// The decision and why. A kept mail may still name its case (<see cref="Reference"/>), e.g. an
/// out-of-office reply to our acknowledgement, so it can be shown in the case's history.
/// </summary>
public sealed record MailIntakeDecision(MailIntakeOutcome Outcome, CaseReferenceResult? Reference, string Reason);

/// <summary>
/// Puts the rules together: unreadable or machine-sent mail is kept and never answered; a mail
/// that belongs to a case is a reply; anything else from a person opens a new case (also when it
/// names a case it may not join: staff see the refusal in <see cref="CaseReferenceResult.Refused"/>).
/// </summary>
public static class MailTriage
{
    public static MailIntakeDecision Decide(MailNoiseVerdict noise, CaseReferenceResult reference)
    {
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(reference);
        if (noise.IsNoise)
        {
            return new MailIntakeDecision(MailIntakeOutcome.KeptNotAnswered, reference, $"Not answered: {noise.Reason}.");
        }

        if (reference.Match is { } match)
        {
            return new MailIntakeDecision(MailIntakeOutcome.Reply, reference, $"Belongs to case {match.CaseNumber} ({match.Rule.ToWire()}: {match.Evidence}).");
        }

        var refused = reference.Refused.Count == 0
            ? "it names no case"
            : "what it names does not count: " + string.Join("; ", reference.Refused.Select(r => $"{r.Evidence}: {r.Reason}"));
        return new MailIntakeDecision(MailIntakeOutcome.NewCase, reference, $"New case, since {refused}.");
    }

    /// <summary>A mail the parser could not read.</summary>
    public static MailIntakeDecision Unreadable(string failure) =>
        new(MailIntakeOutcome.KeptNotAnswered, null, $"Kept for a person: {failure}");
}
