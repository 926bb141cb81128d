namespace ComplaintFunctions.Notifications;

/// <summary>Who our mails come from and how customers reach customer service (section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "kundeservice@example.no";
    public string FromName { get; set; } = "Kundeservice";

    /// <summary>The sender name of the customer ombudsman's mails to customers, sent from <c>Staff:OmbudsmanEmail</c>.</summary>
    public string OmbudsmanFromName { get; set; } = "Kundeombudsmannen";
    public string CustomerServiceEmail { get; set; } = "kundeservice@example.no";
    public string CustomerServicePhone { get; set; } = "21 04 40 30";
    /// <summary>The right-hand side of our Message-IDs.</summary>
    public string MessageIdDomain { get; set; } = "complaints.example.no";
}

/// <summary>SendGrid's mail API (section <c>SendGrid</c>).</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    /// <summary>From Key Vault in Azure. The local runner uses a dummy key against its stand-in.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Only set to point the client somewhere else than SendGrid (the local runner's stand-in).</summary>
    public string? Host { get; set; }
}
