using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Notifications;

/// <summary>
/// Which of a case's mails have gone out (partition = case, row = mail id). A row is written as the
/// intent to send before the mail goes to SendGrid, and marked sent once SendGrid took it.
/// </summary>
public sealed class SentMailLedger(AppTables tables)
{
    const string Sending = "sending";
    const string Sent = "sent";
    const string Refused = "refused";

    public async Task<bool> WasSentAsync(CaseNumber caseNumber, string mailId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SentMail);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseNumber.Value, mailId, cancellationToken: cancellationToken);
        // Rows written before intents were kept have no state: those mails were sent.
        return row.HasValue && row.Value is { } entity && (entity.GetString("State") ?? Sent) == Sent;
    }

    /// <summary>
    /// Records that the mail is about to go out, in one insert on a first attempt. Says whether it was
    /// sent before (do not send), or whether an earlier attempt was about to send it and nothing is known
    /// of how that ended (it may have reached SendGrid).
    /// </summary>
    public async Task<SendStart> BeginSendAsync(OutgoingMail mail, string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SentMail);
        for (var tries = 0; ; tries++)
        {
            try
            {
                await table.AddEntityAsync(
                    new TableEntity(mail.CaseNumber.Value, mail.MailId) { ["To"] = mail.To, ["Subject"] = mail.Subject, ["MessageId"] = messageId, ["State"] = Sending, ["Attempts"] = 1, ["FirstAttemptAt"] = at },
                    cancellationToken);
                return SendStart.First;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // An earlier attempt wrote the row: see how far it got.
            }

            var row = (await table.GetEntityAsync<TableEntity>(mail.CaseNumber.Value, mail.MailId, cancellationToken: cancellationToken)).Value;
            // Rows written before intents were kept have no state: those mails were sent.
            var state = row.GetString("State") ?? Sent;
            if (state == Sent)
            {
                return SendStart.SentBefore;
            }

            try
            {
                await table.UpdateEntityAsync(new TableEntity(mail.CaseNumber.Value, mail.MailId) { ["Attempts"] = (row.GetInt32("Attempts") ?? 1) + 1, ["State"] = Sending }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                return state == Sending ? SendStart.AfterUnknownEnd : SendStart.AfterRefusal;
            }
            catch (RequestFailedException e) when (e.Status == 412 && tries < 3)
            {
                // Another attempt wrote meanwhile: read again.
            }
        }
    }

    /// <summary>SendGrid refused the mail: the next attempt knows this one did not go out.</summary>
    public async Task RecordRefusedAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SentMail);
        await table.UpsertEntityAsync(new TableEntity(mail.CaseNumber.Value, mail.MailId) { ["State"] = Refused }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task RecordAsync(OutgoingMail mail, string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SentMail);
        await table.UpsertEntityAsync(
            new TableEntity(mail.CaseNumber.Value, mail.MailId) { ["To"] = mail.To, ["Subject"] = mail.Subject, ["MessageId"] = messageId, ["State"] = Sent, ["SentAt"] = at },
            TableUpdateMode.Merge,
            cancellationToken);
    }
}

/// <summary>Where a send starts, as the ledger knows it.</summary>
public enum SendStart
{
    First,
    SentBefore,

    /// <summary>An earlier attempt stopped while sending: it may have reached SendGrid.</summary>
    AfterUnknownEnd,

    /// <summary>SendGrid refused the earlier attempt: it did not go out.</summary>
    AfterRefusal,
}
