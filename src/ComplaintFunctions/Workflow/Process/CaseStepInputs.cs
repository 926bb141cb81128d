using System.Text.Json.Serialization;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Workflow.Process;

/// <summary>The ombudsman's outcome, with the names it has on the wire and on the trail.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OmbudsmanVerdict>))]
public enum OmbudsmanVerdict
{
    [JsonStringEnumMemberName("upheld")] Upheld = 0,
    [JsonStringEnumMemberName("overturned")] Overturned = 1,
    [JsonStringEnumMemberName("partly-settled")] PartlySettled = 2,
}

/// <summary>Whom the external body found for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BodyFinding>))]
public enum BodyFinding
{
    [JsonStringEnumMemberName("customer")] Customer = 0,
    [JsonStringEnumMemberName("partly")] Partly = 1,
    [JsonStringEnumMemberName("retailer")] Retailer = 2,
}

/// <summary>One input to the process, read from its wire form (<see cref="CaseInput"/>): one record per kind.</summary>
public abstract record StepInput(string Actor)
{
    /// <summary>The kind as it is on the wire and on the trail.</summary>
    public abstract string Kind { get; }
}

public sealed record AgentAnswered(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.AgentAnswer; }
public sealed record AgentAskedCustomer(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.AgentAsk; }
/// <param name="Repaired">The final answer's outcome is a repair under the claim (the legal guarantee), from the form's box (the input's Flag).</param>
public sealed record FinalAnswerWritten(string Actor, string? TextRef, decimal? Amount, bool Repaired = false) : StepInput(Actor) { public override string Kind => CaseInputKinds.AgentFinal; }
public sealed record FinalAnswerApproved(string Actor) : StepInput(Actor) { public override string Kind => CaseInputKinds.LeadApprove; }
public sealed record FinalAnswerSentBack(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.LeadSendBack; }
public sealed record FinalAnswerAccepted(string Actor) : StepInput(Actor) { public override string Kind => CaseInputKinds.CustomerAccept; }
public sealed record OmbudsmanAskedFor(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.CustomerOmbudsman; }
public sealed record SolvedByManufacturer(string Actor) : StepInput(Actor) { public override string Kind => CaseInputKinds.ManufacturerSolved; }
public sealed record HelpWantedAfterManufacturer(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.ManufacturerHelp; }
public sealed record CustomerReplied(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.CustomerReplied; }
public sealed record ComplaintWithdrawn(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.Withdraw; }

/// <summary>On the ombudsman's own orchestration: the decision as the ombudsman wrote it.</summary>
public sealed record OmbudsmanDecides(string Actor, OmbudsmanVerdict Verdict, string ReasonsRef, decimal? DisputedAmount, string? RoutineNoteRef, bool ReferToBody) : StepInput(Actor)
{
    public override string Kind => CaseInputKinds.OmbudsmanDecide;
}

/// <summary>On the case: the ombudsman's review reported its decision (from a review started before version 2, by an input).</summary>
public sealed record OmbudsmanReported(string Actor, OmbudsmanVerdict Verdict, string ReasonsRef, decimal? DisputedAmount, string? RoutineNoteRef, bool ReferToBody) : StepInput(Actor)
{
    public override string Kind => CaseInputKinds.OmbudsmanDecided;
}

public sealed record DecisionAccepted(string Actor) : StepInput(Actor) { public override string Kind => CaseInputKinds.CustomerAcceptDecision; }
public sealed record ExternalBodyChosen(string Actor, string BodyId) : StepInput(Actor) { public override string Kind => CaseInputKinds.CustomerExternalBody; }
public sealed record BodyOutcomeRecorded(string Actor, BodyFinding Finding, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.DisputeOutcome; }
public sealed record ComplianceConfirmed(string Actor) : StepInput(Actor) { public override string Kind => CaseInputKinds.DisputeComply; }
public sealed record ComplianceRefused(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.DisputeNotComply; }
public sealed record BodyReplySent(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.DisputeReplied; }
public sealed record BodyCaseComplex(string Actor, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.DisputeComplex; }

