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
    const string Held = "held";

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
                await table.AddEntityAsync(Intent(mail, messageId, at), cancellationToken);
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

            if (state == Held)
            {
                return SendStart.HeldBefore;
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

    /// <summary>
    /// <see cref="BeginSendAsync"/> for several mails of one case: their intents in one table transaction
    /// on a first attempt (one request). When one is there already (a retried activity), each is begun on
    /// its own, so each says how far the earlier attempt got.
    /// </summary>
    public async Task<IReadOnlyList<SendStart>> BeginSendAllAsync(IReadOnlyList<(OutgoingMail Mail, string MessageId)> mails, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mails);
        if (mails.Count > 1 && mails.Select(m => m.Mail.CaseNumber).Distinct().Count() == 1 && mails.Select(m => m.Mail.MailId).Distinct(StringComparer.Ordinal).Count() == mails.Count)
        {
            var table = await tables.GetAsync(TableNames.SentMail);
            try
            {
                await table.SubmitTransactionAsync(
                    mails.Select(m => new TableTransactionAction(TableTransactionActionType.Add, Intent(m.Mail, m.MessageId, at))),
                    cancellationToken);
                return mails.Select(_ => SendStart.First).ToList();
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // An earlier attempt wrote some: see how far each got.
            }
        }

        var starts = new List<SendStart>(mails.Count);
        foreach (var (mail, messageId) in mails)
        {
            starts.Add(await BeginSendAsync(mail, messageId, at, cancellationToken));
        }

        return starts;
    }

    /// <summary>The mails SendGrid took, marked sent in one table transaction (one request).</summary>
    public async Task RecordAllAsync(IReadOnlyList<(OutgoingMail Mail, string MessageId)> mails, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mails);
        if (mails.Count == 0)
        {
            return;
        }

        if (mails.Count == 1)
        {
            await RecordAsync(mails[0].Mail, mails[0].MessageId, at, cancellationToken);
            return;
        }

        var table = await tables.GetAsync(TableNames.SentMail);
        await table.SubmitTransactionAsync(
            mails.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertMerge, SentRow(m.Mail, m.MessageId, at))),
            cancellationToken);
    }

    /// <summary>
    /// The mail was not sent and will not be: the recipient has had the day's maximum of automatic mails.
    /// A retried activity finds it held and holds it again, whatever the count is by then.
    /// </summary>
    public async Task RecordHeldAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var table = await tables.GetAsync(TableNames.SentMail);
        await table.UpsertEntityAsync(new TableEntity(mail.CaseNumber.Value, mail.MailId) { ["State"] = Held }, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Mails whose intents were written but that were not tried (an earlier one of the group failed): known not sent.</summary>
    public async Task RecordNotTriedAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mails);
        foreach (var mail in mails)
        {
            await RecordRefusedAsync(mail, cancellationToken);
        }
    }

    static TableEntity Intent(OutgoingMail mail, string messageId, DateTimeOffset at) =>
        new(mail.CaseNumber.Value, mail.MailId) { ["To"] = mail.To, ["Subject"] = mail.Subject, ["MessageId"] = messageId, ["State"] = Sending, ["Attempts"] = 1, ["FirstAttemptAt"] = at };

    static TableEntity SentRow(OutgoingMail mail, string messageId, DateTimeOffset at) =>
        new(mail.CaseNumber.Value, mail.MailId) { ["To"] = mail.To, ["Subject"] = mail.Subject, ["MessageId"] = messageId, ["State"] = Sent, ["SentAt"] = at };

    /// <summary>SendGrid refused the mail: the next attempt knows this one did not go out.</summary>
    public async Task RecordRefusedAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SentMail);
        await table.UpsertEntityAsync(new TableEntity(mail.CaseNumber.Value, mail.MailId) { ["State"] = Refused }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task RecordAsync(OutgoingMail mail, string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SentMail);
        await table.UpsertEntityAsync(SentRow(mail, messageId, at), TableUpdateMode.Merge, cancellationToken);
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

    /// <summary>An earlier attempt held it (the recipient's daily maximum of automatic mails): it is not sent.</summary>
    HeldBefore,
}
