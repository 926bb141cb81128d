using System.Globalization;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Http;
using ComplaintFunctions.Links;
using ComplaintFunctions.Staff;
using ComplaintFunctions.StaffConsole;
using ComplaintFunctions.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static ComplaintFunctions.StaffConsole.ConsolePages;

namespace ComplaintFunctions.Reports;

/// <summary>
/// The reports on complaint handling, for team leads, management and the ombudsman, signed in: a period's
/// figures, the regulator-style summary, charts, the ombudsman's notes on routines, and every table as CSV.
/// The door reads the period and who asks; the figures are <see cref="ComplaintReport.Compute"/>'s.
/// </summary>
public sealed class ReportFunctions(
    StaffSessions sessions,
    ReportReader reader,
    BusinessCalendars calendars,
    IOptions<CustomerServiceOptions> service,
    IOptions<PipelineOptions> pipeline,
    IOptions<StaffOptions> staff,
    TimeProvider time)
{
    public const string Path = Home + "/reports";

    /// <summary>The CSV files, one per table of the page.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["summary", "all", ComplaintReport.ByCategory, ComplaintReport.ByChannel, ComplaintReport.ByManufacturer, ComplaintReport.ByCountry, "scores", "routine-notes"];

    const int LongestPeriodDays = 366;

    ConsoleTexts C => ConsoleTexts.For(staff.Value.Language);

    ReportTexts T => ReportTexts.For(staff.Value.Language);

    [Function("ConsoleReports")]
    public async Task<IActionResult> Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/reports")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (sessions.Read(request) is not { Roles.Count: > 0 } person)
        {
            return SignInFirst(request);
        }

        if (Refused(person) is { } refused)
        {
            return refused;
        }

        if (PeriodOf(request) is not { } days)
        {
            return Message(C, StatusCodes.Status400BadRequest, T.BadPeriodTitle, T.BadPeriod, person: person);
        }

        var report = await ComputeAsync(days, request.HttpContext.RequestAborted);
        return FromTemplate(StatusCodes.Status200OK, T.Title, person, "console/reports", Model(report, days), C);
    }

    [Function("ConsoleReportCsv")]
    public async Task<IActionResult> Csv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/reports/csv/{table}")] HttpRequest request,
        string table)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (sessions.Read(request) is not { Roles.Count: > 0 } person)
        {
            return SignInFirst(request);
        }

        if (Refused(person) is { } refused)
        {
            return refused;
        }

        if (!Tables.Contains(table, StringComparer.Ordinal))
        {
            return Message(C, StatusCodes.Status404NotFound, T.BadPeriodTitle, string.Join(", ", Tables), person: person);
        }

        if (PeriodOf(request) is not { } days)
        {
            return Message(C, StatusCodes.Status400BadRequest, T.BadPeriodTitle, T.BadPeriod, person: person);
        }

        var report = await ComputeAsync(days, request.HttpContext.RequestAborted);
        var name = string.Create(CultureInfo.InvariantCulture, $"complaints-{table}-{days.From:yyyy-MM-dd}-{days.To:yyyy-MM-dd}.csv");
        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return new ContentResult
        {
            StatusCode = StatusCodes.Status200OK,
            ContentType = "text/csv; charset=utf-8",
            // The byte-order mark makes spreadsheet programs read the file as UTF-8 (æ, ø, å).
            Content = "\uFEFF" + ReportCsv.Write(report, table, T),
        };
    }

    async Task<ComplaintReport> ComputeAsync((DateOnly From, DateOnly To) days, CancellationToken cancel)
    {
        var period = ReportPeriod.Of(days.From, days.To, Zone(pipeline.Value.TimeZone));
        var (cases, notes) = await reader.ReadAsync(period, cancel);
        return ComplaintReport.Compute(period, cases, new ReportRules(service.Value.FirstResponseTarget, calendars.For), notes);
    }

    /// <summary>Who reads the reports: those who answer for the handling, and the ombudsman, whose notes they hold.</summary>
    public static bool MayRead(StaffPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Has(ActionRoles.TeamLead) || person.Has(ActionRoles.Management) || person.Has(ActionRoles.Ombudsman);
    }

    ContentResult? Refused(StaffPerson person) =>
        MayRead(person) ? null : Message(C, StatusCodes.Status403Forbidden, T.NotYoursTitle, T.NotYours, person: person);

    /// <summary>The period asked for, or by default last month, in the retailer's time zone; null when it cannot be read.</summary>
    (DateOnly From, DateOnly To)? PeriodOf(HttpRequest request)
    {
        var fromText = request.Query["from"].ToString();
        var toText = request.Query["to"].ToString();
        if (fromText.Length == 0 && toText.Length == 0)
        {
            var today = pipeline.Value.Today(time);
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            return (thisMonth.AddMonths(-1), thisMonth.AddDays(-1));
        }

        if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(toText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to < from || to.DayNumber - from.DayNumber >= LongestPeriodDays)
        {
            return null;
        }

        return (from, to);
    }

    ReportsPageModel Model(ComplaintReport report, (DateOnly From, DateOnly To) days)
    {
        var t = T;
        var culture = Culture(t);
        var query = string.Create(CultureInfo.InvariantCulture, $"from={days.From:yyyy-MM-dd}&to={days.To:yyyy-MM-dd}");
        string CsvUrl(string table) => $"{Path}/csv/{table}?{query}";
        string CsvLabel(string table) => $"{t.Csv}: {table}";
        var summaryRows = ReportColumns.SummaryRows.Select(key => ReportColumns.Summary(report.Summary, key) switch
        {
            IReadOnlyDictionary<string, decimal> money => new FigureRow(key, t.SummaryRows[key], ReportColumns.Money(money, culture, t)),
            var value => new FigureRow(key, t.SummaryRows[key], Convert.ToString(value, culture) ?? t.None),
        }).ToList();
        var byCategory = report.Groupings.Single(g => g.Dimension == ComplaintReport.ByCategory);
        return new ReportsPageModel(
            Path, t.From, days.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.To, days.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Show,
            F(t.PeriodHint, ("zone", pipeline.Value.TimeZone)),
            t.Summary, t.SummaryHint,
            new FigureTable(t.Summary, CsvUrl("summary"), CsvLabel("summary"), summaryRows),
            new FigureTable(t.AllCases, CsvUrl("all"), CsvLabel("all"), [.. ReportColumns.FigureKeys.Select(key => new FigureRow(key, t.Figures[key], ReportColumns.Show(report.All, key, t)))]),
            t.Figure, t.Value, t.Charts,
            [
                BarChart.Of("chart-received", t.ReceivedByCategory, [.. byCategory.Rows.Select(r => (GroupName(ComplaintReport.ByCategory, r.Key), r.Figures.Received))]),
                BarChart.Of("chart-closed", t.ClosedByTime,
                [
                    (t.SummaryRows["closed-4w"], report.Summary.ClosedWithinFourWeeks),
                    (t.SummaryRows["closed-4-8w"], report.Summary.ClosedFourToEightWeeks),
                    (t.SummaryRows["closed-8w"], report.Summary.ClosedAfterEightWeeks),
                ]),
                BarChart.Of("chart-scores", t.Scores, [.. report.ScoreCounts.Select((count, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), count))]),
            ],
            CsvUrl("scores"), CsvLabel("scores"),
            [.. ReportColumns.GroupKeys.Select(key => t.Figures[key])],
            [.. report.Groupings.Select(g => new GroupTable(g.Dimension, t.By[g.Dimension], CsvUrl(g.Dimension), CsvLabel(g.Dimension),
                [.. g.Rows.Select(r => new GroupRow(r.Key, GroupName(g.Dimension, r.Key), [.. ReportColumns.GroupKeys.Select(key => ReportColumns.Show(r.Figures, key, t))]))]))],
            t.NoCases,
            t.Notes, t.NotesHint, CsvUrl("routine-notes"), CsvLabel("routine-notes"), t.NoNotes, t.Case, t.Date, t.Note,
            [.. report.RoutineNotes.Select(n => new NoteRow($"{Home}/cases/{Uri.EscapeDataString(n.CaseNumber)}", n.CaseNumber, Local(n.At, pipeline.Value.TimeZone), n.Note))]);
    }

    string GroupName(string dimension, string key) => dimension switch
    {
        ComplaintReport.ByCategory when ComplaintCategoryNames.TryParse(key, out var category) => category.StaffName(staff.Value.Language),
        ComplaintReport.ByChannel => T.Channels.TryGetValue(key, out var channel) ? channel : key,
        _ => key,
    };

    static CultureInfo Culture(ReportTexts t) => CultureInfo.GetCultureInfo(t.Language == "nb" ? "nb-NO" : "en-GB");

    sealed record FigureRow(string Key, string Label, string Value) : IPageModel;

    sealed record FigureTable(string Title, string CsvUrl, string CsvLabel, IReadOnlyList<FigureRow> Rows) : IPageModel;

    sealed record GroupRow(string Key, string Label, IReadOnlyList<string> Values) : IPageModel;

    sealed record GroupTable(string Dimension, string Title, string CsvUrl, string CsvLabel, IReadOnlyList<GroupRow> Rows) : IPageModel;

    sealed record NoteRow(string CaseUrl, string Case, string At, string Note) : IPageModel;

    sealed record ReportsPageModel(
        string Path, string FromLabel, string From, string ToLabel, string To, string Show, string PeriodHint,
        string SummaryTitle, string SummaryHint, FigureTable Summary, FigureTable All, string FigureLabel, string ValueLabel,
        string ChartsTitle, IReadOnlyList<BarChart> Charts, string ScoresCsvUrl, string ScoresCsvLabel,
        IReadOnlyList<string> GroupColumns, IReadOnlyList<GroupTable> Groupings, string NoCases,
        string NotesTitle, string NotesHint, string NotesCsvUrl, string NotesCsvLabel, string NoNotes, string CaseLabel, string DateLabel, string NoteLabel,
        IReadOnlyList<NoteRow> Notes) : IPageModel;
}
