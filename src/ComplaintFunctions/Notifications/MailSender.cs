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
/// Sends through SendGrid, at most once per mail id: a retried activity finds the mail in the
/// ledger and does not send it again. Each mail carries our signed Message-ID, so replies can
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
    /// <summary>Sends the mail unless it was sent before; returns its Message-ID.</summary>
    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var messageId = MessageIdFor(mail);
        if (await ledger.WasSentAsync(mail.CaseNumber, mail.MailId, cancellationToken))
        {
            logger.LogInformation("Mail {MailId} was already sent; not sending it again", mail.MailId);
            return messageId;
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
            throw new MailNotAcceptedException(mail.MailId, (int)response.StatusCode, detail.Length > 300 ? detail[..300] : detail);
        }

        await ledger.RecordAsync(mail, messageId, time.GetUtcNow(), cancellationToken);
        return messageId;
    }

    /// <summary><c>&lt;mailId.signature@domain&gt;</c>: the signature proves we sent it.</summary>
    public string MessageIdFor(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var local = $"{mail.MailId}.{mail.CaseNumber.Digits}";
        return $"<{local}.{signer.Sign("message-id", local, 9)}@{options.Value.MessageIdDomain}>";
    }
}
