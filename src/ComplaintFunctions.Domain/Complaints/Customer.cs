namespace ComplaintFunctions.Domain.Complaints;

/// <summary>The Nordic markets the retailer sells in. Persisted by name in open cases; the numbers are fixed too (version 1 wrote them).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Country>))]
public enum Country
{
    NO = 0,
    SE = 1,
    DK = 2,
    FI = 3,
}

/// <summary>Who complains and how to reach them. Language is one of nb, sv, da, fi, en.</summary>
public sealed record Customer(string? Name, string Email, string? Phone, string Language, Country Country);

/// <summary>What was bought, as far as the customer told us.</summary>
public sealed record Purchase(string? OrderNumber, string? Product, string? Manufacturer, DateOnly? PurchaseDate, DateOnly? DeliveryDate);

/// <summary>Who set a case's category.</summary>
public enum CategorySource
{
    /// <summary>The customer on the form or over the API, or an agent logging a call or chat.</summary>
    Chosen,

    /// <summary>Suggested from the words of a mail; nobody has confirmed it.</summary>
    Suggested,
}

/// <summary>What the customer reported: fixed once the case is open.</summary>
public sealed record ComplaintDetails(Customer Customer, Purchase Purchase, ComplaintCategory Category, string Description)
{
    /// <summary>Whether a person chose <see cref="Category"/> or it was suggested from words (cases stored before this was kept: chosen, unless they came by mail).</summary>
    public CategorySource CategorySource { get; init; } = CategorySource.Chosen;

    /// <summary>The words a suggested category came from, as the customer wrote them, comma separated; null when chosen.</summary>
    public string? SuggestedFrom { get; init; }
}
