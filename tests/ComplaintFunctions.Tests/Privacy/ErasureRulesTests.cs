using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Privacy;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Tests.Privacy;

/// <summary>When a case's personal data may be erased, and when retention erases it: the rules without a host.</summary>
public class ErasureRulesTests
{
    static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    static CaseOnTheList Case(Country country = Country.NO, bool hold = false, bool erased = false, params CaseAction[] actions)
    {
        var complaint = Complaint.Open(CaseNumber.Parse("K-4821-7730-524"), Channel.WebForm,
            new ComplaintDetails(new Customer("Kari", "kari@example.no", null, "nb", country), new Purchase(null, null, null, null, null), ComplaintCategory.Claim, "Laderen virker ikke."), At);
        foreach (var action in actions)
        {
            Assert.True(complaint.Apply(action, At).Allowed);
        }

        return new CaseOnTheList(complaint, null, null, false, false, Erased: erased, LegalHold: hold);
    }

    static readonly CaseAction[] Closed = [CaseAction.GiveFinalAnswer, CaseAction.AcceptFinalAnswer];

    [Fact]
    public void A_closed_case_may_be_erased_an_open_one_a_held_one_and_one_with_a_dispute_body_may_not()
    {
        Assert.Equal(ErasureRefusal.None, ErasureRules.RefusalFor(Case(actions: Closed), disputeStillOpen: false));
        Assert.Equal(ErasureRefusal.Open, ErasureRules.RefusalFor(Case(), disputeStillOpen: false));
        Assert.Equal(ErasureRefusal.Open, ErasureRules.RefusalFor(Case(actions: CaseAction.GiveFinalAnswer), disputeStillOpen: false));
        Assert.Equal(ErasureRefusal.LegalHold, ErasureRules.RefusalFor(Case(hold: true, actions: Closed), disputeStillOpen: false));
        Assert.Equal(ErasureRefusal.ExternalBody, ErasureRules.RefusalFor(Case(actions: Closed), disputeStillOpen: true));
        Assert.Equal(ErasureRefusal.ExternalBody, ErasureRules.RefusalFor(
            Case(actions: [CaseAction.GiveFinalAnswer, CaseAction.RequestOmbudsmanReview, CaseAction.RecordOmbudsmanDecision, CaseAction.TakeToExternalBody]), disputeStillOpen: false));
    }

    [Fact]
    public void Retention_erases_a_closed_case_once_its_countrys_period_since_the_close_has_run_out()
    {
        var options = new RetentionOptions();
        var closedNorwegian = Case(Country.NO, actions: Closed);
        var closedSwedish = Case(Country.SE, actions: Closed);
        Assert.False(ErasureRules.IsDue(closedNorwegian, options, At.AddYears(4)));
        Assert.True(ErasureRules.IsDue(closedNorwegian, options, At.AddYears(5).AddDays(2)));
        Assert.False(ErasureRules.IsDue(closedSwedish, options, At.AddYears(3).AddDays(-1)));
        Assert.True(ErasureRules.IsDue(closedSwedish, options, At.AddYears(3).AddDays(2)));

        // Never an open case, never one erased already, however old.
        Assert.False(ErasureRules.IsDue(Case(Country.NO), options, At.AddYears(20)));
        Assert.False(ErasureRules.IsDue(Case(Country.NO, erased: true, actions: Closed), options, At.AddYears(20)));
    }

    [Fact]
    public void A_country_without_a_period_keeps_its_cases_as_long_as_the_longest_period_set()
    {
        var options = new RetentionOptions { EraseAfter = new(StringComparer.OrdinalIgnoreCase) { ["SE"] = TimeSpan.FromDays(10), ["NO"] = TimeSpan.FromDays(30) } };
        Assert.Equal(TimeSpan.FromDays(30), options.PeriodFor(Country.FI));
        Assert.Equal(TimeSpan.FromDays(10), options.PeriodFor(Country.SE));
    }
}
