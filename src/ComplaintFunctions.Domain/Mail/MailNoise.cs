namespace ComplaintFunctions.Domain.Mail;

/// <summary>Whether a mail may get an automatic answer, and if not, every reason why.</summary>
public sealed record MailNoiseVerdict(IReadOnlyList<string> Reasons)
{
    public static MailNoiseVerdict Person { get; } = new([]);

    /// <summary>True when we must never answer the mail automatically (keep it, do not reply).</summary>
    public bool IsNoise => Reasons.Count > 0;

    /// <summary>The reasons in one sentence for logs and the case history; empty for a person's mail.</summary>
    public string Reason => string.Join("; ", Reasons);
}

/// <summary>
/// Recognises mail that a machine sent (auto-replies, bounces, mailing lists), so that we never
/// answer it automatically: answering an auto-reply with an acknowledgement starts a mail loop,
/// and answering a bounce or a list spams people who did not write to us.
/// </summary>
public static class MailNoise
{
    static readonly string[] AutoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"];
    static readonly string[] MachineSenders = ["mailer-daemon", "mailerdaemon", "postmaster"];

    // The addresses list software writes from (Mailman's listname-request and listname-bounces).
    static readonly string[] ListSoftwareSuffixes = ["-request", "-bounces"];

    // Parts only a mail system writes: delivery and read reports, the headers of a returned mail.
    static readonly string[] ReportPartTypes =
    [
        "message/delivery-status", "message/global-delivery-status", "message/disposition-notification",
        "message/global-disposition-notification", "message/feedback-report", "text/rfc822-headers",
    ];

    // Subjects of bounces as mail systems word them (Postfix, Exim, qmail, Sendmail, Gmail, Exchange in the five languages).
    static readonly string[] BounceSubjects =
    [
        "undelivered mail returned to sender", "undeliverable:", "undeliverable mail", "delivery status notification",
        "mail delivery failed", "returned mail:", "failure notice", "delivery failure", "delivery has failed",
        "mail system error", "non remis", "unzustellbar", "kan ikke leveres", "ikke levert:", "olevererbart",
        "kunne inte levereras", "kan ikke afleveres", "ikke leveret:", "ei voitu toimittaa", "toimittamaton",
    ];

    // What only a delivery report's text says (a customer's "the parcel could not be delivered" does not count).
    static readonly string[] BounceTexts =
    [
        "final-recipient:", "diagnostic-code:", "this is the mail system at host", "mail delivery subsystem",
        "your message could not be delivered", "message could not be delivered to", "delivery to the following recipient",
        "recipient address rejected", "smtp; 550", "550 5.1.1", "554 5.", "552 5.", "remote server returned",
    ];