/// <summary>On the case: the external body's stage ended (from a stage started before version 2, by an input).</summary>
public sealed record BodyStageReported(string Actor) : StepInput(Actor) { public override string Kind => CaseInputKinds.BodyCaseClosed; }

/// <summary>Staff correct what the case is; triage runs again with it.</summary>
public sealed record FactsCorrected(string Actor, ComplaintCategory Category, Country Country, string Language, string? TextRef) : StepInput(Actor)
{
    public override string Kind => CaseInputKinds.AgentCorrect;

    /// <summary>The choice on the wire: <c>category=claim;country=SE;language=sv</c>.</summary>
    public static string ToChoice(ComplaintCategory category, Country country, string language) =>
        $"category={category.ToWire()};country={country};language={language}";
}

/// <summary>Staff merge this case into the customer's other case.</summary>
public sealed record MergedIntoCase(string Actor, string IntoCase, string? TextRef) : StepInput(Actor) { public override string Kind => CaseInputKinds.AgentMerge; }

/// <summary>A team lead asks for a failed stage to run again.</summary>
public sealed record StageRetryAsked(string Actor) : StepInput(Actor) { public override string Kind => CaseInputKinds.StageRetry; }

/// <summary>What came in, read; or why it could not be read (an unknown kind, outcome or choice), never a default.</summary>
/// <param name="Raw">The input as it came, for passing it on to a later stage's orchestration unchanged.</param>
public sealed record InputReading(StepInput? Input, string Kind, string Actor, string? Error, CaseInput? Raw = null)
{
    public static InputReading Refuse(CaseInput raw, string error) => new(null, raw.Kind, raw.Actor, error, raw);
}

public static class StepInputs
{
    /// <summary>Reads one input from its wire form. An unknown kind or a missing or unknown choice is an error, not a guess.</summary>
    public static InputReading Read(CaseInput raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var kind = raw.Kind ?? string.Empty;
        var colon = kind.IndexOf(':', StringComparison.Ordinal);
        var baseKind = colon < 0 ? kind : kind[..colon];
        var actor = raw.Actor ?? "unknown";
        StepInput? input = baseKind switch
        {
            CaseInputKinds.AgentAnswer => new AgentAnswered(actor, raw.TextRef),
            CaseInputKinds.AgentAsk => new AgentAskedCustomer(actor, raw.TextRef),
            CaseInputKinds.AgentFinal => new FinalAnswerWritten(actor, raw.TextRef, raw.Amount, raw.Flag),
            CaseInputKinds.LeadApprove => new FinalAnswerApproved(actor),
            CaseInputKinds.LeadSendBack => new FinalAnswerSentBack(actor, raw.TextRef),
            CaseInputKinds.CustomerAccept => new FinalAnswerAccepted(actor),
            CaseInputKinds.CustomerOmbudsman => new OmbudsmanAskedFor(actor, raw.TextRef),
            CaseInputKinds.ManufacturerSolved => new SolvedByManufacturer(actor),
            CaseInputKinds.ManufacturerHelp => new HelpWantedAfterManufacturer(actor, raw.TextRef),
            CaseInputKinds.CustomerReplied => new CustomerReplied(actor, raw.TextRef),
            CaseInputKinds.Withdraw => new ComplaintWithdrawn(actor, raw.TextRef),
            CaseInputKinds.CustomerAcceptDecision => new DecisionAccepted(actor),
            CaseInputKinds.DisputeComply => new ComplianceConfirmed(actor),
            CaseInputKinds.DisputeNotComply => new ComplianceRefused(actor, raw.TextRef),
            CaseInputKinds.DisputeReplied => new BodyReplySent(actor, raw.TextRef),
            CaseInputKinds.DisputeComplex => new BodyCaseComplex(actor, raw.TextRef),
            CaseInputKinds.BodyCaseClosed => new BodyStageReported(actor),
            CaseInputKinds.StageRetry => new StageRetryAsked(actor),
            _ => null,
        };
        if (input is not null)
        {
            return Read(raw, input);
        }

        switch (baseKind)
        {
            case CaseInputKinds.OmbudsmanDecide or CaseInputKinds.OmbudsmanDecided:
                if (!TryVerdict(raw.Choice, out var verdict))
                {
                    return InputReading.Refuse(raw, $"The ombudsman's outcome '{raw.Choice ?? "(none)"}' is not one of upheld, overturned, partly-settled.");
                }

                if (string.IsNullOrEmpty(raw.TextRef))
                {
                    return InputReading.Refuse(raw, "The ombudsman's decision has no reasons.");
                }

                return Read(raw, baseKind == CaseInputKinds.OmbudsmanDecide
                    ? new OmbudsmanDecides(actor, verdict, raw.TextRef, raw.Amount, raw.NoteRef, raw.Flag)
                    : new OmbudsmanReported(actor, verdict, raw.TextRef, raw.Amount, raw.NoteRef, raw.Flag));

            case CaseInputKinds.CustomerExternalBody:
                // The body is named after the colon of the link's step (or, from older links, in the choice).
                var body = colon < 0 ? raw.Choice : kind[(colon + 1)..];
                return string.IsNullOrWhiteSpace(body)
                    ? InputReading.Refuse(raw, "The choice of an external body names no body.")
                    : Read(raw, new ExternalBodyChosen(actor, body));

            case CaseInputKinds.AgentCorrect:
                return ReadCorrection(raw, actor);

            case CaseInputKinds.AgentMerge:
                return CaseNumber.TryParse(raw.Choice, out var into)
                    ? Read(raw, new MergedIntoCase(actor, into.Value, raw.TextRef))
                    : InputReading.Refuse(raw, $"'{raw.Choice ?? "(none)"}' is not a case number to merge into.");

            case CaseInputKinds.DisputeOutcome:
                return TryFinding(raw.Choice, out var finding)
                    ? Read(raw, new BodyOutcomeRecorded(actor, finding, raw.TextRef))
                    : InputReading.Refuse(raw, $"The external body's finding '{raw.Choice ?? "(none)"}' is not one of customer, partly, retailer.");

            default:
                return InputReading.Refuse(raw, $"'{kind}' is not an input this process knows.");
        }
    }

