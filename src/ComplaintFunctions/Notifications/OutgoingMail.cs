using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Notifications;

/// <summary>
/// A mail ready to send. <paramref name="MailId"/> is stable for one logical mail (e.g. the
/// acknowledgement of one case), so sending it twice sends it once. <paramref name="From"/> and
/// <paramref name="FromName"/> are for a mail sent by someone else than customer service (the
/// customer ombudsman); left out, the mail comes from <c>Mail:From</c> / <c>Mail:FromName</c>.
/// </summary>
public sealed record OutgoingMail(string MailId, CaseNumber CaseNumber, string To, string? ToName, string Subject, MailBody Body, string? From = null, string? FromName = null);
