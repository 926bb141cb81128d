using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Tests.Domain;

public class CaseLifecycleTests
{
    // The whole published process as (stage, action) -> next stage; every pair not listed is refused.
    static readonly Dictionary<(CaseStage, CaseAction), CaseStage> Legal = new()
    {
        [(CaseStage.CustomerService, CaseAction.AskCustomer)] = CaseStage.WaitingForCustomer,
        [(CaseStage.CustomerService, CaseAction.GiveFinalAnswer)] = CaseStage.FinalAnswer,
        [(CaseStage.CustomerService, CaseAction.Resolve)] = CaseStage.Closed,
        [(CaseStage.CustomerService, CaseAction.Withdraw)] = CaseStage.Closed,
        [(CaseStage.WaitingForCustomer, CaseAction.CustomerResponded)] = CaseStage.CustomerService,
        [(CaseStage.WaitingForCustomer, CaseAction.Resolve)] = CaseStage.Closed,
        [(CaseStage.WaitingForCustomer, CaseAction.ReplyWindowExpired)] = CaseStage.Closed,
        [(CaseStage.WaitingForCustomer, CaseAction.Withdraw)] = CaseStage.Closed,
        [(CaseStage.FinalAnswer, CaseAction.AcceptFinalAnswer)] = CaseStage.Closed,
        [(CaseStage.FinalAnswer, CaseAction.RequestOmbudsmanReview)] = CaseStage.OmbudsmanReview,
        [(CaseStage.FinalAnswer, CaseAction.ReplyWindowExpired)] = CaseStage.Closed,
        [(CaseStage.FinalAnswer, CaseAction.Withdraw)] = CaseStage.Closed,
        [(CaseStage.OmbudsmanReview, CaseAction.RecordOmbudsmanDecision)] = CaseStage.OmbudsmanReview,
        [(CaseStage.OmbudsmanReview, CaseAction.Withdraw)] = CaseStage.Closed,
        [(CaseStage.ExternalBody, CaseAction.RecordBodyOutcome)] = CaseStage.ExternalBody,
        [(CaseStage.ExternalBody, CaseAction.Withdraw)] = CaseStage.Closed,
        [(CaseStage.WaitingForCustomer, CaseAction.TakeBack)] = CaseStage.CustomerService,
        [(CaseStage.CustomerService, CaseAction.MergeIntoCase)] = CaseStage.Closed,
        [(CaseStage.WaitingForCustomer, CaseAction.MergeIntoCase)] = CaseStage.Closed,
        [(CaseStage.Closed, CaseAction.Reopen)] = CaseStage.CustomerService,
    };

    // Only legal once the ombudsman has decided.
    static readonly Dictionary<CaseAction, CaseStage> AfterOmbudsmanDecision = new()
    {
        [CaseAction.AcceptOmbudsmanDecision] = CaseStage.Closed,
        [CaseAction.TakeToExternalBody] = CaseStage.ExternalBody,
        [CaseAction.ReplyWindowExpired] = CaseStage.Closed,
        [CaseAction.Withdraw] = CaseStage.Closed,
    };

    public static TheoryData<CaseStage, CaseAction> EveryStageAndAction()
    {
        var data = new TheoryData<CaseStage, CaseAction>();
        foreach (var stage in Enum.GetValues<CaseStage>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                data.Add(stage, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStageAndAction))]
    public void Every_transition_is_allowed_exactly_when_the_process_allows_it(CaseStage stage, CaseAction action)
    {
        var check = CaseLifecycle.Check(stage, action);

        if (Legal.TryGetValue((stage, action), out var next))
        {
            Assert.True(check.Allowed, $"{stage} + {action} should be allowed");
            Assert.Equal(next, check.To);
        }
        else
        {
            Assert.False(check.Allowed, $"{stage} + {action} should be refused");
            Assert.False(string.IsNullOrWhiteSpace(check.RefusalReason));
            Assert.Equal(stage, check.To);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStageAndAction))]
    public void After_the_ombudsman_decided_the_customer_may_accept_or_go_to_an_external_body(CaseStage stage, CaseAction action)
    {
        if (stage != CaseStage.OmbudsmanReview)
        {
            return;
        }

        var check = CaseLifecycle.Check(stage, action, ombudsmanHasDecided: true);

        Assert.Equal(AfterOmbudsmanDecision.ContainsKey(action), check.Allowed);
        if (AfterOmbudsmanDecision.TryGetValue(action, out var next))
        {
            Assert.Equal(next, check.To);
        }
    }

    [Fact]
    public void Compliance_is_confirmed_only_after_the_body_gave_its_outcome()
    {
        Assert.False(CaseLifecycle.Check(CaseStage.ExternalBody, CaseAction.ConfirmCompliance).Allowed);
        var after = CaseLifecycle.Check(CaseStage.ExternalBody, CaseAction.ConfirmCompliance, bodyOutcomeRecorded: true);
        Assert.True(after.Allowed);
        Assert.Equal(CaseStage.Closed, after.To);
        Assert.False(CaseLifecycle.Check(CaseStage.ExternalBody, CaseAction.RecordBodyOutcome, bodyOutcomeRecorded: true).Allowed);
    }

    [Fact]
    public void Asking_the_ombudsman_before_a_final_answer_is_refused_with_the_reason()
    {
        var check = CaseLifecycle.Check(CaseStage.CustomerService, CaseAction.RequestOmbudsmanReview);

        Assert.False(check.Allowed);
        Assert.Contains("final answer", check.RefusalReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_case_refuses_everything_but_staff_reopening_it_and_says_a_new_complaint_opens_a_new_case()
    {
        foreach (var action in Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Reopen))
        {
            var check = CaseLifecycle.Check(CaseStage.Closed, action, ombudsmanHasDecided: true, bodyOutcomeRecorded: true);
            Assert.False(check.Allowed);
            Assert.Contains("new case", check.RefusalReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_complaint_walks_the_whole_process_from_report_to_close()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var complaint = Complaint.Open(CaseNumber.New(), Channel.Phone, Samples.Details(), at);

        foreach (var action in new[]
        {
            CaseAction.AskCustomer, CaseAction.CustomerResponded, CaseAction.GiveFinalAnswer, CaseAction.RequestOmbudsmanReview,
            CaseAction.RecordOmbudsmanDecision, CaseAction.TakeToExternalBody, CaseAction.RecordBodyOutcome, CaseAction.ConfirmCompliance,
        })
        {
            at = at.AddDays(1);
            Assert.True(complaint.Apply(action, at).Allowed, $"{action} from {complaint.Stage}");
        }

        Assert.Equal(CaseStage.Closed, complaint.Stage);
        Assert.Equal(at, complaint.ClosedAt);
        Assert.Equal(CaseAction.ConfirmCompliance, complaint.ClosedBy);
    }

    [Fact]
    public void A_refused_action_leaves_the_complaint_unchanged()
    {
        var opened = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var complaint = Complaint.Open(CaseNumber.New(), Channel.Email, Samples.Details(), opened);

        var check = complaint.Apply(CaseAction.TakeToExternalBody, opened.AddDays(3));

        Assert.False(check.Allowed);
        Assert.Equal(CaseStage.CustomerService, complaint.Stage);
        Assert.Equal(opened, complaint.UpdatedAt);
        Assert.Null(complaint.ClosedAt);
    }
}
