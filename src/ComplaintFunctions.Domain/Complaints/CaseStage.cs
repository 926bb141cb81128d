namespace ComplaintFunctions.Domain.Complaints;

/// <summary>Where a case stands, from report to close.</summary>
// Persisted by name in open cases (activity inputs); the numbers are fixed too.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CaseStage>))]
public enum CaseStage
{
    CustomerService = 0,
    WaitingForCustomer = 1,
    FinalAnswer = 2,
    OmbudsmanReview = 3,
    ExternalBody = 4,
    Closed = 5,
}

public static class CaseStageNames
{
    public static IReadOnlyList<CaseStage> All { get; } = Enum.GetValues<CaseStage>();

    public static string ToWire(this CaseStage stage) => stage switch
    {
        CaseStage.CustomerService => "customer-service",
        CaseStage.WaitingForCustomer => "waiting-for-customer",
        CaseStage.FinalAnswer => "final-answer",
        CaseStage.OmbudsmanReview => "ombudsman-review",
        CaseStage.ExternalBody => "external-body",
        CaseStage.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static bool TryParse(string? value, out CaseStage stage)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }

    /// <summary>How staff and customers read the stage in English.</summary>
    public static string Describe(this CaseStage stage) => stage switch
    {
        CaseStage.CustomerService => "with customer service",
        CaseStage.WaitingForCustomer => "waiting for the customer",
        CaseStage.FinalAnswer => "answered finally by customer service, waiting for the customer to accept or ask for the ombudsman",
        CaseStage.OmbudsmanReview => "under review by the customer ombudsman",
        CaseStage.ExternalBody => "with an external dispute body",
        CaseStage.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
