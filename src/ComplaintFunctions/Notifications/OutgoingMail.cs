using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Notifications;

/// <summary>
/// A mail ready to send. <paramref name="MailId"/> is stable for one logical mail (e.g. the
/// acknowledgement of one case), so sending it twice sends it once.
/// </summary>
public sealed record OutgoingMail(string MailId, CaseNumber CaseNumber, string To, string? ToName, string Subject, MailBody Body);
