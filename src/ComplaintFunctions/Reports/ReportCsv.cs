using System.Globalization;
using System.Text;
using ComplaintFunctions.Domain.Reports;

namespace ComplaintFunctions.Reports;

/// <summary>
/// The report's tables as CSV (RFC 4180: commas, quotes doubled, CRLF): the first row names the columns by
/// their fixed keys, so a spreadsheet built on last month's file reads this month's; the second row gives
/// the same columns in the staff language.
/// </summary>
public static class ReportCsv
{
    public static string Write(ComplaintReport report, string table, ReportTexts t)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(t);
        var csv = new StringBuilder();
        switch (table)
        {
            case "summary":
                Row(csv, "row", "label", "value");
                foreach (var key in ReportColumns.SummaryRows)
                {
                    var value = ReportColumns.Summary(report.Summary, key);
                    if (value is IReadOnlyDictionary<string, decimal> money)
                    {
                        foreach (var currency in ReportColumns.Currencies)
                        {
                            Row(csv, $"{key}-{currency}", $"{t.SummaryRows[key]} ({currency})", (money.TryGetValue(currency, out var a) ? a : 0m).ToString("0.00", CultureInfo.InvariantCulture));
                        }
                    }
                    else
                    {
                        Row(csv, key, t.SummaryRows[key], Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                    }
                }

                break;
            case "scores":
                Row(csv, "score", "answers");
                for (var i = 0; i < report.ScoreCounts.Count; i++)
                {
                    Row(csv, (i + 1).ToString(CultureInfo.InvariantCulture), report.ScoreCounts[i].ToString(CultureInfo.InvariantCulture));
                }

                break;
            case "routine-notes":
                Row(csv, "case", "at", "note");
                foreach (var note in report.RoutineNotes)
                {
                    Row(csv, note.CaseNumber, note.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), note.Note);
                }

                break;
            case "all":
                Figures(csv, "group", t.AllCases, [("all", report.All)], t);
                break;
            default:
                var grouping = report.Groupings.Single(g => g.Dimension == table);
                Figures(csv, table, t.By[table], grouping.Rows, t);
                break;
        }

        return csv.ToString();
    }

    static void Figures(StringBuilder csv, string groupHeader, string groupLabel, IReadOnlyList<(string Key, ReportFigures Figures)> rows, ReportTexts t)
    {
        var headers = ReportColumns.FigureKeys.SelectMany(k => ReportColumns.Cells(new ReportFigures(), k).Select(c => (c.Header, Key: k))).ToList();
        Row(csv, [groupHeader, .. headers.Select(h => h.Header)]);
        Row(csv, [groupLabel, .. headers.Select(h => h.Header.StartsWith(h.Key + "-", StringComparison.Ordinal) && h.Key == "redress"
            ? $"{t.Figures[h.Key]} ({h.Header[(h.Key.Length + 1)..]})"
            : t.Figures[h.Key])]);
        foreach (var (key, figures) in rows)
        {
            Row(csv, [key, .. ReportColumns.FigureKeys.SelectMany(k => ReportColumns.Cells(figures, k).Select(c => c.Cell))]);
        }
    }

    static void Row(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    static string Quote(string cell)
    {
        // A note starting like a formula would run as one in a spreadsheet: kept as text.
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
