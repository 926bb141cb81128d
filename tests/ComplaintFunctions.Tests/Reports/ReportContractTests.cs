using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Reports;

namespace ComplaintFunctions.Tests.Reports;

/// <summary>What the reports rely on, checked where it could drift: the mail ids' kinds, and every word in both staff languages.</summary>
public class ReportContractTests
{
    [Fact]
    public void The_mail_kinds_the_reports_count_are_the_kinds_the_app_names_its_mail_ids_after()
    {
        var kinds = Enum.GetNames<MailKind>().Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        string[] counted = [ComplaintReport.Mails.Acknowledgement, ComplaintReport.Mails.SlaBreach, .. ComplaintReport.Mails.FirstResponse, .. ComplaintReport.Mails.Reminders, .. ComplaintReport.Mails.Escalations];
        Missing(counted.Where(k => !kinds.Contains(k)));
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("en")]
    public void Every_figure_row_grouping_and_channel_has_its_words_in_the_staff_language(string language)
    {
        var t = ReportTexts.For(language);
        Assert.Equal(language, t.Language);
        Missing(ReportColumns.FigureKeys.Where(k => !t.Figures.ContainsKey(k)));
        Missing(ReportColumns.SummaryRows.Where(k => !t.SummaryRows.ContainsKey(k)));
        Missing(new[] { ComplaintReport.ByCategory, ComplaintReport.ByChannel, ComplaintReport.ByManufacturer, ComplaintReport.ByCountry }.Where(k => !t.By.ContainsKey(k)));
        Missing(new[] { "email", "webform", "chat", "phone" }.Where(k => !t.Channels.ContainsKey(k)));
        Assert.All(typeof(ReportTexts).GetProperties().Where(p => p.PropertyType == typeof(string)), p => Assert.False(string.IsNullOrWhiteSpace((string?)p.GetValue(t)), p.Name));
    }

    static void Missing(IEnumerable<string> missing)
    {
        var list = missing.ToList();
        Assert.True(list.Count == 0, "Missing: " + string.Join(", ", list));
    }

    [Fact]
    public void A_routine_note_that_starts_like_a_formula_stays_text_in_the_csv()
    {
        var period = new ReportPeriod(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
        var report = ComplaintReport.Compute(period, [], new ReportRules(TimeSpan.FromHours(8), c => new ComplaintFunctions.Domain.Service.BusinessCalendar(c)),
            [new RoutineNote("K-1234-5678-901", DateTimeOffset.UnixEpoch.AddHours(1), "=HYPERLINK(\"http://x\",\"click\")")]);

        var csv = ReportCsv.Write(report, "routine-notes", ReportTexts.For("en"));

        Assert.Equal("case,at,note\r\nK-1234-5678-901,1970-01-01T01:00:00Z,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"\r\n", csv);
    }
}
