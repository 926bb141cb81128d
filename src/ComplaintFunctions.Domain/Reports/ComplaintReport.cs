using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Reports;

/// <summary>
/// The figures of one group of cases in a period. Each counts what happened in the period (a case opened
/// before it and answered in it counts its answer here); a duplicate merged into another case is counted
/// only as merged, since its complaint is counted on the case it joined.
/// </summary>
public sealed record ReportFigures
{
    public int Received { get; init; }
    public int Acknowledged { get; init; }
    public TimeSpan? MedianToAcknowledge { get; init; }
    public int FirstResponses { get; init; }
    public TimeSpan? MedianToFirstResponse { get; init; }
    public int FirstResponsesWithinTarget { get; init; }
    public int Resolved { get; init; }
    public TimeSpan? MedianToResolve { get; init; }
    public int SlaBreaches { get; init; }
    public int Reminders { get; init; }
    public int Escalations { get; init; }
    public int FinalAnswers { get; init; }
    public int FinalAnswersAccepted { get; init; }
    public int FinalAnswersTakenFurther { get; init; }
    public int OmbudsmanUpheld { get; init; }
    public int OmbudsmanOverturned { get; init; }
    public int OmbudsmanPartlySettled { get; init; }
    public int ReferredToBody { get; init; }
    public int BodyFoundForCustomer { get; init; }
    public int BodyFoundForRetailer { get; init; }
    public int Complied { get; init; }
    public int CompliedOnTime { get; init; }
    public int Withdrawn { get; init; }
    public int Merged { get; init; }
    public int SurveysSent { get; init; }
    public int SurveysAnswered { get; init; }
    public double? AverageScore { get; init; }
    /// <summary>Redress given on the cases closed in the period, per currency (NOK, SEK, DKK, EUR).</summary>
    public IReadOnlyDictionary<string, decimal> Redress { get; init; } = new SortedDictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>The share of first responses within the target, 0–1; null when there were none.</summary>
    public double? WithinTargetShare => FirstResponses == 0 ? null : (double)FirstResponsesWithinTarget / FirstResponses;
}

/// <summary>The regulator-style summary of a period (modelled on the UK FCA's complaints return, DISP 1 Annex 1R).</summary>
public sealed record PeriodSummary(
    int OutstandingAtStart,
    int Opened,
    int ClosedWithinFourWeeks,
    int ClosedFourToEightWeeks,
    int ClosedAfterEightWeeks,
    int Upheld,
    IReadOnlyDictionary<string, decimal> RedressPaid,
    int OutstandingAtEnd)
{
    public int Closed => ClosedWithinFourWeeks + ClosedFourToEightWeeks + ClosedAfterEightWeeks;
}

/// <summary>One grouping of the figures: its rows, keyed by the group's wire name (a category, a channel …).</summary>
public sealed record ReportGrouping(string Dimension, IReadOnlyList<(string Key, ReportFigures Figures)> Rows);

