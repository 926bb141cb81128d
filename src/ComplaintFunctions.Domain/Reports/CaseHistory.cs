using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Reports;

/// <summary>A stage change of a case, read from its trail line (<c>stage-changed</c>, id <c>stage-{action}</c>).</summary>
public sealed record StageChange(DateTimeOffset At, CaseAction Action, string Actor, TrailFacts Facts);

/// <summary>A mail the case sent, read from its trail line (<c>mail-sent</c>, id <c>{kind}-{sequence}-{digits}</c>).</summary>
/// <param name="Survey">The mail carried the satisfaction survey.</param>
public sealed record SentMail(DateTimeOffset At, string Kind, bool Survey = false);

/// <summary>
/// What happened to one case, read from its trail only by the lines' kinds, ids and facts: the same
/// before and after its personal data is erased.
/// </summary>
public sealed class CaseHistory
{
    /// <summary>The steps that close a case (every one of them leads to closed in the lifecycle).</summary>
    public static IReadOnlySet<CaseAction> ClosingSteps { get; } = new HashSet<CaseAction>
    {
        CaseAction.AcceptFinalAnswer, CaseAction.AcceptOmbudsmanDecision, CaseAction.ConfirmCompliance, CaseAction.Resolve,
        CaseAction.ReplyWindowExpired, CaseAction.Withdraw, CaseAction.MergeIntoCase,
    };

    public CaseHistory(ReportCase source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Case = source;
        var ordered = source.Lines.OrderBy(l => l.At).ToList();
        Steps = ordered
            .Where(l => l.Kind == "stage-changed" && l.EventId.StartsWith("stage-", StringComparison.Ordinal))
            .Select(l => Enum.TryParse<CaseAction>(l.EventId["stage-".Length..], ignoreCase: false, out var action) && Enum.IsDefined(action)
                ? new StageChange(l.At, action, l.Actor, l.Facts)
                : null)
            .OfType<StageChange>()
            .ToList();
        Mails = ordered
            .Where(l => l.Kind == "mail-sent" && l.EventId.IndexOf('-', StringComparison.Ordinal) > 0)
            .Select(l => new SentMail(l.At, l.EventId[..l.EventId.IndexOf('-', StringComparison.Ordinal)], l.Facts[FactKeys.Survey] == "yes"))
            .ToList();
        Decisions = ordered.Where(l => l.Kind == "ombudsman-decision").ToList();
        SurveyAnswers = ordered.Where(l => l.Kind == "satisfaction" && l.Facts.AmountOf(FactKeys.Score) is not null).ToList();
    }

    public ReportCase Case { get; }

    public IReadOnlyList<StageChange> Steps { get; }

    public IReadOnlyList<SentMail> Mails { get; }

    public IReadOnlyList<ReportLine> Decisions { get; }

    public IReadOnlyList<ReportLine> SurveyAnswers { get; }

    /// <summary>Merged into another case: the same complaint counted there, so never counted here.</summary>
    public bool IsDuplicate => Steps.Any(s => s.Action == CaseAction.MergeIntoCase);

    /// <summary>Opened in the period, open at its start, or anything on its trail in it.</summary>
    public bool Touches(ReportPeriod period) =>
        period.Holds(Case.OpenedAt) || IsOpenAt(period.Start) || Case.Lines.Any(l => period.Holds(l.At));

    public bool IsOpenAt(DateTimeOffset at)
    {
        if (Case.OpenedAt >= at)
        {
            return false;
        }

        var last = Steps.LastOrDefault(s => s.At < at && (ClosingSteps.Contains(s.Action) || s.Action == CaseAction.Reopen));
        return last is null || last.Action == CaseAction.Reopen;
    }

    /// <summary>The case's last closing in the period that was not undone by a reopening inside it.</summary>
    public StageChange? ClosedIn(ReportPeriod period)
    {
        var closing = Steps.LastOrDefault(s => period.Holds(s.At) && ClosingSteps.Contains(s.Action));
        return closing is not null && !Steps.Any(s => s.Action == CaseAction.Reopen && s.At > closing.At && period.Holds(s.At)) ? closing : null;
    }

    public DateTimeOffset? FirstMail(params string[] kinds) => Mails.FirstOrDefault(m => kinds.Contains(m.Kind, StringComparer.Ordinal))?.At;

    /// <summary>The final answer the case ended on before <paramref name="before"/>: its amount and currency, if any.</summary>
    public StageChange? FinalAnswerBefore(DateTimeOffset before) => Steps.LastOrDefault(s => s.Action == CaseAction.GiveFinalAnswer && s.At <= before);

    public ReportLine? DecisionBefore(DateTimeOffset before) => Decisions.LastOrDefault(d => d.At <= before);

    public StageChange? BodyOutcomeBefore(DateTimeOffset before) => Steps.LastOrDefault(s => s.Action == CaseAction.RecordBodyOutcome && s.At <= before);

    /// <summary>
    /// What the customer was given when the case closed at <paramref name="closedAt"/>, by the last word on it:
    /// the ombudsman's amount when the ombudsman changed the answer, else the final answer's amount.
    /// </summary>
    public (decimal Amount, string Currency)? RedressAt(DateTimeOffset closedAt)
    {
        var final = FinalAnswerBefore(closedAt);
        var currency = final?.Facts[FactKeys.Currency] ?? CaseCurrency.For(Case.Country);
        if (DecisionBefore(closedAt) is { } decision && decision.Facts[FactKeys.Outcome] is "overturned" or "partly-settled" && decision.Facts.AmountOf(FactKeys.Amount) is { } decided)
        {
            return decided > 0 ? (decided, currency) : null;
        }

        return final?.Facts.AmountOf(FactKeys.Amount) is { } amount && amount > 0 ? (amount, currency) : null;
    }

    /// <summary>
    /// Upheld for the customer when it closed: they were given redress or a remedy, the ombudsman changed the
    /// answer in their favour, or a dispute body found for them in whole or in part.
    /// </summary>
    public bool UpheldAt(DateTimeOffset closedAt)
    {
        if (RedressAt(closedAt) is not null)
        {
            return true;
        }

        if (FinalAnswerBefore(closedAt)?.Facts[FactKeys.Outcome] is { } outcome && outcome != "rejected")
        {
            return true;
        }

        if (DecisionBefore(closedAt)?.Facts[FactKeys.Outcome] is "overturned" or "partly-settled")
        {
            return true;
        }

        return BodyOutcomeBefore(closedAt)?.Facts[FactKeys.Finding] is "customer" or "partly";
    }
}
