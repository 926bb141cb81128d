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
    static readonly string[] MachineSenders = ["mailer-daemon", "postmaster"];

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

        var local = LocalPart(mail.From.Address);
        if (MachineSenders.Any(m => m.Equals(local, StringComparison.OrdinalIgnoreCase)))
        {
            reasons.Add($"sent by the mail system ({mail.From.Address})");
        }

        if (mail.ContentType.Equals("multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("a delivery or read report (multipart/report)");
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

    static string Shorten(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 60 ? trimmed : trimmed[..60] + "…";
    }
}
