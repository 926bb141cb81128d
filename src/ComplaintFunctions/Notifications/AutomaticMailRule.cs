using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Notifications;

/// <summary>Whether a mail to the customer counts against <see cref="AutomaticMailCap"/>.</summary>
public enum CapDecision
{
    /// <summary>Not automatic in the cap's sense: sent, not counted.</summary>
    NotCapped,

    /// <summary>Counted; held once the address has had the day's maximum.</summary>
    Capped,
}

/// <summary>
/// The cap is there against mail loops: an auto-responder that slips past the noise rules opens a case
/// by mail, gets our acknowledgement, answers it, and so on. Only what could feed such a loop is
/// capped: progress mails, and the acknowledgement of a case opened by mail (the one answer an
/// automatic mail can get). A case a person opened on the form, over the API or through an agent
/// always gets its acknowledgement, so the customer has a case number, however often they wrote in today.
/// </summary>
public static class AutomaticMailRule
{
    public static CapDecision For(MailKind kind, Channel channel) => kind switch
    {
        MailKind.Progress => CapDecision.Capped,
        MailKind.Acknowledgement when channel == Channel.Email => CapDecision.Capped,
        _ => CapDecision.NotCapped,
    };
}
