using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Intake;

namespace ComplaintFunctions.Tests.Domain;

public class ComplaintSubmissionRulesTests
{
    static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void A_complete_complaint_is_accepted_with_its_language_from_the_country()
    {
        var check = ComplaintSubmissionRules.Check(new ComplaintSubmission
        {
            Name = " Sven Svensson ",
            Email = "sven@example.se",
            Description = "Skärmen gick sönder efter en vecka.",
            Category = "claim",
            Country = "se",
            PurchaseDate = "2026-10-01",
            DeliveryDate = "2026-10-03",
        }, Today);

        Assert.True(check.IsValid);
        Assert.Equal("Sven Svensson", check.Details!.Customer.Name);
        Assert.Equal("sv", check.Details.Customer.Language);
        Assert.Equal(Country.SE, check.Details.Customer.Country);
        Assert.Equal(ComplaintCategory.Claim, check.Details.Category);
    }

    [Fact]
    public void Each_bad_field_is_named_with_what_to_do()
    {
        var check = ComplaintSubmissionRules.Check(new ComplaintSubmission
        {
            Email = "kari@",
            Phone = "call me",
            Category = "angry",
            Country = "DE",
            Language = "de",
            PurchaseDate = "24.11.2026",
            DeliveryDate = "2027-01-01",
        }, Today);

        Assert.False(check.IsValid);
        Assert.Equal(
            new[] { "category", "country", "deliveryDate", "description", "email", "language", "phone", "purchaseDate" },
            check.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(check.Errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public void Delivery_before_purchase_is_refused()
    {
        var check = ComplaintSubmissionRules.Check(new ComplaintSubmission
        {
            Email = "a@example.dk",
            Description = "x",
            PurchaseDate = "2026-10-05",
            DeliveryDate = "2026-10-01",
        }, Today);

        Assert.Contains("deliveryDate", check.Errors.Keys);
    }
}
