using System.Text.RegularExpressions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;

namespace ComplaintFunctions.Domain.Tests.Service;

/// <summary>Staff read the checks in Staff:Language (nb or en): every check has both, with the same facts.</summary>
public partial class TriageLanguageTests
{
    static readonly DateOnly Today = new(2027, 6, 15);

    /// <summary>Every branch of triage and routing a case can reach, with the checks each gives.</summary>
    static IEnumerable<TriageCheck> EveryBranch()
    {
        IEnumerable<TriageCheck> Checks(ComplaintDetails details, bool? longLivedGoods = null, bool contactKnown = false, RepairOnRecord? repair = null)
        {
            var triage = Triage.Assess(details, Today, longLivedGoods: longLivedGoods, repair: repair);
            return [.. triage.Checks, .. CaseRouting.Decide(triage, details, contactKnown).Checks];
        }

        var cases = new List<IEnumerable<TriageCheck>>
        {
            // Dates that cannot be right, each problem and all three at once.
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, bought: Today.AddDays(3))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, delivered: Today.AddDays(2), bought: Today.AddDays(4))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, delivered: new DateOnly(2027, 1, 1), bought: new DateOnly(2027, 2, 1))),

            // DOA: no delivery date, inside (also 1 day), past the window.
            Checks(TriageTests.Complaint(ComplaintCategory.Doa)),
            Checks(TriageTests.Complaint(ComplaintCategory.Doa, delivered: Today.AddDays(-10))),
            Checks(TriageTests.Complaint(ComplaintCategory.Doa, delivered: Today.AddDays(-1))),
            Checks(TriageTests.Complaint(ComplaintCategory.Doa, delivered: Today.AddDays(-30))),

            // The claim window: no date (fixed limit or none), no fixed limit, inside, outside, counted from the purchase.
            Checks(TriageTests.Complaint(ComplaintCategory.Claim)),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.FI)),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.FI, new DateOnly(2021, 3, 1))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2026, 1, 10))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.SE, new DateOnly(2024, 6, 14))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.DK, new DateOnly(2025, 6, 14))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.SE, bought: new DateOnly(2025, 1, 10))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.DK, bought: new DateOnly(2025, 1, 10))),

            // Norway's longer limit for long-lived goods: not judged, judged so, judged not, and past it too.
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2024, 9, 1))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2024, 9, 1)), longLivedGoods: true),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2024, 9, 1)), longLivedGoods: false),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, bought: new DateOnly(2024, 9, 1)), longLivedGoods: false),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2022, 6, 1))),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, bought: new DateOnly(2022, 6, 1))),

            // A product we repaired under a claim: inside, in the extra year, past it, counted from the purchase; Norway,
            // a repair before 31 July 2026, Finland's reasonable time, and no date to count from.
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.SE, new DateOnly(2025, 1, 10)), repair: Repair(Country.SE)),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.SE, new DateOnly(2024, 1, 10)), repair: Repair(Country.SE)),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.DK, new DateOnly(2024, 1, 10)), repair: Repair(Country.DK)),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.SE, bought: new DateOnly(2024, 1, 10)), repair: Repair(Country.SE)),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2025, 1, 10)), repair: Repair(Country.NO)),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.SE, new DateOnly(2024, 1, 10)), repair: Repair(Country.SE) with { RepairedOn = new DateOnly(2026, 7, 1) }),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.FI, new DateOnly(2021, 3, 1)), repair: Repair(Country.FI)),
            Checks(TriageTests.Complaint(ComplaintCategory.Claim, Country.SE), repair: Repair(Country.SE)),

            // A warranty, with and without the manufacturer.
            Checks(TriageTests.Complaint(ComplaintCategory.Warranty, delivered: new DateOnly(2026, 2, 1))),
            Checks(TriageTests.Complaint(ComplaintCategory.Warranty, delivered: new DateOnly(2026, 2, 1), manufacturer: null)),

            // Service and support, with and without the manufacturer, and the routing that keeps them with the team.
            Checks(TriageTests.Complaint(ComplaintCategory.Service), contactKnown: true),
            Checks(TriageTests.Complaint(ComplaintCategory.Support), contactKnown: false),
            Checks(TriageTests.Complaint(ComplaintCategory.Support, manufacturer: null)),
            Checks(TriageTests.Complaint(ComplaintCategory.Service, manufacturer: null)),
            Checks(TriageTests.Complaint(ComplaintCategory.Support, source: CategorySource.Suggested, words: "oppdatering")),
            Checks(TriageTests.Complaint(ComplaintCategory.Support, source: CategorySource.Suggested)),

            // Delivery: no date, inside the DOA days, later.
            Checks(TriageTests.Complaint(ComplaintCategory.Delivery)),
            Checks(TriageTests.Complaint(ComplaintCategory.Delivery, delivered: Today.AddDays(-3))),
            Checks(TriageTests.Complaint(ComplaintCategory.Delivery, delivered: Today.AddDays(-40))),

            // No category chosen.
            Checks(TriageTests.Complaint(ComplaintCategory.Other)),
        };
        return cases.SelectMany(c => c);
    }

    static RepairOnRecord Repair(Country country) => new(new DateOnly(2026, 9, 1), "K-1111-2222-333", country);

    [Fact]
    public void Every_check_of_every_branch_has_Norwegian_and_English_words_that_differ_and_give_the_same_numbers()
    {
        var checks = EveryBranch().ToList();

        foreach (var check in checks)
        {
            var (en, nb) = (check.Text.En, check.Text.Nb);
            Assert.False(string.IsNullOrWhiteSpace(en), $"{check.Code}: no English");
            Assert.False(string.IsNullOrWhiteSpace(nb), $"{check.Code}: no Norwegian");
            Assert.NotEqual(en, nb);
            Assert.Equal(en, check.Explanation);
            Assert.Equal(nb, check.ExplanationIn("nb"));
            Assert.Equal(en, check.ExplanationIn("en"));

            // The same facts: every date, day count and limit in one is in the other.
            Assert.Equal(Numbers(en), Numbers(nb));

            // Bokmål through and through: no English sentence left inside.
            foreach (var english in (string[])[" the ", " is ", " and ", " ago", " days", "Ask ", "Delivered", "claim "])
            {
                Assert.DoesNotContain(english, nb, StringComparison.Ordinal);
            }
        }

        // Each code a case can get is reached above.
        var codes = typeof(TriageCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(codes, checks.Select(c => c.Code).Distinct().Order(StringComparer.Ordinal));

        // And so is every verdict of the checks that have more than one.
        Assert.Equal(3, checks.Where(c => c.Code == TriageCodes.Doa).Select(c => c.Verdict).Distinct().Count());
        Assert.Equal(4, checks.Where(c => c.Code == TriageCodes.ClaimWindow).Select(c => c.Verdict).Distinct().Count());
        Assert.Equal(2, checks.Where(c => c.Code == TriageCodes.ManufacturerSupport).Select(c => c.Verdict).Distinct().Count());
        Assert.Equal(2, checks.Where(c => c.Code == TriageCodes.Delivery).Select(c => c.Verdict).Distinct().Count());
    }

    [Fact]
    public void Norwegian_checks_give_dates_in_Norwegian_and_name_the_law()
    {
        var doa = Triage.Assess(TriageTests.Complaint(ComplaintCategory.Doa, delivered: new DateOnly(2027, 6, 5)), Today).Find(TriageCodes.Doa)!;
        var window = Triage.Assess(TriageTests.Complaint(ComplaintCategory.Claim, Country.NO, new DateOnly(2026, 1, 10)), Today).Find(TriageCodes.ClaimWindow)!;

        Assert.Equal(
            "Levert 5. juni 2027, for 10 dager siden: innenfor fristen på 14 dager for produkter som er døde ved levering (DOA), til og med 19. juni 2027. Bytt produktet.",
            doa.Text.Nb);
        Assert.Equal(
            "Levert 10. januar 2026: innenfor reklamasjonsfristen på 2 år etter forbrukerkjøpsloven, som løper til og med 10. januar 2028.",
            window.Text.Nb);
    }

    [Fact]
    public void A_suggested_category_is_named_in_the_staff_language()
    {
        var details = TriageTests.Complaint(ComplaintCategory.Claim, source: CategorySource.Suggested, words: "defekt");
        var suggested = CaseRouting.Decide(Triage.Assess(details, Today), details, false).Checks.Single(c => c.Code == TriageCodes.CategorySuggested);

        Assert.Contains("'claim'", suggested.Text.En, StringComparison.Ordinal);
        Assert.Contains("«reklamasjon»", suggested.Text.Nb, StringComparison.Ordinal);
        Assert.Contains("«defekt»", suggested.Text.Nb, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdicts_read_in_the_staff_language()
    {
        Assert.Equal(["ok", "advarsel", "ikke oppfylt", "ukjent"], Enum.GetValues<TriageVerdict>().Select(v => v.StaffWord("nb")));
        Assert.Equal(["ok", "warning", "fails", "unknown"], Enum.GetValues<TriageVerdict>().Select(v => v.StaffWord("en")));

        // A language staff mails do not have reads English, as the mails do.
        Assert.Equal("warning", TriageVerdict.Warning.StaffWord("sv"));
    }

    [Fact]
    public void Every_category_has_a_staff_name_in_each_staff_language()
    {
        foreach (var language in (string[])["nb", "en"])
        {
            var names = ComplaintCategoryNames.All.Select(c => c.StaffName(language)).ToList();
            Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
            Assert.Equal(names.Count, names.Distinct().Count());
        }

        Assert.Equal("reklamasjon", ComplaintCategory.Claim.StaffName("nb"));
        Assert.Equal("DOA (død ved levering)", ComplaintCategory.Doa.StaffName("nb"));
        Assert.Equal("garanti", ComplaintCategory.Warranty.StaffName("nb"));
        Assert.Equal("levering", ComplaintCategory.Delivery.StaffName("nb"));
        Assert.Equal("annet", ComplaintCategory.Other.StaffName("nb"));
        Assert.Equal("claim", ComplaintCategory.Claim.StaffName("en"));
        Assert.Equal("DOA (dead on arrival)", ComplaintCategory.Doa.StaffName("en"));
    }

    static List<string> Numbers(string text) => [.. NumberPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
