using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using Microsoft.Extensions.Configuration;

namespace ComplaintFunctions.Domain.Tests.Service;

public class TriageTests
{
    static readonly DateOnly Today = new(2027, 6, 15);

    internal static ComplaintDetails Complaint(
        ComplaintCategory category,
        Country country = Country.NO,
        DateOnly? delivered = null,
        DateOnly? bought = null,
        string? manufacturer = "Acme",
        CategorySource source = CategorySource.Chosen,
        string? words = null) => new(
        new Customer("Kari Nordmann", "kari@example.no", null, "nb", country),
        new Purchase("100-2345", "UltraView 27\" monitor", manufacturer, bought, delivered),
        category,
        "The screen stays black.")
    {
        CategorySource = source,
        SuggestedFrom = words,
    };

    static TriageCheck Check(TriageResult result, string code) =>
        result.Find(code) ?? throw new Xunit.Sdk.XunitException($"No '{code}' check in: {string.Join(", ", result.Checks.Select(c => c.Code))}");

    [Fact]
    public void In_Norway_a_defect_within_two_years_of_delivery_is_presumed_there_at_delivery_and_after_that_the_customer_shows_it()
    {
        var within = Check(Triage.Assess(Complaint(ComplaintCategory.Claim, delivered: new DateOnly(2025, 7, 1)), Today), TriageCodes.ClaimPresumption);
        Assert.Equal(TriageVerdict.Ok, within.Verdict);
        Assert.Equal(new DateOnly(2027, 7, 1), within.Deadline);
        Assert.Contains("presumed to have been there at delivery", within.Explanation, StringComparison.Ordinal);
        Assert.Contains("it was 6 months", within.Explanation, StringComparison.Ordinal);
        Assert.Contains("2 år etter levering", within.Text.Nb, StringComparison.Ordinal);

        var after = Check(Triage.Assess(Complaint(ComplaintCategory.Claim, delivered: new DateOnly(2025, 6, 1)), Today), TriageCodes.ClaimPresumption);
        Assert.Equal(TriageVerdict.Warning, after.Verdict);
        Assert.Contains("the customer must show", after.Explanation, StringComparison.Ordinal);

        Assert.Equal(TriageVerdict.Unknown, Check(Triage.Assess(Complaint(ComplaintCategory.Claim), Today), TriageCodes.ClaimPresumption).Verdict);
    }

    [Theory]
    [InlineData(Country.SE)]
    [InlineData(Country.DK)]
    [InlineData(Country.FI)]
    public void Where_the_presumption_period_could_not_be_checked_from_here_staff_are_told_to_check_it(Country country)
    {
        var check = Check(Triage.Assess(Complaint(ComplaintCategory.Claim, country, delivered: new DateOnly(2026, 7, 1)), Today), TriageCodes.ClaimPresumption);

        Assert.Equal(TriageVerdict.Unknown, check.Verdict);
        Assert.Contains("could not be checked here", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_dead_on_arrival_within_14_days_goes_to_exchange()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Doa, delivered: new DateOnly(2027, 6, 5)), Today);

