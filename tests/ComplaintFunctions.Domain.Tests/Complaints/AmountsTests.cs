using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Workflow;

namespace ComplaintFunctions.Domain.Tests.Complaints;

public class AmountsTests
{
    [Theory]
    [InlineData("8 499,00", "8499.00")]
    [InlineData("8499", "8499")]
    [InlineData("8 499", "8499")]
    [InlineData("8.499,00", "8499.00")]
    [InlineData("8499.50", "8499.50")]
    [InlineData("8499,50", "8499.50")]
    [InlineData("8\u00A0499,00", "8499.00")]
    [InlineData("8\u202F499,00", "8499.00")]
    [InlineData("8 499,00 kr", "8499.00")]
    [InlineData("kr 8 499,00", "8499.00")]
    [InlineData("8 499 kr.", "8499")]
    [InlineData("8499 NOK", "8499")]
    [InlineData("NOK 8499", "8499")]
    [InlineData("8499nok", "8499")]
    [InlineData("8 499,-", "8499")]
    [InlineData("  8 499  ", "8499")]
    [InlineData("1 234 567,89", "1234567.89")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("8,499.00", "8499.00")]
    [InlineData("8.499.000", "8499000")]
    [InlineData("8 499.00", "8499.00")]
    [InlineData("0", "0")]
    [InlineData("0,5", "0.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("149,9", "149.9")]
    public void Reads_amounts_as_Nordic_people_write_them(string written, string expected)
    {
        var reading = AmountParser.Read(written, "NOK");

        Assert.True(reading.Ok, reading.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Amount);
    }

    [Theory]
    [InlineData("100 €", "EUR", "100")]
    [InlineData("€100,50", "EUR", "100.50")]
    [InlineData("100 EUR", "EUR", "100")]
    [InlineData("499 kr", "SEK", "499")]
    [InlineData("499:-", "SEK", "499")]
    [InlineData("1.499,00 kr.", "DKK", "1499.00")]
    [InlineData("1 499 DKK", "DKK", "1499")]
    public void Takes_the_case_currency_written_before_or_after(string written, string currency, string expected)
    {
        var reading = AmountParser.Read(written, currency);

        Assert.True(reading.Ok, reading.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Amount);
    }

    [Theory]
    [InlineData("8.499", "unclear")]
    [InlineData("8,499", "unclear")]
    [InlineData("12,345", "unclear")]
    public void Refuses_what_could_be_thousands_or_decimals(string written, string says)
    {
        var reading = AmountParser.Read(written, "NOK");

        Assert.False(reading.Ok);
        Assert.Null(reading.Amount);
        Assert.Contains(says, reading.Error, StringComparison.Ordinal);
        Assert.Contains(written, reading.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-100")]
    [InlineData("−100")]
    [InlineData("- 8 499,00")]
    [InlineData("100-")]
    public void Refuses_negative_amounts(string written) =>
        Assert.Contains("cannot be negative", AmountParser.Read(written, "NOK").Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("100 €", "NOK", "not EUR")]
    [InlineData("100 SEK", "NOK", "not SEK")]
    [InlineData("100 kr", "EUR", "not kr")]
    [InlineData("100 NOK", "DKK", "not NOK")]
    public void Refuses_an_amount_in_another_currency_than_the_case(string written, string currency, string says)
    {
        var error = AmountParser.Read(written, currency).Error;

        Assert.Contains(says, error, StringComparison.Ordinal);
        Assert.Contains($"in {currency}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("1e5")]
    [InlineData("8499,505")]
    [InlineData("8499.")]
    [InlineData(",50")]
    [InlineData("84 99")]
    [InlineData("8.49.9,00")]
    [InlineData("8 499.000,00")]
    [InlineData("1,234,5.00")]
    [InlineData("8,499,00")]
    [InlineData("1234567890123")]
    public void Refuses_what_is_not_an_amount_with_a_message(string written)
    {
        var reading = AmountParser.Read(written, "NOK");

        Assert.False(reading.Ok);
        Assert.False(string.IsNullOrWhiteSpace(reading.Error));
    }

    [Theory]
    [InlineData(Country.NO, "NOK")]
    [InlineData(Country.SE, "SEK")]
    [InlineData(Country.DK, "DKK")]
    [InlineData(Country.FI, "EUR")]
    public void A_case_counts_in_the_currency_of_the_customers_country(Country country, string currency) =>
        Assert.Equal(currency, CaseCurrency.For(country));

    [Theory]
    [InlineData("nb", "NOK", "8\u00A0499,00\u00A0NOK")]
    [InlineData("sv", "SEK", "8\u00A0499,00\u00A0SEK")]
    [InlineData("da", "DKK", "8.499,00\u00A0DKK")]
    [InlineData("fi", "EUR", "8\u00A0499,00\u00A0EUR")]
    [InlineData("en", "NOK", "8,499.00\u00A0NOK")]
    public void Shows_an_amount_with_its_currency_in_each_languages_number_format(string language, string currency, string shown) =>
        Assert.Equal(shown, AmountFormat.Format(8499m, currency, language));

    [Fact]
    public void Small_and_large_amounts_are_grouped_and_keep_two_decimals()
    {
        Assert.Equal("0,50\u00A0NOK", AmountFormat.Format(0.5m, "NOK", "nb"));
        Assert.Equal("1\u00A0234\u00A0567,89\u00A0NOK", AmountFormat.Format(1234567.89m, "NOK", "nb"));
    }

    [Fact]
    public void Each_currency_has_its_own_approval_limit_and_NOK_keeps_the_old_setting()
    {
        var options = new CustomerServiceOptions { ApprovalThreshold = 6000m };

        Assert.Equal(6000m, options.ApprovalThresholdFor("NOK"));
        Assert.Equal(5000m, options.ApprovalThresholdFor("SEK"));
        Assert.Equal(3500m, options.ApprovalThresholdFor("DKK"));
        Assert.Equal(450m, options.ApprovalThresholdFor("EUR"));

        options.ApprovalThresholds["EUR"] = 500m;
        Assert.Equal(500m, options.ApprovalThresholdFor("EUR"));
    }

    [Fact]
    public void A_plan_stored_before_per_currency_limits_still_loads_with_the_defaults()
    {
        var old = System.Text.Json.JsonSerializer.Deserialize<CustomerServiceOptions>("{\"ApprovalThreshold\":7000,\"FirstResponseTarget\":\"08:00:00\"}")!;

        Assert.Equal(7000m, old.ApprovalThresholdFor("NOK"));
        Assert.Equal(450m, old.ApprovalThresholdFor("EUR"));
    }
}
