using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;

namespace ComplaintFunctions.Domain.Tests.Service;

public class OverdueRuleTests
{
    static readonly DateTimeOffset Now = new(2027, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_case_waiting_for_the_customer_is_not_overdue_even_when_it_was_escalated_before()
    {
        Assert.False(OverdueRule.IsOverdue(CaseStage.WaitingForCustomer, false, Now.AddDays(3), flagged: true, Now));
        Assert.False(OverdueRule.IsOverdue(CaseStage.WaitingForCustomer, false, Now.AddDays(-1), flagged: true, Now));
        Assert.False(OverdueRule.IsOverdue(CaseStage.FinalAnswer, false, Now.AddDays(-1), flagged: true, Now));
        Assert.False(OverdueRule.IsOverdue(CaseStage.OmbudsmanReview, ombudsmanHasDecided: true, Now.AddDays(-1), flagged: true, Now));
        Assert.False(OverdueRule.IsOverdue(CaseStage.Closed, false, Now.AddDays(-1), flagged: true, Now));
    }

    [Fact]
    public void A_case_with_the_team_is_overdue_once_its_due_time_has_passed_and_not_before()
    {
        Assert.False(OverdueRule.IsOverdue(CaseStage.CustomerService, false, Now.AddMinutes(1), flagged: true, Now));
        Assert.False(OverdueRule.IsOverdue(CaseStage.CustomerService, false, Now, flagged: false, Now));
        Assert.True(OverdueRule.IsOverdue(CaseStage.CustomerService, false, Now.AddMinutes(-1), flagged: false, Now));
        Assert.True(OverdueRule.IsOverdue(CaseStage.OmbudsmanReview, false, Now.AddMinutes(-1), flagged: false, Now));
    }

    [Fact]
    public void Without_a_due_time_the_recorded_escalation_decides()
    {
        Assert.True(OverdueRule.IsOverdue(CaseStage.ExternalBody, false, null, flagged: true, Now));
        Assert.False(OverdueRule.IsOverdue(CaseStage.ExternalBody, false, null, flagged: false, Now));
        Assert.False(OverdueRule.IsOverdue(CaseStage.CustomerService, false, null, flagged: false, Now));
    }
}