        Assert.Equal(TriageRoute.DoaExchange, result.Route);
        var doa = Check(result, TriageCodes.Doa);
        Assert.Equal(TriageVerdict.Ok, doa.Verdict);
        Assert.Equal(new DateOnly(2027, 6, 19), doa.Deadline);
        Assert.Contains("10 days ago", doa.Explanation, StringComparison.Ordinal);
        Assert.Null(result.Find(TriageCodes.ClaimWindow));
    }

    [Fact]
    public void The_fourteenth_day_after_delivery_is_still_inside_the_DOA_window()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Doa, delivered: Today.AddDays(-14)), Today);

        Assert.Equal(TriageRoute.DoaExchange, result.Route);
    }

    [Fact]
    public void A_product_reported_dead_more_than_14_days_after_delivery_is_handled_as_a_claim()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Doa, delivered: Today.AddDays(-15)), Today);

        Assert.Equal(TriageRoute.CustomerService, result.Route);
        var doa = Check(result, TriageCodes.Doa);
        Assert.Equal(TriageVerdict.Fails, doa.Verdict);
        Assert.Contains("claim", doa.Explanation, StringComparison.Ordinal);
        Assert.Equal(TriageVerdict.Ok, Check(result, TriageCodes.ClaimWindow).Verdict);
    }

    [Fact]
    public void A_DOA_report_without_a_delivery_date_asks_for_it()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Doa, bought: Today.AddDays(-3)), Today);

        Assert.Equal(TriageRoute.CustomerService, result.Route);
        var doa = Check(result, TriageCodes.Doa);
        Assert.Equal(TriageVerdict.Unknown, doa.Verdict);
        Assert.Contains("ask the customer when the product was delivered", doa.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Country.NO, "2025-06-16", "2027-06-16")]
    [InlineData(Country.SE, "2024-06-15", "2027-06-15")]
    [InlineData(Country.DK, "2025-07-01", "2027-07-01")]
    public void A_claim_inside_the_legal_window_is_ok_and_shows_the_last_day(Country country, string delivered, string deadline)
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Claim, country, DateOnly.Parse(delivered, System.Globalization.CultureInfo.InvariantCulture)), Today);

        Assert.Equal(TriageRoute.CustomerService, result.Route);
        var window = Check(result, TriageCodes.ClaimWindow);
        Assert.Equal(TriageVerdict.Ok, window.Verdict);
        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), window.Deadline);
    }

    [Theory]
    [InlineData(Country.SE, "2024-06-14", "3-year")]
    [InlineData(Country.DK, "2025-06-14", "2-year")]
    public void A_claim_outside_the_legal_window_fails_and_says_when_it_ended(Country country, string delivered, string limit)
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Claim, country, DateOnly.Parse(delivered, System.Globalization.CultureInfo.InvariantCulture)), Today);

        var window = Check(result, TriageCodes.ClaimWindow);
        Assert.Equal(TriageVerdict.Fails, window.Verdict);
        Assert.Contains(limit, window.Explanation, StringComparison.Ordinal);
        Assert.Contains("ended on 14 June 2027", window.Explanation, StringComparison.Ordinal);
        Assert.Contains("warranty", window.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Norwegian_claim_after_two_years_asks_whether_the_goods_are_meant_to_last_longer()
    {
        var complaint = Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2024, 9, 1));

        var undecided = Check(Triage.Assess(complaint, Today), TriageCodes.ClaimWindow);
        var longLived = Check(Triage.Assess(complaint, Today, longLivedGoods: true), TriageCodes.ClaimWindow);
        var ordinary = Check(Triage.Assess(complaint, Today, longLivedGoods: false), TriageCodes.ClaimWindow);

        Assert.Equal(TriageVerdict.Warning, undecided.Verdict);
        Assert.Contains("5-year", undecided.Explanation, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2029, 9, 1), undecided.Deadline);
        Assert.Equal(TriageVerdict.Ok, longLived.Verdict);
        Assert.Equal(new DateOnly(2029, 9, 1), longLived.Deadline);
        Assert.Equal(TriageVerdict.Fails, ordinary.Verdict);
    }

    [Fact]
    public void A_Norwegian_claim_after_five_years_fails_even_for_long_lived_goods()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2022, 6, 1)), Today, longLivedGoods: true);

        Assert.Equal(TriageVerdict.Fails, Check(result, TriageCodes.ClaimWindow).Verdict);
    }

    [Fact]
    public void A_Finnish_claim_has_no_fixed_limit_only_reasonable_time()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Claim, Country.FI, new DateOnly(2021, 3, 1)), Today);

        var window = Check(result, TriageCodes.ClaimWindow);
        Assert.Equal(TriageVerdict.Ok, window.Verdict);
        Assert.Null(window.Deadline);
        Assert.Contains("no fixed time limit", window.Explanation, StringComparison.Ordinal);
        Assert.Contains("reasonable time", window.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_claim_reminds_the_agent_of_the_two_months_from_discovery()
    {
        foreach (var country in Enum.GetValues<Country>())
        {
            var reminder = Check(Triage.Assess(Complaint(ComplaintCategory.Claim, country, Today.AddMonths(-6)), Today), TriageCodes.ClaimDiscovery);
            Assert.Contains("within 2 months of discovering it", reminder.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_a_delivery_date_the_claim_window_counts_from_the_purchase()
    {
        var inside = Check(Triage.Assess(Complaint(ComplaintCategory.Claim, Country.SE, bought: new DateOnly(2025, 1, 10)), Today), TriageCodes.ClaimWindow);
        var outside = Check(Triage.Assess(Complaint(ComplaintCategory.Claim, Country.DK, bought: new DateOnly(2025, 1, 10)), Today), TriageCodes.ClaimWindow);

        Assert.Equal(TriageVerdict.Ok, inside.Verdict);
        Assert.Equal(new DateOnly(2028, 1, 10), inside.Deadline);
        Assert.Contains("counted from the purchase", inside.Explanation, StringComparison.Ordinal);
        // The delivery may have come later, so an expired window counted from the purchase is a warning, not a verdict.
        Assert.Equal(TriageVerdict.Warning, outside.Verdict);
        Assert.Contains("Ask for the delivery date", outside.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_without_any_date_asks_for_the_delivery_date()
    {
        var window = Check(Triage.Assess(Complaint(ComplaintCategory.Claim), Today), TriageCodes.ClaimWindow);

        Assert.Equal(TriageVerdict.Unknown, window.Verdict);
        Assert.Contains("ask for the delivery date", window.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warranty_question_points_to_the_manufacturers_terms_and_keeps_the_claim_right_in_view()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Warranty, delivered: new DateOnly(2026, 2, 1)), Today);

        Assert.Equal(TriageRoute.CustomerService, result.Route);
        var warranty = Check(result, TriageCodes.Warranty);
        Assert.Contains("Acme", warranty.Explanation, StringComparison.Ordinal);
        Assert.Contains("manufacturer's terms", warranty.Explanation, StringComparison.Ordinal);
        Assert.Contains("claim right against us", warranty.Explanation, StringComparison.Ordinal);
        Assert.Equal(TriageVerdict.Ok, Check(result, TriageCodes.ClaimWindow).Verdict);
    }

    [Theory]
    [InlineData(ComplaintCategory.Service)]
    [InlineData(ComplaintCategory.Support)]
    public void Service_and_support_questions_go_to_the_manufacturers_support(ComplaintCategory category)
    {
        var result = Triage.Assess(Complaint(category, manufacturer: "Nordtek"), Today);

        Assert.Equal(TriageRoute.ManufacturerSupport, result.Route);
        var check = Check(result, TriageCodes.ManufacturerSupport);
        Assert.Equal(TriageVerdict.Ok, check.Verdict);
        Assert.Contains("Nordtek", check.Explanation, StringComparison.Ordinal);
        Assert.Null(result.Find(TriageCodes.ClaimWindow));
    }

    [Fact]
    public void A_support_question_without_a_manufacturer_asks_which_one_made_the_product()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Support, manufacturer: null), Today);

        Assert.Equal(TriageRoute.ManufacturerSupport, result.Route);
        Assert.Equal(TriageVerdict.Unknown, Check(result, TriageCodes.ManufacturerSupport).Verdict);
    }

    [Fact]
    public void A_delivery_problem_without_a_delivery_date_means_checking_the_shipment()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Delivery, bought: Today.AddDays(-5)), Today);

        Assert.Equal(TriageRoute.CustomerService, result.Route);
        var delivery = Check(result, TriageCodes.Delivery);
        Assert.Equal(TriageVerdict.Unknown, delivery.Verdict);
        Assert.Contains("tracking", delivery.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_uncategorised_complaint_asks_the_agent_to_choose_a_category()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Other), Today);

        Assert.Equal(TriageVerdict.Unknown, Check(result, TriageCodes.Category).Verdict);
    }

    [Fact]
    public void Dates_that_cannot_be_right_are_pointed_out()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Claim, delivered: new DateOnly(2027, 1, 1), bought: new DateOnly(2027, 2, 1)), Today);

        var dates = Check(result, TriageCodes.Dates);
        Assert.Equal(TriageVerdict.Warning, dates.Verdict);
        Assert.Contains("comes before the purchase date", dates.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_limits_come_from_configuration_and_keep_the_defaults_not_configured()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Triage:ClaimYears:FI"] = "5",
                ["Triage:ClaimYears:SE"] = "2",
                ["Triage:DoaDays"] = "30",
            })
            .Build();
        var options = configuration.GetSection(TriageOptions.Section).Get<TriageOptions>()!;

        Assert.Equal(5, options.ClaimYearsFor(Country.FI));
        Assert.Equal(2, options.ClaimYearsFor(Country.SE));
        Assert.Equal(2, options.ClaimYearsFor(Country.NO));
        Assert.Equal(5, options.LongLivedGoodsYearsFor(Country.NO));
        Assert.Null(new TriageOptions().ClaimYearsFor(Country.FI));

        var finnish = Check(Triage.Assess(Complaint(ComplaintCategory.Claim, Country.FI, new DateOnly(2021, 3, 1)), Today, options), TriageCodes.ClaimWindow);
        Assert.Equal(TriageVerdict.Fails, finnish.Verdict);
        Assert.Equal(TriageRoute.DoaExchange, Triage.Assess(Complaint(ComplaintCategory.Doa, delivered: Today.AddDays(-20)), Today, options).Route);
    }
}
