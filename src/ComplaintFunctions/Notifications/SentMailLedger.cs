using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Notifications;

/// <summary>Which of a case's mails have gone out (partition = case, row = mail id).</summary>
public sealed class SentMailLedger(AppTables tables)
{
    public async Task<bool> WasSentAsync(CaseNumber caseNumber, string mailId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SentMail);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseNumber.Value, mailId, cancellationToken: cancellationToken);
        return row.HasValue;
    }

    public async Task RecordAsync(OutgoingMail mail, string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.SentMail);
        var entity = new TableEntity(mail.CaseNumber.Value, mail.MailId)
        {
            ["To"] = mail.To,
            ["Subject"] = mail.Subject,
            ["MessageId"] = messageId,
            ["SentAt"] = at,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by an earlier attempt of the same send.
        }
    }
}
