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

    /// <summary>In international form, so it can be called from the other Nordic countries too.</summary>
    public string CustomerServicePhone { get; set; } = "+47 21 04 40 30";

    /// <summary>Customer service's phone for customers in a country (<c>Mail:ContactPhones:SE</c>); a country without one gets <see cref="CustomerServicePhone"/>.</summary>
    public Dictionary<string, string> ContactPhones { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Customer service's address for customers in a country (<c>Mail:ContactEmails:SE</c>); a country without one gets <see cref="CustomerServiceEmail"/>.</summary>
    public Dictionary<string, string> ContactEmails { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string PhoneFor(string country) => ContactPhones.TryGetValue(country, out var phone) && !string.IsNullOrWhiteSpace(phone) ? phone : CustomerServicePhone;

    public string EmailFor(string country) => ContactEmails.TryGetValue(country, out var email) && !string.IsNullOrWhiteSpace(email) ? email : CustomerServiceEmail;
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
