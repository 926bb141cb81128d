using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Notifications;

/// <summary>The mails a customer gets, in their language (nb, sv, da, fi, en), case token in the subject so replies thread.</summary>
public sealed class CustomerMails(StatusLinks statusLinks, IOptions<MailOptions> options)
{
    public OutgoingMail Acknowledgement(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var t = CustomerTexts.For(complaint.Details.Customer.Language);
        var o = options.Value;
        var body = new MailBody()
            .Paragraph(t.Greeting(complaint.Details.Customer.Name))
            .Paragraph(t.Received(complaint.CaseNumber.Value))
            .Paragraph(t.WhatHappensNext)
            .Paragraph(t.StatusLink(statusLinks.UrlFor(complaint.CaseNumber)))
            .Paragraph(t.HowToReachUs(o.CustomerServicePhone, o.CustomerServiceEmail))
            .Paragraph(t.SignOff);
        return Mail(complaint, "ack", $"{t.AcknowledgementSubject} [{complaint.CaseNumber.Value}]", body);
    }

    /// <param name="sequence">Which progress mail of the case this is, so each gets its own id.</param>
    public OutgoingMail Progress(Complaint complaint, int sequence)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var t = CustomerTexts.For(complaint.Details.Customer.Language);
        var o = options.Value;
        var body = new MailBody()
            .Paragraph(t.Greeting(complaint.Details.Customer.Name))
            .Paragraph(t.StillWorking(complaint.CaseNumber.Value))
            .Paragraph(t.WhatHappensNext)
            .Paragraph(t.StatusLink(statusLinks.UrlFor(complaint.CaseNumber)))
            .Paragraph(t.HowToReachUs(o.CustomerServicePhone, o.CustomerServiceEmail))
            .Paragraph(t.SignOff);
        return Mail(complaint, $"progress-{sequence}", $"{t.ProgressSubject} [{complaint.CaseNumber.Value}]", body);
    }

    static OutgoingMail Mail(Complaint complaint, string kind, string subject, MailBody body) =>
        new($"{kind}-{complaint.CaseNumber.Digits}", complaint.CaseNumber, complaint.Details.Customer.Email, complaint.Details.Customer.Name, subject, body);
}
