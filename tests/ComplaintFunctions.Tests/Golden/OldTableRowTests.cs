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
}
