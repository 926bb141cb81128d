using System.Globalization;
using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
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
        return Render(StatusCodes.Status200OK, T.Title, person, Body(report, days), C);
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

    ContentResult? Refused(StaffPerson person) =>
        person.Has(ActionRoles.TeamLead) || person.Has(ActionRoles.Management) || person.Has(ActionRoles.Ombudsman)
            ? null
            : Message(C, StatusCodes.Status403Forbidden, T.NotYoursTitle, T.NotYours, person: person);

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

    string Body(ComplaintReport report, (DateOnly From, DateOnly To) days)
    {
        var t = T;
        var query = string.Create(CultureInfo.InvariantCulture, $"from={days.From:yyyy-MM-dd}&to={days.To:yyyy-MM-dd}");
        var html = new StringBuilder()
            .Append("<form method=\"get\" action=\"").Append(Path).Append("\" class=\"filters\">")
            .Append("<label for=\"from\">").Append(E(t.From)).Append("</label><input type=\"date\" id=\"from\" name=\"from\" value=\"").Append(E(days.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("\">")
            .Append("<label for=\"to\">").Append(E(t.To)).Append("</label><input type=\"date\" id=\"to\" name=\"to\" value=\"").Append(E(days.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("\">")
            .Append("<button type=\"submit\">").Append(E(t.Show)).Append("</button></form>")
            .Append("<p class=\"hint\">").Append(E(F(t.PeriodHint, ("zone", pipeline.Value.TimeZone)))).Append("</p>");

        // The regulator-style summary first: it is what a reader of a report looks for.
        html.Append("<h2 id=\"summary\">").Append(E(t.Summary)).Append("</h2><p class=\"hint\">").Append(E(t.SummaryHint)).Append(' ').Append(CsvLink("summary", query)).Append("</p>")
            .Append("<table id=\"summary-table\"><tbody>");
        foreach (var key in ReportColumns.SummaryRows)
        {
            var value = ReportColumns.Summary(report.Summary, key);
            html.Append("<tr data-row=\"").Append(key).Append("\"><th scope=\"row\">").Append(E(t.SummaryRows[key])).Append("</th><td>")
                .Append(E(value is IReadOnlyDictionary<string, decimal> money ? ReportColumns.Money(money, Culture(t), t) : Convert.ToString(value, Culture(t)))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");

        html.Append("<h2>").Append(E(t.AllCases)).Append("</h2><p>").Append(CsvLink("all", query)).Append("</p><table id=\"all-table\"><thead><tr><th scope=\"col\">")
            .Append(E(t.Figure)).Append("</th><th scope=\"col\">").Append(E(t.Value)).Append("</th></tr></thead><tbody>");
        foreach (var key in ReportColumns.FigureKeys)
        {
            html.Append("<tr data-figure=\"").Append(key).Append("\"><th scope=\"row\">").Append(E(t.Figures[key])).Append("</th><td>").Append(E(ReportColumns.Show(report.All, key, t))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");

        html.Append("<h2>").Append(E(t.Charts)).Append("</h2>");
        var byCategory = report.Groupings.Single(g => g.Dimension == ComplaintReport.ByCategory);
        html.Append(SvgBars.Draw("chart-received", t.ReceivedByCategory, byCategory.Rows.Select(r => (GroupName(ComplaintReport.ByCategory, r.Key), r.Figures.Received)).ToList()));
        html.Append(SvgBars.Draw("chart-closed", t.ClosedByTime,
        [
            (t.SummaryRows["closed-4w"], report.Summary.ClosedWithinFourWeeks),
            (t.SummaryRows["closed-4-8w"], report.Summary.ClosedFourToEightWeeks),
            (t.SummaryRows["closed-8w"], report.Summary.ClosedAfterEightWeeks),
        ]));
        html.Append(SvgBars.Draw("chart-scores", t.Scores, report.ScoreCounts.Select((count, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), count)).ToList()))
            .Append("<p>").Append(CsvLink("scores", query)).Append("</p>");

        foreach (var grouping in report.Groupings)
        {
            html.Append("<h2>").Append(E(t.By[grouping.Dimension])).Append("</h2><p>").Append(CsvLink(grouping.Dimension, query)).Append("</p>");
            if (grouping.Rows.Count == 0)
            {
                html.Append("<p>").Append(E(t.NoCases)).Append("</p>");
                continue;
            }

            html.Append("<table id=\"by-").Append(grouping.Dimension).Append("\"><thead><tr><th scope=\"col\">").Append(E(t.By[grouping.Dimension])).Append("</th>");
            foreach (var key in ReportColumns.GroupKeys)
            {
                html.Append("<th scope=\"col\">").Append(E(t.Figures[key])).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var (key, figures) in grouping.Rows)
            {
                html.Append("<tr data-group=\"").Append(E(key)).Append("\"><th scope=\"row\">").Append(E(GroupName(grouping.Dimension, key))).Append("</th>");
                foreach (var figure in ReportColumns.GroupKeys)
                {
                    html.Append("<td>").Append(E(ReportColumns.Show(figures, figure, t))).Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h2 id=\"notes\">").Append(E(t.Notes)).Append("</h2><p class=\"hint\">").Append(E(t.NotesHint)).Append(' ').Append(CsvLink("routine-notes", query)).Append("</p>");
        if (report.RoutineNotes.Count == 0)
        {
            html.Append("<p>").Append(E(t.NoNotes)).Append("</p>");
        }
        else
        {
            html.Append("<table id=\"routine-notes\"><thead><tr><th scope=\"col\">").Append(E(t.Case)).Append("</th><th scope=\"col\">").Append(E(t.Date))
                .Append("</th><th scope=\"col\">").Append(E(t.Note)).Append("</th></tr></thead><tbody>");
            foreach (var note in report.RoutineNotes)
            {
                html.Append("<tr><td><a href=\"").Append(Home).Append("/cases/").Append(Uri.EscapeDataString(note.CaseNumber)).Append("\">").Append(E(note.CaseNumber)).Append("</a></td><td>")
                    .Append(E(Local(note.At, pipeline.Value.TimeZone))).Append("</td><td>").Append(E(note.Note)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.ToString();
    }

    string GroupName(string dimension, string key) => dimension switch
    {
        ComplaintReport.ByCategory when ComplaintCategoryNames.TryParse(key, out var category) => category.StaffName(staff.Value.Language),
        ComplaintReport.ByChannel => T.Channels.TryGetValue(key, out var channel) ? channel : key,
        _ => key,
    };

    string CsvLink(string table, string query) => $"<a href=\"{Path}/csv/{table}?{E(query)}\" download>{E(T.Csv)}: {E(table)}</a>";

    static CultureInfo Culture(ReportTexts t) => CultureInfo.GetCultureInfo(t.Language == "nb" ? "nb-NO" : "en-GB");
}
