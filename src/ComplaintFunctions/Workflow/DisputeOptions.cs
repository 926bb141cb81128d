namespace ComplaintFunctions.Workflow;

/// <summary>The clocks after customer service (section <c>Disputes</c>): the ombudsman's review and the external bodies.</summary>
public sealed class DisputeOptions
{
    public const string Section = "Disputes";

    /// <summary>Time the ombudsman has to decide (business time; 80 h is ten 8-hour days).</summary>
    public TimeSpan OmbudsmanReviewTarget { get; set; } = TimeSpan.FromHours(80);

    /// <summary>How long before the target the ombudsman is reminded (business time); management hears when it passes.</summary>
    public TimeSpan OmbudsmanReminderLead { get; set; } = TimeSpan.FromHours(16);

    /// <summary>How long the customer has to accept the decision or take the case to an external body.</summary>
    public TimeSpan DecisionReplyWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the dispute contact is reminded while a body handles the case (bodies take months).</summary>
    public TimeSpan BodyReminderEvery { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Time the retailer gives itself to follow a body's recommendation; management hears when it passes.</summary>
    public TimeSpan ComplianceDeadline { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Working days (business days of the case's country: weekends and public holidays off) the retailer has to
    /// answer an external body after the filing. Directive (EU) 2025/2647 gives a trader 20 (30 for complex
    /// cases) before silence counts as a refusal; kept now as good practice.
    /// </summary>
    public int BodyReplyWorkingDays { get; set; } = 20;

    /// <summary>
    /// Working days from the filing for a case the body treats as complex (Directive (EU) 2025/2647: 30), once the
    /// dispute contact has marked it so; the reminder moves with the due date.
    /// </summary>
    public int ComplexBodyReplyWorkingDays { get; set; } = 30;

    /// <summary>How many working days before the reply is due the dispute contact is reminded; management hears when it passes.</summary>
    public int BodyReplyReminderWorkingDays { get; set; } = 5;

    /// <summary>Countries where the retailer is established (some bodies take only traders established in their country).</summary>
    public IList<string> RetailerEstablishedIn { get; set; } = ["NO", "SE", "DK", "FI"];
}
