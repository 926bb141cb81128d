using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Reports;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.Reports;

/// <summary>
/// A month of cases with known outcomes, stored as the app stores them (the case rows through the store, the
/// trail lines with the kinds, ids and facts the activities write), read back and counted: every figure is
/// checked. February 2011, so no other test's cases fall into it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class MonthReportTests(AzuriteFixture azurite)
{
    static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    static readonly ReportPeriod February = ReportPeriod.Of(new DateOnly(2011, 2, 1), new DateOnly(2011, 2, 28), Oslo);
    static readonly ReportRules Rules = new(TimeSpan.FromHours(8), country => new BusinessCalendar(country));

    readonly AppTables tables = new(azurite.Account);

    static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(month == 12 ? 2010 : 2011, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public async Task A_month_of_cases_gives_every_figure_and_erasing_their_personal_data_changes_none()
    {
        var month = await SeedFebruaryAsync();
        var report = await ReportAsync();

        var all = report.All;
        Assert.Equal(3, all.Received);                                     // A, B, F; not the duplicate E, not H (1 March in Oslo)
        Assert.Equal(3, all.Acknowledged);
        Assert.Equal(TimeSpan.FromSeconds(5), all.MedianToAcknowledge);   // 5 s, 60 s, 2 s
        Assert.Equal(2, all.FirstResponses);                               // A after 3 business hours, B after 8.5
        Assert.Equal(1, all.FirstResponsesWithinTarget);
        Assert.Equal(0.5, all.WithinTargetShare);
        Assert.Equal(TimeSpan.FromHours(5.75), all.MedianToFirstResponse);
        Assert.Equal(3, all.Resolved);                                     // A, C, D; B was withdrawn
        Assert.Equal(TimeSpan.FromDays(41), all.MedianToResolve);         // 4 d 1 h, 41 d, 73 d
        Assert.Equal(1, all.SlaBreaches);
        Assert.Equal(2, all.Reminders);
        Assert.Equal(1, all.Escalations);
        Assert.Equal(1, all.FinalAnswers);
        Assert.Equal(1, all.FinalAnswersAccepted);
        Assert.Equal(1, all.FinalAnswersTakenFurther);
        Assert.Equal((0, 1, 0), (all.OmbudsmanUpheld, all.OmbudsmanOverturned, all.OmbudsmanPartlySettled));
        Assert.Equal(0, all.ReferredToBody);                               // D went in January
        Assert.Equal((1, 0), (all.BodyFoundForCustomer, all.BodyFoundForRetailer));
        Assert.Equal((1, 1), (all.Complied, all.CompliedOnTime));
        Assert.Equal(1, all.Withdrawn);
        Assert.Equal(1, all.Merged);
        Assert.Equal((1, 1), (all.SurveysSent, all.SurveysAnswered));
        Assert.Equal(4.0, all.AverageScore);
        Assert.Equal(new Dictionary<string, decimal> { ["NOK"] = 3500m }, all.Redress);

        var summary = report.Summary;
        Assert.Equal(2, summary.OutstandingAtStart);                      // C and D; F opened at 00:30 on 1 February in Oslo
        Assert.Equal(3, summary.Opened);
        Assert.Equal((2, 1, 1), (summary.ClosedWithinFourWeeks, summary.ClosedFourToEightWeeks, summary.ClosedAfterEightWeeks));
        Assert.Equal(3, summary.Upheld);                                   // A (redress), C (overturned), D (body for the customer)
        Assert.Equal(new Dictionary<string, decimal> { ["NOK"] = 3500m }, summary.RedressPaid);
        Assert.Equal(1, summary.OutstandingAtEnd);                        // F

        var byCategory = report.Groupings.Single(g => g.Dimension == ComplaintReport.ByCategory).Rows.ToDictionary(r => r.Key, r => r.Figures);
        Assert.Equal(["claim", "delivery", "doa", "support", "warranty"], byCategory.Keys.Order());
        Assert.Equal(1, byCategory["claim"].Received);                    // A counts as the claim it was corrected to, not the support it was opened as
        Assert.Equal(2, byCategory["claim"].Resolved);                    // A and D
        Assert.Equal((0, 1), (byCategory["support"].Received, byCategory["support"].Merged));
        var byCountry = report.Groupings.Single(g => g.Dimension == ComplaintReport.ByCountry).Rows.ToDictionary(r => r.Key, r => r.Figures);
        Assert.Equal((1, 1, 1), (byCountry["SE"].Received, byCountry["SE"].Withdrawn, byCountry["SE"].SlaBreaches));
        var byManufacturer = report.Groupings.Single(g => g.Dimension == ComplaintReport.ByManufacturer).Rows.ToDictionary(r => r.Key, r => r.Figures);
        Assert.Equal(2, byManufacturer["Lenovo"].Received);               // A and F
        Assert.Equal([0, 0, 0, 1, 0], report.ScoreCounts);
        Assert.Equal([month.C], report.RoutineNotes.Select(n => n.CaseNumber));

        var before = Everything(report);
        await EraseAsIfByRetentionAsync(month.All);
        var after = await ReportAsync();
        Assert.Equal(before, Everything(after));
    }

    async Task<ComplaintReport> ReportAsync()
    {
        var (cases, notes) = await new ReportReader(tables).ReadAsync(February, CancellationToken.None);
        return ComplaintReport.Compute(February, cases, Rules, notes);
    }

    /// <summary>Every table of the report as its CSV file: equal files, equal figures.</summary>
    static string Everything(ComplaintReport report) =>
        string.Join("\n", ReportFunctions.Tables.Select(t => ReportCsv.Write(report, t, ReportTexts.For("en"))));

    sealed record Month(string A, string C, IReadOnlyList<CaseNumber> All);

    async Task<Month> SeedFebruaryAsync()
    {
        var store = new ComplaintStore(tables);
        var trail = new CaseEventLog(tables);
        var numbers = new List<CaseNumber>();

        async Task<CaseNumber> CaseAsync(Channel channel, ComplaintCategory category, Country country, string? manufacturer, DateTimeOffset opened,
            params (CaseAction Action, DateTimeOffset At, TrailFacts? Facts)[] steps)
        {
            var number = CaseNumber.New();
            numbers.Add(number);
            var details = new ComplaintDetails(
                new Customer("Kari Nordmann", $"kari.{number.Digits}@example.no", "+47 912 34 567", "nb", country),
                new Purchase("100-2345", "UltraView 27\" monitor", manufacturer, new DateOnly(2010, 10, 1), new DateOnly(2010, 10, 3)),
                category,
                "Skjermen var død ved levering.");
            var complaint = Complaint.Open(number, channel, details, opened);
            var lines = new List<CaseEvent> { new(number, "opened", opened, "opened", "customer", channel.ToWire(), "Kari Nordmann wrote: Skjermen var død.") };
            foreach (var (action, at, facts) in steps)
            {
                Assert.True(complaint.Apply(action, at).Allowed, $"{action} at {complaint.Stage}");
                lines.Add(new CaseEvent(number, $"stage-{action}", at, "stage-changed", "agent:Ola Hansen", "console", $"{action} for Kari Nordmann.", facts));
            }

            Assert.True(await store.TryCreateAsync(complaint, $"key-{number.Digits}"));
            await trail.AppendAllAsync(lines);
            return number;
        }

        async Task LinesAsync(CaseNumber number, params (string Kind, string EventId, DateTimeOffset At, TrailFacts? Facts)[] lines) =>
            await trail.AppendAllAsync(lines.Select(l => new CaseEvent(number, l.EventId, l.At, l.Kind, "system", "email", $"To kari.{number.Digits}@example.no", l.Facts)).ToList());

        static (string, string, DateTimeOffset, TrailFacts?) Mail(string kind, int sequence, CaseNumber number, DateTimeOffset at) => ("mail-sent", $"{kind}-{sequence}-{number.Digits}", at, null);

        var nok1000 = TrailFacts.Of((FactKeys.Amount, "1000"), (FactKeys.Currency, "NOK"));

        // A: opened as support by a word in the mail, corrected to a claim; answered in 3 business hours; a final answer of 1,000 kr accepted; a survey answered 4.
        var a = await CaseAsync(Channel.WebForm, ComplaintCategory.Claim, Country.NO, "Lenovo", Utc(2, 1, 9),
            (CaseAction.GiveFinalAnswer, Utc(2, 3, 10), nok1000), (CaseAction.AcceptFinalAnswer, Utc(2, 5, 10), null));
        await LinesAsync(a, Mail("acknowledgement", 1, a, Utc(2, 1, 9, 0, 5)), Mail("agentanswer", 2, a, Utc(2, 1, 12)), Mail("finalanswer", 3, a, Utc(2, 3, 10)),
            ("corrected", "corrected-1", Utc(2, 1, 10), TrailFacts.Of((FactKeys.Category, "claim"))),
            ("mail-sent", $"closedaccepted-5-{a.Digits}", Utc(2, 5, 10, 1), TrailFacts.Of((FactKeys.Survey, "yes"))), ("satisfaction", "satisfaction", Utc(2, 6, 8), TrailFacts.Of((FactKeys.Score, "4"))));

        // B (Sweden, by mail): a DOA answered after 8.5 business hours, reminded and escalated, then withdrawn.
        var b = await CaseAsync(Channel.Email, ComplaintCategory.Doa, Country.SE, "Samsung", Utc(2, 2, 14), (CaseAction.Withdraw, Utc(2, 10, 9), null));
        await LinesAsync(b, Mail("acknowledgement", 1, b, Utc(2, 2, 14, 1)), Mail("staffreminder", 2, b, Utc(2, 3, 10)), Mail("staffescalation", 3, b, Utc(2, 3, 14)),
            Mail("agentquestion", 4, b, Utc(2, 3, 14, 30)));

        // C: opened in January, final answer then; taken to the ombudsman on 1 February, overturned with 2,500 kr, accepted on the 20th.
        var c = await CaseAsync(Channel.Phone, ComplaintCategory.Warranty, Country.NO, "Lenovo", Utc(1, 10, 9),
            (CaseAction.GiveFinalAnswer, Utc(1, 20, 9), null), (CaseAction.RequestOmbudsmanReview, Utc(2, 1, 9), null),
            (CaseAction.RecordOmbudsmanDecision, Utc(2, 15, 9), null), (CaseAction.AcceptOmbudsmanDecision, Utc(2, 20, 9), null));
        await LinesAsync(c, Mail("acknowledgement", 1, c, Utc(1, 10, 9, 0, 1)), Mail("ombudsmanreminder", 5, c, Utc(2, 10, 9)),
            ("ombudsman-decision", "ombudsman-decision", Utc(2, 15, 9), TrailFacts.Of((FactKeys.Outcome, "overturned"), (FactKeys.Amount, "2500"))));
        var notes = await tables.GetAsync(TableNames.RoutineNotes);
        await notes.UpsertEntityAsync(new TableEntity("2011-02", c.Digits) { ["CaseNumber"] = c.Value, ["Note"] = "Warranty cases are answered without reading the terms.", ["At"] = Utc(2, 15, 9) });

        // D (Denmark): with the external body since January; found for the customer on 8 February, followed on time on the 12th.
        var d = await CaseAsync(Channel.WebForm, ComplaintCategory.Claim, Country.DK, "Apple", Utc(12, 1, 9),
            (CaseAction.GiveFinalAnswer, Utc(12, 10, 9), null), (CaseAction.RequestOmbudsmanReview, Utc(12, 15, 9), null),
            (CaseAction.RecordOmbudsmanDecision, Utc(12, 28, 9), null), (CaseAction.TakeToExternalBody, Utc(1, 5, 9), null),
            (CaseAction.RecordBodyOutcome, Utc(2, 8, 9), TrailFacts.Of((FactKeys.Finding, "customer"))),
            (CaseAction.ConfirmCompliance, Utc(2, 12, 9), TrailFacts.Of((FactKeys.OnTime, "yes"))));
        await LinesAsync(d, ("ombudsman-decision", "ombudsman-decision", Utc(12, 28, 9), TrailFacts.Of((FactKeys.Outcome, "upheld"))));

        // E: the same customer's second mail, merged into A.
        var e = await CaseAsync(Channel.Email, ComplaintCategory.Support, Country.NO, null, Utc(2, 20, 10), (CaseAction.MergeIntoCase, Utc(2, 21, 10), TrailFacts.Of((FactKeys.Into, a.Digits))));
        await LinesAsync(e, Mail("acknowledgement", 1, e, Utc(2, 20, 10, 0, 3)));

        // F (Finland, chat): opened at 00:30 on 1 February in Oslo (still January in UTC); not answered yet.
        var f = await CaseAsync(Channel.Chat, ComplaintCategory.Delivery, Country.FI, "Lenovo", new DateTimeOffset(2011, 1, 31, 23, 30, 0, TimeSpan.Zero));
        await LinesAsync(f, Mail("acknowledgement", 1, f, new DateTimeOffset(2011, 1, 31, 23, 30, 2, TimeSpan.Zero)));

        // G: closed for good in January; H: opened at 00:30 on 1 March in Oslo. Neither counts.
        await CaseAsync(Channel.WebForm, ComplaintCategory.Claim, Country.NO, "Acme", Utc(1, 5, 9), (CaseAction.GiveFinalAnswer, Utc(1, 10, 9), nok1000), (CaseAction.AcceptFinalAnswer, Utc(1, 25, 9), null));
        await CaseAsync(Channel.WebForm, ComplaintCategory.Claim, Country.NO, "Acme", new DateTimeOffset(2011, 2, 28, 23, 30, 0, TimeSpan.Zero));

        return new Month(a.Value, c.Value, numbers);
    }

    /// <summary>What erasure does to what the reports read: the summaries and the customer's columns blanked, kinds, ids and facts kept.</summary>
    async Task EraseAsIfByRetentionAsync(IReadOnlyList<CaseNumber> numbers)
    {
        var complaints = await tables.GetAsync(TableNames.Complaints);
        var trail = await tables.GetAsync(TableNames.CaseEvents);
        foreach (var number in numbers)
        {
            await complaints.UpdateEntityAsync(
                new TableEntity(number.Value, "case") { ["CustomerName"] = string.Empty, ["CustomerEmail"] = string.Empty, ["CustomerPhone"] = string.Empty, ["Description"] = string.Empty, ["OrderNumber"] = string.Empty, ["Product"] = string.Empty },
                Azure.ETag.All, TableUpdateMode.Merge);
            await foreach (var line in trail.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {number.Value}")))
            {
                await trail.UpdateEntityAsync(new TableEntity(line.PartitionKey, line.RowKey) { ["Summary"] = "erased" }, Azure.ETag.All, TableUpdateMode.Merge);
            }
        }
    }
}
