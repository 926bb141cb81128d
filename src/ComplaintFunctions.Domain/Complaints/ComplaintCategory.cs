namespace ComplaintFunctions.Domain.Complaints;

/// <summary>The kinds of complaint the retailer's process names.</summary>
public enum ComplaintCategory
{
    /// <summary>Reklamasjon: the customer tells the seller the product has a defect (legal deadlines apply).</summary>
    Claim,
    /// <summary>Dead on arrival: broken at delivery; the goal is an exchange within 14 days.</summary>
    Doa,
    /// <summary>Garanti: the manufacturer's voluntary promise, on the manufacturer's terms.</summary>
    Warranty,
    /// <summary>An authorised technician works on the product; goes to the manufacturer.</summary>
    Service,
    /// <summary>Advice by web, e-mail or phone; goes to the manufacturer.</summary>
    Support,
    Delivery,
    Other,
}

public static class ComplaintCategoryNames
{
    public static IReadOnlyList<ComplaintCategory> All { get; } = Enum.GetValues<ComplaintCategory>();

    public static string ToWire(this ComplaintCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>The category as staff read it in their mails, in the staff language (nb or en; anything else reads English).</summary>
    public static string StaffName(this ComplaintCategory category, string? language) => (language == "nb", category) switch
    {
        (true, ComplaintCategory.Claim) => "reklamasjon",
        (true, ComplaintCategory.Doa) => "DOA (død ved levering)",
        (true, ComplaintCategory.Warranty) => "garanti",
        (true, ComplaintCategory.Service) => "service",
        (true, ComplaintCategory.Support) => "support",
        (true, ComplaintCategory.Delivery) => "levering",
        (true, _) => "annet",
        (false, ComplaintCategory.Claim) => "claim",
        (false, ComplaintCategory.Doa) => "DOA (dead on arrival)",
        (false, ComplaintCategory.Warranty) => "warranty",
        (false, ComplaintCategory.Service) => "service",
        (false, ComplaintCategory.Support) => "support",
        (false, ComplaintCategory.Delivery) => "delivery",
        _ => "other",
    };

    public static bool TryParse(string? value, out ComplaintCategory category)
    {
        var wire = value?.Trim().ToLowerInvariant();
        foreach (var candidate in All)
        {
            if (candidate.ToWire() == wire)
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }

    /// <summary>Service and support questions go straight to the manufacturer (process step 2).</summary>
    public static bool GoesToManufacturer(this ComplaintCategory category) =>
        category is ComplaintCategory.Service or ComplaintCategory.Support;
}
