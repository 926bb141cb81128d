using ComplaintFunctions.Links;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace ComplaintFunctions.Notifications;

/// <summary>A mail SendGrid did not take; the activity fails and the orchestration's retry policy tries again.</summary>
public sealed class MailNotAcceptedException(string mailId, int status, string detail)
    : Exception($"SendGrid did not accept mail {mailId}: HTTP {status}. {detail}")
{
    public int Status { get; } = status;
}

/// <summary>
/// Sends through SendGrid, once per mail id: the intent is recorded before the send and the send
/// after it, so a retried activity finds a sent mail in the ledger and does not send it again. One
/// window remains, and SendGrid's API has no idempotency key to close it: SendGrid took the mail but
/// the activity stopped before recording it. The retry then sends it again under the same identity
/// (the same signed Message-ID, the same <c>mailId</c> custom argument), so the two are one mail to
/// mail systems that drop a repeated Message-ID, and to anyone reading SendGrid's activity by mail id;
/// the ledger knows the attempt ended unseen and the log says so. Each mail's Message-ID is signed, so replies can
/// be matched to their case and not forged.
/// </summary>
public sealed class MailSender(
    ISendGridClient sendGrid,
    SentMailLedger ledger,
    LinkSigner signer,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<MailSender> logger)
{
    /// <summary>Sends the mail unless it was sent (or held) before; returns its Message-ID.</summary>
    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var messageId = MessageIdFor(mail);
        var start = await ledger.BeginSendAsync(mail, messageId, time.GetUtcNow(), cancellationToken);
        if (start is not (SendStart.SentBefore or SendStart.HeldBefore))
        {
            await DeliverAsync(mail, messageId, start, cancellationToken);
            await ledger.RecordAsync(mail, messageId, time.GetUtcNow(), cancellationToken);
        }

        return messageId;
    }

    /// <summary>
    /// Hands a mail whose intent the ledger holds (<paramref name="start"/> as the ledger said) to SendGrid;
    /// the caller records it sent. Throws <see cref="MailNotAcceptedException"/>, with the ledger told, when
    /// SendGrid did not take it.
    /// </summary>
    public async Task DeliverAsync(OutgoingMail mail, string messageId, SendStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (start == SendStart.AfterUnknownEnd)
        {
            logger.LogWarning("Mail {MailId}: an earlier attempt stopped while sending it and may have reached SendGrid; sending again under the same Message-ID", mail.MailId);
        }

        var o = options.Value;
        var message = new SendGridMessage
        {
            From = string.IsNullOrWhiteSpace(mail.From) ? new EmailAddress(o.From, o.FromName) : new EmailAddress(mail.From, mail.FromName),
            Subject = mail.Subject,
            PlainTextContent = mail.Body.Text,
            HtmlContent = mail.Body.Html,
        };
        message.AddTo(new EmailAddress(mail.To, mail.ToName));
        message.AddHeader("Message-ID", messageId);
        message.AddCustomArg("caseNumber", mail.CaseNumber.Value);
        message.AddCustomArg("mailId", mail.MailId);

        var response = await sendGrid.SendEmailAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Body.ReadAsStringAsync(cancellationToken);
            await ledger.RecordRefusedAsync(mail, cancellationToken);
            throw new MailNotAcceptedException(mail.MailId, (int)response.StatusCode, detail.Length > 300 ? detail[..300] : detail);
        }
    }

    /// <summary><c>&lt;mailId.signature@domain&gt;</c>: the signature proves we sent it.</summary>
    public string MessageIdFor(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var local = $"{mail.MailId}.{mail.CaseNumber.Digits}";
        return $"<{local}.{signer.Sign("message-id", local, 9)}@{options.Value.MessageIdDomain}>";
    }
}
