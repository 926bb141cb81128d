using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Disputes;

namespace ComplaintFunctions.Domain.Tests.Disputes;

/// <summary>Which bodies a customer may turn to after the ombudsman's decision, with the shipped data.</summary>
public class DisputeOffersTests
{
    static readonly DisputeBodyRegistry Shipped = DisputeBodyRegistry.LoadFromAppFolder();
    static readonly DateOnly FirstComplaint = new(2026, 3, 1);

    static DisputeFacts Facts(
        Country country,
        OmbudsmanOutcome outcome = OmbudsmanOutcome.Upheld,
        decimal? amount = 5000,
        DateOnly? today = null,
        Country[]? establishedIn = null) =>
        new(country, outcome, amount, FirstComplaint, today ?? new DateOnly(2026, 11, 24), establishedIn ?? [Country.NO, Country.SE, Country.DK, Country.FI]);

    static BodyOffer Offer(IReadOnlyList<BodyOffer> offers, string id) =>
        offers.SingleOrDefault(o => o.Body.Id == id) ?? throw new Xunit.Sdk.XunitException($"No offer for {id} in: {string.Join(", ", offers.Select(o => o.Body.Id))}");

    [Fact]
    public void Every_body_is_listed_and_those_of_other_countries_are_not_offered()
    {
        var offers = Shipped.OffersFor(Facts(Country.SE));

        Assert.Equal(Shipped.Bodies.Count, offers.Count);
        Assert.Equal(Country.SE, offers[0].Body.Country);
        var elsewhere = offers.Where(o => o.Body.Country != Country.SE).ToList();
        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, o =>
        {
            Assert.False(o.Offered);
            Assert.Equal([$"only for customers in {NordicCountries.EnglishName(o.Body.Country)}"], o.Reasons);
            Assert.Empty(o.Notes);
        });
        Assert.Contains(offers, o => o.Body.Id == "dk-forbrugerklagenaevnet" && o.Reasons.SequenceEqual(["only for customers in Denmark"]));
    }

    [Fact]
    public void A_Norwegian_customer_starts_with_Forbrukertilsynet_and_Forbrukerklageutvalget_comes_after()
    {
        var offers = Shipped.OffersFor(Facts(Country.NO));

        var tilsynet = Offer(offers, "no-forbrukertilsynet");
        Assert.True(tilsynet.Offered);
        Assert.Empty(tilsynet.Reasons);
        Assert.Contains(tilsynet.Notes, n => n.Contains("Norway's Forbrukerklageutvalget comes next (a decision)", StringComparison.Ordinal));

        var utvalget = Offer(offers, "no-forbrukerklageutvalget");
        Assert.False(utvalget.Offered);
        Assert.Equal(["comes after Norway's Forbrukertilsynet: the customer starts with Forbrukertilsynet"], utvalget.Reasons);
        Assert.Single(offers, o => o.Offered);
    }

    [Fact]
    public void ARN_is_offered_within_a_year_of_the_first_complaint_with_the_last_day_to_file()
    {
        var arn = Offer(Shipped.OffersFor(Facts(Country.SE, amount: 4990)), "se-arn");

        Assert.True(arn.Offered);
        Assert.Contains("file by 2027-03-01 (one year from the first complaint)", arn.Notes);
    }

    [Fact]
    public void ARN_is_still_offered_on_the_last_day_and_refused_the_day_after()
    {
        var lastDay = Offer(Shipped.OffersFor(Facts(Country.SE, today: new DateOnly(2027, 3, 1))), "se-arn");
        var dayAfter = Offer(Shipped.OffersFor(Facts(Country.SE, today: new DateOnly(2027, 3, 2))), "se-arn");

        Assert.True(lastDay.Offered);
        Assert.False(dayAfter.Offered);
        Assert.Equal(["filing deadline passed on 2027-03-01 (one year from the first complaint)"], dayAfter.Reasons);
        Assert.Empty(dayAfter.Notes);
    }

    [Fact]
    public void A_claim_below_ARNs_minimum_is_not_offered_and_staff_see_why()
    {
        var arn = Offer(Shipped.OffersFor(Facts(Country.SE, amount: 600)), "se-arn");

        Assert.False(arn.Offered);
        Assert.Equal(["the claim of 600 SEK is below the minimum of 1,000 SEK"], arn.Reasons);
        Assert.Equal("Sweden's ARN: the claim of 600 SEK is below the minimum of 1,000 SEK", arn.Summary);
    }

    [Fact]
    public void A_claim_exactly_at_ARNs_minimum_is_offered()
    {
        Assert.True(Offer(Shipped.OffersFor(Facts(Country.SE, amount: 1000)), "se-arn").Offered);
    }

    [Fact]
    public void When_the_claim_amount_is_unknown_ARN_is_offered_and_staff_are_told_to_check_the_limits()
    {
        var arn = Offer(Shipped.OffersFor(Facts(Country.SE, amount: null)), "se-arn");

        Assert.True(arn.Offered);
        Assert.Contains("the claim amount is not known: check the limits (at least 1,000 SEK)", arn.Notes);
    }

    [Fact]
    public void A_partial_settlement_still_leaves_a_refusal_to_take_to_ARN()
    {
        var arn = Offer(Shipped.OffersFor(Facts(Country.SE, OmbudsmanOutcome.PartlySettled, amount: 1500)), "se-arn");

        Assert.True(arn.Offered);
    }

    [Fact]
    public void A_Danish_customer_starts_with_mediation_at_Naevnenes_Hus_and_the_board_comes_after()
    {
        var offers = Shipped.OffersFor(Facts(Country.DK, amount: 4000));

        var maegling = Offer(offers, "dk-naevneneshus-maegling");
        Assert.True(maegling.Offered);
        Assert.Contains("fee 100 DKK", maegling.Notes);
        Assert.Contains(maegling.Notes, n => n.Contains("Denmark's Forbrugerklagenævnet comes next", StringComparison.Ordinal));
        Assert.Contains("for Forbrugerklagenævnet later: fee 400 DKK, refunded if the customer wins", maegling.Notes);

        var naevnet = Offer(offers, "dk-forbrugerklagenaevnet");
        Assert.False(naevnet.Offered);
        Assert.Equal(["comes after Denmark's Center for Klageløsning: the customer starts with Center for Klageløsning"], naevnet.Reasons);
    }

    [Fact]
    public void Forbrugerklagenaevnet_does_not_take_a_claim_below_1110_kr_in_2024_and_the_mediation_notes_say_so()
    {
        var offers = Shipped.OffersFor(Facts(Country.DK, amount: 800, today: In2024));

        var naevnet = Offer(offers, "dk-forbrugerklagenaevnet");
        Assert.False(naevnet.Offered);
        Assert.Contains("the claim of 800 DKK is below the minimum of 1,110 DKK", naevnet.Reasons);

        var maegling = Offer(offers, "dk-naevneneshus-maegling");
        Assert.True(maegling.Offered);
        Assert.Contains(
            "Denmark's Forbrugerklagenævnet, which comes next, would not take this case: the claim of 800 DKK is below the minimum of 1,110 DKK",
            maegling.Notes);
    }

    [Fact]
    public void Forbrugerklagenaevnet_does_not_take_a_claim_above_100000_kr()
    {
        var naevnet = Offer(Shipped.OffersFor(Facts(Country.DK, amount: 150000, today: In2024)), "dk-forbrugerklagenaevnet");

        Assert.Contains("the claim of 150,000 DKK is above the maximum of 100,000 DKK", naevnet.Reasons);
    }

    [Fact]
    public void Forbrugerklagenaevnet_is_not_for_a_retailer_not_established_in_Denmark()
    {
        var offers = Shipped.OffersFor(Facts(Country.DK, amount: 4000, establishedIn: [Country.SE]));

        var naevnet = Offer(offers, "dk-forbrugerklagenaevnet");
        Assert.False(naevnet.Offered);
        Assert.Contains("only for traders established in Denmark, and the retailer is not established there", naevnet.Reasons);
        Assert.Contains(
            Offer(offers, "dk-naevneneshus-maegling").Notes,
            n => n.Contains("would not take this case", StringComparison.Ordinal) && n.Contains("established in Denmark", StringComparison.Ordinal));
    }

    [Fact]
    public void When_the_amount_is_unknown_the_mediation_notes_give_the_boards_price_range()
    {
        var maegling = Offer(Shipped.OffersFor(Facts(Country.DK, amount: null, today: In2024)), "dk-naevneneshus-maegling");

        Assert.Contains("for Forbrugerklagenævnet later: the claim amount is not known: check the limits (1,110–100,000 DKK)", maegling.Notes);
        Assert.Contains("for Forbrugerklagenævnet later: price limits for 2024: 1,110–100,000 DKK (720 DKK for clothing and shoes)", maegling.Notes);
    }

    // The year the shipped file has Denmark's price limits for.
    static readonly DateOnly In2024 = new(2024, 11, 24);

    [Fact]
    public void In_a_year_the_registry_has_no_Danish_price_limits_for_staff_are_told_to_check_and_nothing_is_refused_on_them()
    {
        var offers = Shipped.OffersFor(Facts(Country.DK, amount: 800));
        var naevnet = Offer(offers, "dk-forbrugerklagenaevnet");
        Assert.DoesNotContain(naevnet.Reasons, r => r.Contains("minimum", StringComparison.Ordinal));

        var maegling = Offer(offers, "dk-naevneneshus-maegling");
        Assert.Contains(
            "for Forbrugerklagenævnet later: check: the registry has no price limits for 2026; the last known are for 2024 (1,110–100,000 DKK, 720 DKK for clothing and shoes; checked 2026-11-01): look up this year's before telling the customer",
            maegling.Notes);
        Assert.Contains(maegling.Notes, n => n.StartsWith("for Forbrugerklagenævnet later: check: the price limits of 2025 and 2026 could not be checked from here", StringComparison.Ordinal));
    }

    [Fact]
    public void After_the_mediation_at_Center_for_Klageloesning_the_customer_has_four_weeks_to_take_it_to_the_board()
    {
        var maegling = Offer(Shipped.OffersFor(Facts(Country.DK, amount: 4000)), "dk-naevneneshus-maegling");
        Assert.Contains(maegling.Notes, n => n.StartsWith("if Center for Klageløsning does not settle the case, Denmark's Forbrugerklagenævnet comes next (a decision); the customer has 28 days after Center for Klageløsning ends", StringComparison.Ordinal));
        Assert.Contains("fee 100 DKK", maegling.Notes);
    }

    [Fact]
    public void ARN_s_limit_by_area_and_the_one_year_rule_are_told_to_staff_with_what_could_not_be_checked()
    {
        var arn = Offer(Shipped.OffersFor(Facts(Country.SE, amount: 1500)), "se-arn");
        Assert.True(arn.Offered);
        Assert.Contains("file by 2027-03-01 (one year from the first complaint)", arn.Notes);
        Assert.Contains(arn.Notes, n => n.StartsWith("check: ARN's value limits depend on the area", StringComparison.Ordinal) && n.Contains("electronics", StringComparison.Ordinal));

        var late = Offer(Shipped.OffersFor(Facts(Country.SE, amount: 1500, today: new DateOnly(2027, 3, 2))), "se-arn");
        Assert.Contains("filing deadline passed on 2027-03-01 (one year from the first complaint)", late.Reasons);
    }

    [Fact]
    public void A_Finnish_customer_is_offered_KRIL_and_staff_are_reminded_of_the_KKV_consumer_advice_first()
    {
        var offers = Shipped.OffersFor(Facts(Country.FI, amount: 300));

        var kril = Offer(offers, "fi-kril");
        Assert.True(kril.Offered);
        Assert.Contains(kril.Notes, n => n.StartsWith("before filing:", StringComparison.Ordinal) && n.Contains("consumer advice service (kuluttajaneuvonta", StringComparison.Ordinal));
        Assert.Contains(kril.Notes, n => n.StartsWith("check: whether KRIL takes a case that skipped the consumer advice service", StringComparison.Ordinal));
        Assert.Single(offers, o => o.Offered);
    }

    [Theory]
    [InlineData(Country.NO)]
    [InlineData(Country.SE)]
    [InlineData(Country.DK)]
    [InlineData(Country.FI)]
    public void When_the_ombudsman_found_fully_for_the_customer_no_body_is_offered(Country country)
    {
        var offers = Shipped.OffersFor(Facts(country, OmbudsmanOutcome.Overturned));

        Assert.Equal(Shipped.Bodies.Count, offers.Count);
        Assert.All(offers, o => Assert.False(o.Offered));
        Assert.All(
            offers.Where(o => o.Body.Country == country),
            o => Assert.Equal(["the ombudsman found fully for the customer, so there is no dispute left to take on"], o.Reasons));
    }

    [Fact]
    public void An_entry_not_checked_for_over_a_year_is_offered_with_a_note_to_recheck_it()
    {
        var arn = Offer(Shipped.OffersFor(Facts(Country.SE, today: new DateOnly(2027, 11, 2)) with { FirstComplaintDate = new DateOnly(2027, 1, 10) }), "se-arn");

        Assert.True(arn.Offered);
        Assert.Contains("this entry was last checked on 2026-11-01: re-check it before relying on it", arn.Notes);
    }
}
