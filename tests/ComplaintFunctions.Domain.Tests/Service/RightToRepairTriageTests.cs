using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using static ComplaintFunctions.Domain.Tests.Service.TriageTests;

namespace ComplaintFunctions.Domain.Tests.Service;

/// <summary>The Right to Repair Directive (EU) 2024/1799 in triage: a product we repaired under a claim gets one more year.</summary>
public class RightToRepairTriageTests
{
    static readonly DateOnly Today = new(2027, 6, 15);

    static TriageCheck Check(TriageResult result, string code) =>
        result.Find(code) ?? throw new Xunit.Sdk.XunitException($"No '{code}' check in: {string.Join(", ", result.Checks.Select(c => c.Code))}");

    static RepairOnRecord Repaired(Country country, int year = 2026, int month = 9, int day = 1) => new(new DateOnly(year, month, day), "K-1111-2222-333", country);

    [Fact]
    public void A_swedish_product_repaired_under_a_claim_is_in_time_a_year_after_the_three_years()
    {
        // Delivered 3 years and 5 months ago: past Sweden's 3 years, inside the year the repair adds.
        var details = Complaint(ComplaintCategory.Claim, Country.SE, delivered: new DateOnly(2024, 1, 10));
        Assert.Equal(TriageVerdict.Fails, Check(Triage.Assess(details, Today), TriageCodes.ClaimWindow).Verdict);

        var window = Check(Triage.Assess(details, Today, repair: Repaired(Country.SE)), TriageCodes.ClaimWindow);
        Assert.Equal(TriageVerdict.Ok, window.Verdict);
        Assert.Equal(new DateOnly(2028, 1, 10), window.Deadline);
        Assert.Contains("past the 3-year limit", window.Text.En, StringComparison.Ordinal);
        Assert.Contains("repaired this product under a claim on 1 September 2026 (case K-1111-2222-333)", window.Text.En, StringComparison.Ordinal);
        Assert.Contains("Right to Repair Directive (EU) 2024/1799", window.Text.En, StringComparison.Ordinal);
        Assert.Contains("in time until 10 January 2028", window.Text.En, StringComparison.Ordinal);
        Assert.Contains("reparasjonsdirektivet (EU) 2024/1799", window.Text.Nb, StringComparison.Ordinal);
        Assert.Contains("til og med 10. januar 2028", window.Text.Nb, StringComparison.Ordinal);
        Assert.Null(Triage.Assess(details, Today, repair: Repaired(Country.SE)).Find(TriageCodes.ClaimRepair));
    }

    [Fact]
    public void Past_the_extra_year_too_the_claim_fails_and_says_both_dates()
    {
        var details = Complaint(ComplaintCategory.Claim, Country.DK, delivered: new DateOnly(2024, 1, 10));
        var window = Check(Triage.Assess(details, Today, repair: Repaired(Country.DK)), TriageCodes.ClaimWindow);
        Assert.Equal(TriageVerdict.Fails, window.Verdict);
        Assert.Equal(new DateOnly(2027, 1, 10), window.Deadline);
        Assert.Contains("the 2-year limit of Danish consumer law (købeloven) ended on 10 January 2026", window.Text.En, StringComparison.Ordinal);
        Assert.Contains("ended on 10 January 2027", window.Text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_the_usual_limit_the_deadline_is_the_extended_one()
    {
        var details = Complaint(ComplaintCategory.Warranty, Country.SE, delivered: new DateOnly(2026, 2, 1));
        var window = Check(Triage.Assess(details, Today, repair: Repaired(Country.SE)), TriageCodes.ClaimWindow);
        Assert.Equal((TriageVerdict.Ok, new DateOnly(2030, 2, 1)), (window.Verdict, window.Deadline));
        Assert.Contains("inside the 3-year limit", window.Text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void In_Norway_the_repair_gives_no_extra_year_and_staff_are_told_why()
    {
        var details = Complaint(ComplaintCategory.Claim, Country.NO, delivered: new DateOnly(2025, 3, 1));
        var result = Triage.Assess(details, Today, longLivedGoods: false, repair: Repaired(Country.NO));
        Assert.Equal(TriageVerdict.Fails, Check(result, TriageCodes.ClaimWindow).Verdict);
        var note = Check(result, TriageCodes.ClaimRepair);
        Assert.Equal(TriageVerdict.Warning, note.Verdict);
        Assert.Contains("does not apply in Norway", note.Text.En, StringComparison.Ordinal);
        Assert.Contains("gjelder ikke i Norge", note.Text.Nb, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repair_before_31_July_2026_counts_for_nothing()
    {
        var details = Complaint(ComplaintCategory.Claim, Country.SE, delivered: new DateOnly(2024, 1, 10));
        var result = Triage.Assess(details, Today, repair: Repaired(Country.SE, 2026, 7, 30));
        Assert.Equal(TriageVerdict.Fails, Check(result, TriageCodes.ClaimWindow).Verdict);
        Assert.Contains("before 31 July 2026", Check(result, TriageCodes.ClaimRepair).Text.En, StringComparison.Ordinal);

        Assert.True(RightToRepair.Extends(Repaired(Country.SE, 2026, 7, 31), Country.SE));
    }

    [Fact]
    public void In_Finland_with_no_fixed_limit_the_extra_year_is_weighed_in_reasonable_time()
    {
        var result = Triage.Assess(Complaint(ComplaintCategory.Claim, Country.FI, delivered: new DateOnly(2022, 1, 10)), Today, repair: Repaired(Country.FI));
        var note = Check(result, TriageCodes.ClaimRepair);
        Assert.Equal(TriageVerdict.Ok, note.Verdict);
        Assert.Contains("count that year in when weighing reasonable time", note.Text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void The_register_finds_a_product_however_the_order_and_product_are_written()
    {
        var first = RepairKey.For(new Purchase("ord-12 345", "ThinkPad X1", null, null, null));
        var later = RepairKey.For(new Purchase(" ORD12345 ", "thinkpad-x1", "Lenovo", null, null));
        Assert.NotNull(first);
        Assert.Equal(first, later);
        Assert.Equal((first!.PartitionKey, first.RowKey), (later!.PartitionKey, later.RowKey));
        Assert.DoesNotContain('/', first.PartitionKey + first.RowKey);
        Assert.Null(RepairKey.For(new Purchase(null, "ThinkPad X1", null, null, null)));
        Assert.Null(RepairKey.For(new Purchase("12345", " - ", null, null, null)));
    }
}
