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

    [Fact]
    public void Control_characters_in_single_line_fields_are_folded_to_one_space_and_the_description_keeps_its_lines()
    {
        var check = ComplaintSubmissionRules.Check(new ComplaintSubmission
        {
            Name = "Kari\r\nKategori: ombudsman",
            Email = "kari@example.no",
            Phone = "+47 21\r\n04 40 30",
            OrderNumber = "A-1\u2028B",
            Product = "TV\n\n\tLevert: 2001-01-01\u0000",
            Manufacturer = "Acme\u0085\u2029Inc\u001b[31m",
            Description = "Linje en.\nLinje to.",
        }, Today);

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Keys));
        Assert.Equal("Kari Kategori: ombudsman", check.Details!.Customer.Name);
        Assert.Equal("+47 21 04 40 30", check.Details.Customer.Phone);
        Assert.Equal("A-1 B", check.Details.Purchase.OrderNumber);
        Assert.Equal("TV Levert: 2001-01-01", check.Details.Purchase.Product);
        Assert.Equal("Acme Inc [31m", check.Details.Purchase.Manufacturer);
        Assert.Equal("Linje en.\nLinje to.", check.Details.Description);
    }

    [Fact]
    public void An_address_with_a_line_break_is_refused_never_folded_into_another_header()
    {
        var check = ComplaintSubmissionRules.Check(new ComplaintSubmission { Email = "kari@example.no\r\nBcc: all@example.no", Description = "x" }, Today);

        Assert.False(check.IsValid);
        Assert.True(check.Errors.ContainsKey("email"));
    }

    [Theory]
    [InlineData("\r\n\t", null)]
    [InlineData(" Ola\u0007 Nordmann ", "Ola Nordmann")]
    public void SingleLine_folds_each_run_to_one_space_and_leaves_nothing_of_only_control_characters(string text, string? expected) =>
        Assert.Equal(expected, ComplaintSubmissionRules.SingleLine(text));
}
