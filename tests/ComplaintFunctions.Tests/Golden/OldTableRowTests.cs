using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.Golden;

/// <summary>
/// Table rows in the shape version 1 wrote them (before intents were kept) still mean what they meant:
/// a used link is used, a sent mail is sent. The columns are as version 1's code wrote them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OldTableRowTests(AzuriteFixture azurite)
{
    readonly AppTables tables = new(azurite.Account);

    [Fact]
    public async Task A_link_use_version_1_wrote_is_a_finished_use()
    {
        var actionId = Guid.NewGuid();
        var number = CaseNumber.New();
        var table = await tables.GetAsync(TableNames.UsedActionLinks);
        await table.AddEntityAsync(new TableEntity(actionId.ToString("N"), "use") { ["CaseNumber"] = number.Value, ["UsedBy"] = "agent", ["UsedAt"] = DateTimeOffset.UtcNow });

        var use = await new UsedActionLinks(tables).FindUseAsync(actionId);

        Assert.NotNull(use);
        Assert.True(use.Done);
        Assert.Null(use.Intent);
    }

    [Fact]
    public async Task A_text_written_before_texts_carried_an_amount_reads_with_none()
    {
        var number = CaseNumber.New();
        var table = await tables.GetAsync(TableNames.CaseTexts);
        await table.AddEntityAsync(new TableEntity(number.Digits, "link-0123456789abcdef0123456789abcdef-text") { ["Kind"] = "agent-final", ["Text"] = "Vi bytter skjermen.", ["Author"] = "agent", ["At"] = DateTimeOffset.UtcNow });

        var text = Assert.Single(await new ComplaintFunctions.Workflow.CaseTexts(tables).ListAsync(number));

        Assert.Equal("Vi bytter skjermen.", text.Text);
        Assert.Null(text.Amount);
        Assert.Equal("link-0123456789abcdef0123456789abcdef-text", text.Reference);
    }

    [Fact]
    public async Task An_open_case_stored_before_the_open_case_list_is_listed_at_its_first_write_and_its_page_heals_it()
    {
        // The complaints row as the store wrote it before the list existed: no line on the list.
        var store = new ComplaintStore(tables);
        var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, ComplaintFunctions.Tests.Domain.Samples.Details(), DateTimeOffset.UtcNow);
        Assert.True(await store.TryCreateAsync(complaint, null));
        var index = await tables.GetAsync(TableNames.OpenCases);
        await index.DeleteEntityAsync("open", complaint.CaseNumber.Value);

        var stored = await store.GetAsync(complaint.CaseNumber);
        stored.Complaint.Apply(CaseAction.AskCustomer, DateTimeOffset.UtcNow);
        await store.UpdateAsync(stored);

        var line = await index.GetEntityIfExistsAsync<TableEntity>("open", complaint.CaseNumber.Value);
        Assert.True(line.HasValue);
        Assert.Equal("waiting-for-customer", line.Value!.GetString("Stage"));
    }

    [Fact]
    public async Task A_mail_version_1_recorded_is_sent_and_not_sent_again()
    {
        var number = CaseNumber.New();
        var table = await tables.GetAsync(TableNames.SentMail);
        await table.AddEntityAsync(new TableEntity(number.Value, $"progress-3-{number.Digits}") { ["To"] = "kunde@example.no", ["Subject"] = "S", ["MessageId"] = "<m@x>", ["SentAt"] = DateTimeOffset.UtcNow });
        var ledger = new SentMailLedger(tables);
        var mail = new OutgoingMail($"progress-3-{number.Digits}", number, "kunde@example.no", null, "S", new MailBody().Paragraph("t"));

        Assert.True(await ledger.WasSentAsync(number, mail.MailId, default));
        Assert.Equal(SendStart.SentBefore, await ledger.BeginSendAsync(mail, "<m@x>", DateTimeOffset.UtcNow, default));
    }

    [Fact]
    public async Task A_send_that_stopped_unseen_is_told_apart_from_one_SendGrid_refused()
    {
        var number = CaseNumber.New();
        var ledger = new SentMailLedger(tables);
        var mail = new OutgoingMail($"progress-4-{number.Digits}", number, "kunde@example.no", null, "S", new MailBody().Paragraph("t"));

        Assert.Equal(SendStart.First, await ledger.BeginSendAsync(mail, "<m@x>", DateTimeOffset.UtcNow, default));
        Assert.Equal(SendStart.AfterUnknownEnd, await ledger.BeginSendAsync(mail, "<m@x>", DateTimeOffset.UtcNow, default));
        await ledger.RecordRefusedAsync(mail, default);
        Assert.Equal(SendStart.AfterRefusal, await ledger.BeginSendAsync(mail, "<m@x>", DateTimeOffset.UtcNow, default));
        await ledger.RecordAsync(mail, "<m@x>", DateTimeOffset.UtcNow, default);
        Assert.Equal(SendStart.SentBefore, await ledger.BeginSendAsync(mail, "<m@x>", DateTimeOffset.UtcNow, default));
    }

    [Fact]
    public async Task A_trail_line_written_before_the_facts_column_reads_with_none_and_counts_in_a_report_by_its_kind()
    {
        var number = CaseNumber.New();
        var at = new DateTimeOffset(2009, 3, 3, 10, 0, 0, TimeSpan.Zero);
        var table = await tables.GetAsync(TableNames.CaseEvents);
        await table.AddEntityAsync(new TableEntity(number.Value, $"{at.UtcTicks:D19}-stage-GiveFinalAnswer")
        {
            ["EventId"] = "stage-GiveFinalAnswer", ["OccurredAt"] = at, ["Kind"] = "stage-changed", ["Actor"] = "agent", ["Channel"] = "link",
            ["Summary"] = "Customer service gives its final answer: customer-service → final-answer.",
        });

        var line = Assert.Single(await new CaseEventLog(tables).ReadAsync(number));
        Assert.True(line.Facts!.IsEmpty);

        var period = new ComplaintFunctions.Domain.Reports.ReportPeriod(at.AddDays(-1), at.AddDays(1));
        var old = new ComplaintFunctions.Domain.Reports.ReportCase(number.Value, ComplaintCategory.Claim, Channel.WebForm, Country.NO, null, at.AddDays(-2),
            [new ComplaintFunctions.Domain.Reports.ReportLine(line.OccurredAt, line.Kind, line.EventId, line.Actor, line.Facts)]);
        var report = ComplaintFunctions.Domain.Reports.ComplaintReport.Compute(period, [old], new ComplaintFunctions.Domain.Reports.ReportRules(TimeSpan.FromHours(8), c => new ComplaintFunctions.Domain.Service.BusinessCalendar(c)));
        Assert.Equal(1, report.All.FinalAnswers);
        Assert.Empty(report.All.Redress);
    }
}
