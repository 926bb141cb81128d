using System.Globalization;
using ComplaintFunctions.Domain.Reports;

namespace ComplaintFunctions.Reports;

/// <summary>
/// The report's figures as columns: a fixed key each (the CSV's and the texts' key), the value, and how a
/// person reads it. The keys are a contract with whoever imports the CSV files: add, never rename.
/// </summary>
public static class ReportColumns
{
    public static IReadOnlyList<string> Currencies { get; } = ["NOK", "SEK", "DKK", "EUR"];

    /// <summary>Every figure, in the order of the tables.</summary>
    public static IReadOnlyList<string> FigureKeys { get; } =
    [
        "received", "acknowledged", "median-to-acknowledge", "first-responses", "median-to-first-response", "within-target", "within-target-share",
        "resolved", "median-to-resolve", "sla-breaches", "reminders", "escalations", "final-answers", "final-accepted", "final-taken-further",
        "ombudsman-upheld", "ombudsman-overturned", "ombudsman-partly", "referred", "body-for-customer", "body-for-retailer", "complied",
        "complied-on-time", "withdrawn", "merged", "surveys-sent", "surveys-answered", "average-score", "redress",
    ];

    /// <summary>The figures shown in the grouped tables on the page (the CSV files hold every one).</summary>
    public static IReadOnlyList<string> GroupKeys { get; } =
        ["received", "within-target-share", "resolved", "median-to-resolve", "sla-breaches", "final-taken-further", "ombudsman-overturned", "referred", "withdrawn", "average-score"];

    public static IReadOnlyList<string> SummaryRows { get; } =
        ["outstanding-start", "opened", "closed", "closed-4w", "closed-4-8w", "closed-8w", "upheld", "redress-paid", "outstanding-end"];

    /// <summary>A figure as a person reads it, in <paramref name="t"/>'s language.</summary>
    public static string Show(ReportFigures figures, string key, ReportTexts t)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(t);
        var culture = CultureInfo.GetCultureInfo(t.Language == "nb" ? "nb-NO" : "en-GB");
        return Value(figures, key) switch
        {
            int count => count.ToString(culture),
            TimeSpan span when key == "median-to-resolve" => t.Days.Replace("{value}", span.TotalDays.ToString("0.0", culture), StringComparison.Ordinal),
            TimeSpan span when span < TimeSpan.FromHours(1) => t.Minutes.Replace("{value}", span.TotalMinutes.ToString("0", culture), StringComparison.Ordinal),
            TimeSpan span => t.Hours.Replace("{value}", span.TotalHours.ToString("0.0", culture), StringComparison.Ordinal),
            double share when key == "within-target-share" => share.ToString("P0", culture),
            double score => score.ToString("0.0", culture),
            IReadOnlyDictionary<string, decimal> amounts => Money(amounts, culture, t),
            _ => t.None,
        };
    }

    public static string Money(IReadOnlyDictionary<string, decimal> amounts, CultureInfo culture, ReportTexts t)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(t);
        return amounts.Count == 0 ? t.None : string.Join("; ", amounts.Select(a => $"{a.Value.ToString("N2", culture)} {a.Key}"));
    }

    /// <summary>The CSV cells of a figure: invariant numbers, hours and days as decimals, redress one column per currency.</summary>
    public static IEnumerable<(string Header, string Cell)> Cells(ReportFigures figures, string key)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var value = Value(figures, key);
        if (value is IReadOnlyDictionary<string, decimal> amounts)
        {
            foreach (var currency in Currencies)
            {
                yield return ($"{key}-{currency}", amounts.TryGetValue(currency, out var a) ? a.ToString("0.00", CultureInfo.InvariantCulture) : "0.00");
            }

            yield break;
        }

        yield return (CsvHeader(key), value switch
        {
            int count => count.ToString(CultureInfo.InvariantCulture),
            TimeSpan span when key == "median-to-resolve" => span.TotalDays.ToString("0.00", CultureInfo.InvariantCulture),
            TimeSpan span => span.TotalHours.ToString("0.00", CultureInfo.InvariantCulture),
            double number => number.ToString("0.000", CultureInfo.InvariantCulture),
            _ => string.Empty,
        });
    }

    /// <summary>The CSV's header says the unit where the key alone does not.</summary>
    static string CsvHeader(string key) => key switch
    {
        "median-to-acknowledge" or "median-to-first-response" => key + "-hours",
        "median-to-resolve" => key + "-days",
        _ => key,
    };

    public static object? Value(ReportFigures f, string key)
    {
        ArgumentNullException.ThrowIfNull(f);
        return key switch
        {
            "received" => f.Received,
            "acknowledged" => f.Acknowledged,
            "median-to-acknowledge" => f.MedianToAcknowledge,
            "first-responses" => f.FirstResponses,
            "median-to-first-response" => f.MedianToFirstResponse,
            "within-target" => f.FirstResponsesWithinTarget,
            "within-target-share" => f.WithinTargetShare,
            "resolved" => f.Resolved,
            "median-to-resolve" => f.MedianToResolve,
            "sla-breaches" => f.SlaBreaches,
            "reminders" => f.Reminders,
            "escalations" => f.Escalations,
            "final-answers" => f.FinalAnswers,
            "final-accepted" => f.FinalAnswersAccepted,
            "final-taken-further" => f.FinalAnswersTakenFurther,
            "ombudsman-upheld" => f.OmbudsmanUpheld,
            "ombudsman-overturned" => f.OmbudsmanOverturned,
            "ombudsman-partly" => f.OmbudsmanPartlySettled,
            "referred" => f.ReferredToBody,
            "body-for-customer" => f.BodyFoundForCustomer,
            "body-for-retailer" => f.BodyFoundForRetailer,
            "complied" => f.Complied,
            "complied-on-time" => f.CompliedOnTime,
            "withdrawn" => f.Withdrawn,
            "merged" => f.Merged,
            "surveys-sent" => f.SurveysSent,
            "surveys-answered" => f.SurveysAnswered,
            "average-score" => f.AverageScore,
            "redress" => f.Redress,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a figure of the report."),
        };
    }

    public static object Summary(PeriodSummary s, string key)
    {
        ArgumentNullException.ThrowIfNull(s);
        return key switch
        {
            "outstanding-start" => s.OutstandingAtStart,
            "opened" => s.Opened,
            "closed" => s.Closed,
            "closed-4w" => s.ClosedWithinFourWeeks,
            "closed-4-8w" => s.ClosedFourToEightWeeks,
            "closed-8w" => s.ClosedAfterEightWeeks,
            "upheld" => s.Upheld,
            "redress-paid" => s.RedressPaid,
            "outstanding-end" => s.OutstandingAtEnd,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a row of the summary."),
        };
    }
}
