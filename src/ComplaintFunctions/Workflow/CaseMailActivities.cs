using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Storage;
using Microsoft.Azure.Functions.Worker;

namespace ComplaintFunctions.Workflow;

/// <param name="RequestedAt">The orchestration's time when it asked; makes the audit line the same on every retry.</param>
public sealed record CaseMailRequest(string CaseNumber, DateTime RequestedAt, int Sequence);

/// <summary>Mails to the customer. Safe to run twice: the mail id is stable and the sender skips what was sent.</summary>
public sealed class CaseMailActivities(ComplaintStore complaints, CustomerMails mails, MailSender sender, CaseEventLog auditTrail, SentMailLedger sentMail, AutomaticMailCap cap)
{
    public const string SendAcknowledgement = nameof(SendAcknowledgementAsync);
    public const string SendProgressUpdate = nameof(SendProgressUpdateAsync);

    [Function(SendAcknowledgement)]
    public async Task SendAcknowledgementAsync([ActivityTrigger] CaseMailRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await complaints.GetAsync(CaseNumber.Parse(request.CaseNumber));
        await SendAndRecordAsync(mails.Acknowledgement(stored.Complaint), request, "acknowledged", "Acknowledgement mailed to the customer");
    }

    [Function(SendProgressUpdate)]
    public async Task SendProgressUpdateAsync([ActivityTrigger] CaseMailRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await complaints.GetAsync(CaseNumber.Parse(request.CaseNumber));
        if (!stored.Complaint.IsOpen)
        {
            return;
        }

        await SendAndRecordAsync(mails.Progress(stored.Complaint, request.Sequence), request, "progress-mailed", "Progress update mailed to the customer");
    }

    async Task SendAndRecordAsync(OutgoingMail mail, CaseMailRequest request, string kind, string summary)
    {
        var at = new DateTimeOffset(request.RequestedAt, TimeSpan.Zero);
        if (!await sentMail.WasSentAsync(mail.CaseNumber, mail.MailId, CancellationToken.None) && !await cap.TryTakeAsync(mail.To, CancellationToken.None))
        {
            await auditTrail.AppendAsync(new CaseEvent(
                mail.CaseNumber, mail.MailId, at, "mail-held", "system", "email", $"{summary}: not sent, {mail.To} has had the day's maximum of automatic mails."));
            return;
        }

        await sender.SendAsync(mail);
        await auditTrail.AppendAsync(new CaseEvent(mail.CaseNumber, mail.MailId, at, kind, "system", "email", $"{summary} ({mail.To})."));
    }
}