    public static MailNoiseVerdict Classify(InboundMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var reasons = new List<string>();
        var headers = mail.Headers;

        var autoSubmitted = headers["Auto-Submitted"];
        if (autoSubmitted is not null)
        {
            var keyword = FirstToken(autoSubmitted);
            if (!keyword.Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add($"sent automatically (Auto-Submitted: {Shorten(autoSubmitted)})");
            }
        }

        var precedence = headers["Precedence"];
        if (precedence is not null && FirstToken(precedence).ToLowerInvariant() is "bulk" or "junk" or "list")
        {
            reasons.Add($"bulk or list mail (Precedence: {Shorten(precedence)})");
        }

        foreach (var name in AutoReplyHeaders)
        {
            if (headers.Contains(name))
            {
                reasons.Add($"an automatic reply ({name} header present)");
            }
        }

        var listId = headers["List-Id"];
        if (listId is not null)
        {
            reasons.Add($"sent to a mailing list (List-Id: {Shorten(listId)})");
        }

        if (mail.ReturnPath is { Length: 0 })
        {
            reasons.Add("empty return path (<>), as delivery reports have");
        }

        var mailman = headers["X-Mailman-Version"];
        if (mailman is not null)
        {
            reasons.Add($"sent by mailing-list software (X-Mailman-Version: {Shorten(mailman)})");
        }

        var senders = Senders(mail).ToList();
        if (senders.FirstOrDefault(a => ListSoftwareSuffixes.Any(x => Mailbox(a).EndsWith(x, StringComparison.Ordinal))) is { } listAddress)
        {
            reasons.Add($"sent by mailing-list software ({listAddress})");
        }

        var machineSender = senders.FirstOrDefault(a => MachineSenders.Contains(Mailbox(a), StringComparer.Ordinal));
        if (machineSender is not null)
        {
            reasons.Add($"sent by the mail system ({machineSender})");
        }

        if (mail.ContentType.Equals("multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("a delivery or read report (multipart/report)");
        }
        else if (mail.Attachments.FirstOrDefault(a => ReportPartTypes.Contains(a.ContentType, StringComparer.OrdinalIgnoreCase)) is { } report)
        {
            reasons.Add($"a delivery or read report (a {report.ContentType.ToLowerInvariant()} part)");
        }

        if (mail.ContentType.Equals("message/partial", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("a fragment of a message split in parts (message/partial), for a person to put together");
        }

        // A bounce's subject alone could be a customer's words ("Undeliverable: my parcel"); with a mail
        // system's name or a delivery report's text it is a bounce, whatever its return path says.
        var subject = mail.Subject.Trim();
        if (BounceSubjects.FirstOrDefault(b => subject.Contains(b, StringComparison.OrdinalIgnoreCase)) is { } bounceSubject
            && machineSender is null
            && (LooksLikeMailSystem(mail.From) || BounceTexts.Any(t => mail.TextWithQuotes.Contains(t, StringComparison.OrdinalIgnoreCase))))
        {
            reasons.Add($"a bounce (subject \"{Shorten(subject)}\" from {mail.From})");
        }

        return reasons.Count == 0 ? MailNoiseVerdict.Person : new MailNoiseVerdict(reasons);
    }

    static string FirstToken(string value)
    {
        var end = value.IndexOfAny([';', ' ', '\t', ',']);
        return (end < 0 ? value : value[..end]).Trim();
    }

    static string LocalPart(string address)
    {
        var at = address.LastIndexOf('@');
        return (at < 0 ? address : address[..at]).Trim();
    }

    // The mailbox an address names, lower case, without a +tag and with _ read as -: MAILER_DAEMON+x is mailer-daemon.
    static string Mailbox(string address)
    {
        var local = LocalPart(address).ToLowerInvariant().Replace('_', '-');
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? local : local[..plus];
    }

    // Every address the mail says it came from: From, Sender and the envelope's return path.
    static IEnumerable<string> Senders(InboundMail mail)
    {
        yield return mail.From.Address;
        if (mail.Headers["Sender"] is { } sender && Angle(sender) is { Length: > 0 } senderAddress)
        {
            yield return senderAddress;
        }

        if (mail.ReturnPath is { Length: > 0 } returnPath)
        {
            yield return returnPath.Trim('<', '>', ' ');
        }

        if (mail.EnvelopeFrom is { Length: > 0 } envelope)
        {
            yield return envelope.Trim('<', '>', ' ');
        }
    }

    static string Angle(string value)
    {
        var open = value.LastIndexOf('<');
        var close = value.LastIndexOf('>');
        return (open >= 0 && close > open ? value[(open + 1)..close] : value).Trim();
    }

    static bool LooksLikeMailSystem(InboundAddress from)
    {
        var name = from.Name ?? string.Empty;
        var mailbox = Mailbox(from.Address);
        return name.Contains("mail delivery", StringComparison.OrdinalIgnoreCase)
            || name.Contains("postmaster", StringComparison.OrdinalIgnoreCase)
            || name.Contains("mailer-daemon", StringComparison.OrdinalIgnoreCase)
            || name.Contains("mail system", StringComparison.OrdinalIgnoreCase)
            || mailbox.StartsWith("microsoftexchange", StringComparison.Ordinal)
            || mailbox.StartsWith("bounce", StringComparison.Ordinal);
    }

    static string Shorten(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 60 ? trimmed : trimmed[..60] + "…";
    }
}
