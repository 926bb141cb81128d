namespace ComplaintFunctions.Domain.Complaints;

/// <summary>The Nordic markets the retailer sells in.</summary>
public enum Country
{
    NO,
    SE,
    DK,
    FI,
}

/// <summary>Who complains and how to reach them. Language is one of nb, sv, da, fi, en.</summary>
public sealed record Customer(string? Name, string Email, string? Phone, string Language, Country Country);

/// <summary>What was bought, as far as the customer told us.</summary>
public sealed record Purchase(string? OrderNumber, string? Product, string? Manufacturer, DateOnly? PurchaseDate, DateOnly? DeliveryDate);

/// <summary>What the customer reported: fixed once the case is open.</summary>
public sealed record ComplaintDetails(Customer Customer, Purchase Purchase, ComplaintCategory Category, string Description);