/// <summary>A period's report on complaint handling, computed from the cases' anonymised trails.</summary>
public sealed record ComplaintReport(
    ReportPeriod Period,
    ReportFigures All,
    PeriodSummary Summary,
    IReadOnlyList<ReportGrouping> Groupings,
    IReadOnlyList<int> ScoreCounts,
    IReadOnlyList<RoutineNote> RoutineNotes)
{
    public const string ByCategory = "category";
    public const string ByChannel = "channel";
    public const string ByManufacturer = "manufacturer";
    public const string ByCountry = "country";

    /// <summary>The trail's mail ids start with the mail kind's name in lower case; these are the ones the figures count.</summary>
    public static class Mails
    {
        public const string Acknowledgement = "acknowledgement";
        public static readonly string[] FirstResponse = ["agentanswer", "agentquestion", "finalanswer"];
        public static readonly string[] Reminders = ["staffreminder", "ombudsmanreminder", "bodyreminder", "bodyreplyreminder"];
        public static readonly string[] Escalations = ["staffescalation", "ombudsmanescalation", "complianceescalation", "bodyreplyescalation"];
        public const string SlaBreach = "staffescalation";
    }

    public static ComplaintReport Compute(ReportPeriod period, IEnumerable<ReportCase> cases, ReportRules rules, IEnumerable<RoutineNote>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(rules);
        var histories = cases.Select(c => new CaseHistory(c)).ToList();
        var groupings = new List<ReportGrouping>
        {
            Group(ByCategory, histories, h => h.Case.Category.ToWire(), period, rules),
            Group(ByChannel, histories, h => h.Case.Channel.ToWire(), period, rules),
            Group(ByManufacturer, histories, h => string.IsNullOrWhiteSpace(h.Case.Manufacturer) ? "-" : h.Case.Manufacturer.Trim(), period, rules),
            Group(ByCountry, histories, h => h.Case.Country.ToString(), period, rules),
        };

        var scores = new int[5];
        foreach (var answer in histories.Where(h => !h.IsDuplicate).Select(h => LastAnswerIn(h, period)).OfType<ReportLine>())
        {
            scores[(int)answer.Facts.AmountOf(FactKeys.Score)!.Value - 1]++;
        }

        return new ComplaintReport(
            period,
            Figures(histories, period, rules),
            Summarise(histories, period),
            groupings,
            scores,
            (notes ?? []).Where(n => period.Holds(n.At)).OrderBy(n => n.At).ToList());
    }

    static ReportGrouping Group(string dimension, List<CaseHistory> histories, Func<CaseHistory, string> key, ReportPeriod period, ReportRules rules) =>
        new(dimension, histories
            .Where(h => h.Touches(period))
            .GroupBy(key, StringComparer.Ordinal)
            .Select(g => (g.Key, Figures(g.ToList(), period, rules)))
            .OrderBy(row => row.Key, StringComparer.Ordinal)
            .ToList());

    static ReportFigures Figures(IReadOnlyList<CaseHistory> group, ReportPeriod period, ReportRules rules)
    {
        var counted = group.Where(h => !h.IsDuplicate).ToList();
        var received = counted.Where(h => period.Holds(h.Case.OpenedAt)).ToList();
        var acknowledged = received
            .Select(h => h.FirstMail(Mails.Acknowledgement) is { } at ? at - h.Case.OpenedAt : (TimeSpan?)null)
            .OfType<TimeSpan>().ToList();
        var responses = received
            .Select(h => h.FirstMail(Mails.FirstResponse) is { } at ? rules.CalendarFor(h.Case.Country).BusinessTimeBetween(h.Case.OpenedAt, at) : (TimeSpan?)null)
            .OfType<TimeSpan>().ToList();
        var closings = counted.Select(h => (History: h, Closing: h.ClosedIn(period))).Where(x => x.Closing is not null).ToList();
        var resolved = closings.Where(x => x.Closing!.Action != CaseAction.Withdraw).ToList();
        var steps = counted.SelectMany(h => h.Steps.Where(s => period.Holds(s.At)).Select(s => (History: h, Step: s))).ToList();
        var mailsIn = counted.SelectMany(h => h.Mails.Where(m => period.Holds(m.At)).Select(m => (History: h, Mail: m))).ToList();
        var decisions = counted.SelectMany(h => h.Decisions.Where(d => period.Holds(d.At))).ToList();
        var answers = counted.Select(h => LastAnswerIn(h, period)).OfType<ReportLine>().ToList();
        var complied = steps.Where(x => x.Step.Action == CaseAction.ConfirmCompliance && x.History.BodyOutcomeBefore(x.Step.At)?.Facts[FactKeys.Finding] is not "retailer").ToList();

        return new ReportFigures
        {
            Received = received.Count,
            Acknowledged = acknowledged.Count,
            MedianToAcknowledge = Median(acknowledged),
            FirstResponses = responses.Count,
            MedianToFirstResponse = Median(responses),
            FirstResponsesWithinTarget = responses.Count(r => r <= rules.FirstResponseTarget),
            Resolved = resolved.Count,
            MedianToResolve = Median(resolved.Select(x => x.Closing!.At - x.History.Case.OpenedAt).ToList()),
            SlaBreaches = mailsIn.Where(x => x.Mail.Kind == Mails.SlaBreach).Select(x => x.History).Distinct().Count(),
            Reminders = mailsIn.Count(x => Mails.Reminders.Contains(x.Mail.Kind, StringComparer.Ordinal)),
            Escalations = mailsIn.Count(x => Mails.Escalations.Contains(x.Mail.Kind, StringComparer.Ordinal)),
            FinalAnswers = steps.Count(x => x.Step.Action == CaseAction.GiveFinalAnswer),
            FinalAnswersAccepted = steps.Count(x => x.Step.Action == CaseAction.AcceptFinalAnswer),
            FinalAnswersTakenFurther = steps.Count(x => x.Step.Action == CaseAction.RequestOmbudsmanReview),
            OmbudsmanUpheld = decisions.Count(d => d.Facts[FactKeys.Outcome] == "upheld"),
            OmbudsmanOverturned = decisions.Count(d => d.Facts[FactKeys.Outcome] == "overturned"),
            OmbudsmanPartlySettled = decisions.Count(d => d.Facts[FactKeys.Outcome] == "partly-settled"),
            ReferredToBody = steps.Count(x => x.Step.Action == CaseAction.TakeToExternalBody),
            BodyFoundForCustomer = steps.Count(x => x.Step.Action == CaseAction.RecordBodyOutcome && x.Step.Facts[FactKeys.Finding] is "customer" or "partly"),
            BodyFoundForRetailer = steps.Count(x => x.Step.Action == CaseAction.RecordBodyOutcome && x.Step.Facts[FactKeys.Finding] == "retailer"),
            Complied = complied.Count,
            CompliedOnTime = complied.Count(x => x.Step.Facts[FactKeys.OnTime] == "yes"),
            Withdrawn = steps.Count(x => x.Step.Action == CaseAction.Withdraw),
            Merged = group.Count(h => h.Steps.Any(s => s.Action == CaseAction.MergeIntoCase && period.Holds(s.At))),
            SurveysSent = mailsIn.Count(x => x.Mail.Survey),
            SurveysAnswered = answers.Count,
            AverageScore = answers.Count == 0 ? null : answers.Average(a => (double)a.Facts.AmountOf(FactKeys.Score)!.Value),
            Redress = Sum(resolved.Select(x => x.History.RedressAt(x.Closing!.At))),
        };
    }

    static PeriodSummary Summarise(List<CaseHistory> histories, ReportPeriod period)
    {
        var counted = histories.Where(h => !h.IsDuplicate).ToList();
        var closed = counted.Select(h => (History: h, Closing: h.ClosedIn(period))).Where(x => x.Closing is not null).ToList();
        int Within(TimeSpan? from, TimeSpan? to) => closed.Count(x =>
        {
            var open = x.Closing!.At - x.History.Case.OpenedAt;
            return (from is null || open > from) && (to is null || open <= to);
        });

        var fourWeeks = TimeSpan.FromDays(28);
        var eightWeeks = TimeSpan.FromDays(56);
        return new PeriodSummary(
            counted.Count(h => h.IsOpenAt(period.Start)),
            counted.Count(h => period.Holds(h.Case.OpenedAt)),
            Within(null, fourWeeks),
            Within(fourWeeks, eightWeeks),
            Within(eightWeeks, null),
            closed.Count(x => x.Closing!.Action != CaseAction.Withdraw && x.History.UpheldAt(x.Closing.At)),
            Sum(closed.Where(x => x.Closing!.Action != CaseAction.Withdraw).Select(x => x.History.RedressAt(x.Closing!.At))),
            counted.Count(h => h.IsOpenAt(period.End)));
    }

    /// <summary>A customer's answer to the survey in the period; a later answer replaces an earlier one.</summary>
    static ReportLine? LastAnswerIn(CaseHistory history, ReportPeriod period) =>
        history.SurveyAnswers.LastOrDefault(a => period.Holds(a.At) && a.Facts.AmountOf(FactKeys.Score) is >= 1 and <= 5);

    static SortedDictionary<string, decimal> Sum(IEnumerable<(decimal Amount, string Currency)?> amounts)
    {
        var sums = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (amount, currency) in amounts.OfType<(decimal, string)>())
        {
            sums[currency] = sums.GetValueOrDefault(currency) + amount;
        }

        return sums;
    }

    static TimeSpan? Median(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