    static InputReading Read(CaseInput raw, StepInput input) => new(input, input.Kind, input.Actor, null, raw);

    static InputReading ReadCorrection(CaseInput raw, string actor)
    {
        var parts = (raw.Choice ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!ComplaintCategoryNames.TryParse(parts.GetValueOrDefault("category"), out var category)
            || !Enum.GetNames<Country>().Contains(parts.GetValueOrDefault("country"), StringComparer.Ordinal) || !Enum.TryParse<Country>(parts["country"], out var country)
            || parts.GetValueOrDefault("language") is not { } language || !ComplaintFunctions.Domain.Intake.ComplaintSubmissionRules.Languages.Contains(language))
        {
            return InputReading.Refuse(raw, $"The correction '{raw.Choice ?? "(none)"}' does not name a known category, country and language.");
        }

        return Read(raw, new FactsCorrected(actor, category, country, language, raw.TextRef));
    }

    public static bool TryVerdict(string? value, out OmbudsmanVerdict verdict)
    {
        (var known, verdict) = value switch
        {
            "upheld" => (true, OmbudsmanVerdict.Upheld),
            "overturned" => (true, OmbudsmanVerdict.Overturned),
            "partly-settled" => (true, OmbudsmanVerdict.PartlySettled),
            _ => (false, default),
        };
        return known;
    }

    public static string ToWire(this OmbudsmanVerdict verdict) => verdict switch
    {
        OmbudsmanVerdict.Upheld => "upheld",
        OmbudsmanVerdict.Overturned => "overturned",
        OmbudsmanVerdict.PartlySettled => "partly-settled",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    static bool TryFinding(string? value, out BodyFinding finding)
    {
        (var known, finding) = value switch
        {
            "customer" => (true, BodyFinding.Customer),
            "partly" => (true, BodyFinding.Partly),
            "retailer" => (true, BodyFinding.Retailer),
            _ => (false, default),
        };
        return known;
    }
}
