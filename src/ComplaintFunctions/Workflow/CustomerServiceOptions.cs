namespace ComplaintFunctions.Workflow;

/// <summary>
/// The customer-service stage's clocks (section <c>CustomerService</c>). Response targets, the
/// reminder lead and the progress interval count business hours in the customer's country; the
/// customer's windows are calendar time. Tests shorten all of them to seconds.
/// </summary>
public sealed class CustomerServiceOptions
{
    public const string Section = "CustomerService";

    /// <summary>Time the team has for the first answer to a new case (business time).</summary>
    public TimeSpan FirstResponseTarget { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Time the team has to answer each later message the customer is owed a reply to (business time).</summary>
    public TimeSpan NextResponseTarget { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long before a target the team gets a reminder (business time).</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an open case may go without a word to the customer before a progress mail (business time; 24 h is three 8-hour days).</summary>
    public TimeSpan ProgressAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the customer has to accept the final answer or ask for the ombudsman before the case closes.</summary>
    public TimeSpan CustomerReplyWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long the case waits for information the team asked the customer for.</summary>
    public TimeSpan WaitingForCustomerWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a case sent to the manufacturer's support stays open for the customer to say how it went.</summary>
    public TimeSpan ManufacturerWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A final answer that refunds more than this many NOK needs the team lead's approval (cases in Norway; also any currency missing from <see cref="ApprovalThresholds"/>).</summary>
    public decimal ApprovalThreshold { get; set; } = 5000m;

    /// <summary>
    /// The approval limit per currency of the customer's country (SEK, DKK, EUR; NOK here overrides
    /// <see cref="ApprovalThreshold"/>). Cases whose plan was made before this existed read the defaults.
    /// </summary>
    public Dictionary<string, decimal> ApprovalThresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SEK"] = 5000m,
        ["DKK"] = 3500m,
        ["EUR"] = 450m,
    };

    /// <summary>The approval limit for amounts in <paramref name="currency"/>.</summary>
    public decimal ApprovalThresholdFor(string currency) =>
        ApprovalThresholds.TryGetValue(currency, out var limit) ? limit : ApprovalThreshold;

    /// <summary>Tries per mail when SendGrid answers 429 or 5xx, backing off threefold from <see cref="MailRetryFirstInterval"/>.</summary>
    public int MailRetryAttempts { get; set; } = 6;

    public TimeSpan MailRetryFirstInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the links in a mail work.</summary>
    public TimeSpan ActionLinkLifetime { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Who works the cases (section <c>Staff</c>).</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    public string TeamEmail { get; set; } = "kundeservice-team@example.no";
    public string TeamLeadEmail { get; set; } = "teamleder@example.no";
    /// <summary>The team's language for staff mails: nb or en.</summary>
    public string Language { get; set; } = "nb";
    public string OmbudsmanEmail { get; set; } = "kundeombud@example.no";
    public string DisputeContactEmail { get; set; } = "tvister@example.no";
    public string ManagementEmail { get; set; } = "ledelse@example.no";
}
