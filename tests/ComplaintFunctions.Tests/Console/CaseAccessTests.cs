using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.StaffConsole;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Workflow;
using ComplaintFunctions.Workflow.Process;

namespace ComplaintFunctions.Tests.Console;

/// <summary>Who sees a case in the console and which steps it offers them, decided without a host.</summary>
public class CaseAccessTests
{
    static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    static StaffPerson Person(params string[] roles) => new("id-1", "Ola Hansen", "ola@example.no", roles);

    static Complaint CaseIn(params CaseAction[] actions)
    {
        var complaint = Complaint.Open(CaseNumber.Parse("K-4821-7730-524"), Channel.WebForm,
            new ComplaintDetails(new Customer("Kari", "kari@example.no", null, "nb", Country.NO), new Purchase(null, null, null, null, null), ComplaintCategory.Claim, "Laderen virker ikke."), At);
        foreach (var action in actions)
        {
            Assert.True(complaint.Apply(action, At).Allowed);
        }

        return complaint;
    }

    static CaseOnTheList Listed(Complaint complaint, string owner = "customer-service team") => new(complaint, owner, At.AddDays(1), false, false);

    static Complaint UnderOmbudsmanReview() => CaseIn(CaseAction.GiveFinalAnswer, CaseAction.RequestOmbudsmanReview);

    [Theory]
    [InlineData(ActionRoles.Agent)]
    [InlineData(ActionRoles.TeamLead)]
    [InlineData(ActionRoles.DisputeContact)]
    [InlineData(ActionRoles.Management)]
    public void While_the_ombudsman_reviews_a_case_none_of_the_retailers_people_may_open_it(string role)
    {
        var why = CaseAccess.Refusal(Person(role), UnderOmbudsmanReview());
        Assert.NotNull(why);
        Assert.Contains("independent", why, StringComparison.Ordinal);
        Assert.Empty(CaseAccess.StepsOffered(Person(role), Listed(UnderOmbudsmanReview(), "customer ombudsman")));
    }

    [Fact]
    public void The_ombudsman_opens_the_case_and_is_offered_the_decision()
    {
        var ombudsman = Person(ActionRoles.Ombudsman);
        Assert.Null(CaseAccess.Refusal(ombudsman, UnderOmbudsmanReview()));
        var offered = CaseAccess.StepsOffered(ombudsman, Listed(UnderOmbudsmanReview(), "customer ombudsman"));
        Assert.Equal([CaseInputKinds.OmbudsmanDecide], offered.Select(o => o.Step.Step));
    }

    [Fact]
    public void The_dispute_contact_is_offered_to_mark_the_reply_to_the_body_sent_until_the_outcome_is_in()
    {
        var contact = Person(ActionRoles.DisputeContact);
        var atBody = CaseIn(CaseAction.GiveFinalAnswer, CaseAction.RequestOmbudsmanReview, CaseAction.RecordOmbudsmanDecision, CaseAction.TakeToExternalBody);
        var offered = CaseAccess.StepsOffered(contact, Listed(atBody, "dispute contact (external body)")).Select(o => o.Step.Step).ToList();
        Assert.Contains(CaseInputKinds.DisputeReplied, offered);
        Assert.DoesNotContain(CaseInputKinds.DisputeReplied, CaseAccess.StepsOffered(Person(ActionRoles.Agent), Listed(atBody)).Select(o => o.Step.Step));

        var outcomeIn = CaseIn(CaseAction.GiveFinalAnswer, CaseAction.RequestOmbudsmanReview, CaseAction.RecordOmbudsmanDecision, CaseAction.TakeToExternalBody, CaseAction.RecordBodyOutcome);
        Assert.DoesNotContain(CaseInputKinds.DisputeReplied, CaseAccess.StepsOffered(contact, Listed(outcomeIn, "dispute contact (follow the recommendation)")).Select(o => o.Step.Step));
    }

    [Fact]
    public void Once_the_reply_is_recorded_the_console_no_longer_offers_it_and_a_complex_case_is_marked_once()
    {
        var contact = Person(ActionRoles.DisputeContact);
        var atBody = CaseIn(CaseAction.GiveFinalAnswer, CaseAction.RequestOmbudsmanReview, CaseAction.RecordOmbudsmanDecision, CaseAction.TakeToExternalBody);
        List<string> Offered(string owner) => [.. CaseAccess.StepsOffered(contact, Listed(atBody, owner)).Select(o => o.Step.Step)];

        Assert.Contains(CaseInputKinds.DisputeComplex, Offered(ExternalBodyProcess.BodyOwner));
        Assert.Contains(CaseInputKinds.DisputeReplied, Offered(ExternalBodyProcess.ComplexOwner));
        Assert.DoesNotContain(CaseInputKinds.DisputeComplex, Offered(ExternalBodyProcess.ComplexOwner));

        var replied = Offered(ExternalBodyProcess.RepliedOwner);
        Assert.DoesNotContain(CaseInputKinds.DisputeReplied, replied);
        Assert.DoesNotContain(CaseInputKinds.DisputeComplex, replied);
        Assert.Contains(CaseInputKinds.DisputeOutcome, replied);
    }

    [Fact]
    public void Once_the_ombudsman_has_decided_customer_service_sees_the_case_again()
    {
        var decided = CaseIn(CaseAction.GiveFinalAnswer, CaseAction.RequestOmbudsmanReview, CaseAction.RecordOmbudsmanDecision, CaseAction.TakeToExternalBody);
        Assert.Null(CaseAccess.Refusal(Person(ActionRoles.Agent), decided));
    }

    [Fact]
    public void An_agent_is_offered_the_answers_of_a_new_case_and_nothing_of_a_lead()
    {
        var offered = CaseAccess.StepsOffered(Person(ActionRoles.Agent), Listed(CaseIn())).Select(o => o.Step.Step).ToList();
        Assert.Equal([CaseInputKinds.AgentAnswer, CaseInputKinds.AgentAsk, CaseInputKinds.AgentFinal, CaseInputKinds.CustomerReplied, CaseInputKinds.AgentCorrect, CaseInputKinds.AgentMerge], offered);
    }

    [Fact]
    public void A_closed_case_is_offered_to_reopen_within_the_set_time_and_not_after()
    {
        var closed = Listed(CaseIn(CaseAction.GiveFinalAnswer, CaseAction.AcceptFinalAnswer), "nobody (closed)");
        var within = TimeSpan.FromDays(30);
        Assert.Equal([CaseInputKinds.AgentReopen], CaseAccess.StepsOffered(Person(ActionRoles.Agent), closed, (At.AddDays(30), within)).Select(o => o.Step.Step));
        Assert.Empty(CaseAccess.StepsOffered(Person(ActionRoles.Agent), closed, (At.AddDays(30).AddMinutes(1), within)));
        Assert.Empty(CaseAccess.StepsOffered(Person(ActionRoles.Agent), closed));
        Assert.Empty(CaseAccess.StepsOffered(Person(ActionRoles.DisputeContact), closed, (At, within)));
    }

    [Fact]
    public void A_case_after_the_final_answer_may_be_corrected_but_not_merged()
    {
        var offered = CaseAccess.StepsOffered(Person(ActionRoles.Agent), Listed(CaseIn(CaseAction.GiveFinalAnswer), "customer")).Select(o => o.Step.Step).ToList();
        Assert.Contains(CaseInputKinds.AgentCorrect, offered);
        Assert.DoesNotContain(CaseInputKinds.AgentMerge, offered);
    }

    [Fact]
    public void While_a_final_answer_waits_for_approval_the_lead_decides_on_it_and_the_team_waits()
    {
        var waiting = Listed(CaseIn(), CaseProcess.ApprovalOwner);
        Assert.Equal([CaseInputKinds.CustomerReplied], CaseAccess.StepsOffered(Person(ActionRoles.Agent), waiting).Select(o => o.Step.Step));
        Assert.Equal(
            [CaseInputKinds.LeadApprove, CaseInputKinds.LeadSendBack],
            CaseAccess.StepsOffered(Person(ActionRoles.TeamLead), waiting).Select(o => o.Step.Step));

        // Without an answer waiting, the lead has only the steps on what the case is.
        Assert.Equal([CaseInputKinds.AgentCorrect, CaseInputKinds.AgentMerge], CaseAccess.StepsOffered(Person(ActionRoles.TeamLead), Listed(CaseIn())).Select(o => o.Step.Step));
    }

    [Fact]
    public void A_person_with_two_roles_takes_each_step_in_the_role_it_needs()
    {
        var both = Person(ActionRoles.Agent, ActionRoles.TeamLead);
        var offered = CaseAccess.StepsOffered(both, Listed(CaseIn(), CaseProcess.StageFailedOwner));
        Assert.Contains(offered, o => o.Step.Step == CaseInputKinds.StageRetry && o.Role == ActionRoles.TeamLead);
        Assert.Contains(offered, o => o.Step.Step == CaseInputKinds.AgentAnswer && o.Role == ActionRoles.Agent);
        Assert.Equal("team-lead:Ola Hansen", both.ActorAs(ActionRoles.TeamLead));
    }

    [Fact]
    public void The_ombudsmans_note_on_routines_is_for_the_ombudsman_and_management()
    {
        Assert.True(CaseAccess.SeesOmbudsmanNotes(Person(ActionRoles.Ombudsman)));
        Assert.True(CaseAccess.SeesOmbudsmanNotes(Person(ActionRoles.Management)));
        Assert.False(CaseAccess.SeesOmbudsmanNotes(Person(ActionRoles.Agent)));
    }

    [Theory]
    [InlineData("link-used", true)]
    [InlineData("step-taken", true)]
    [InlineData("customer-replied", true)]
    [InlineData("internal-note", true)]
    [InlineData("mail-sent", false)]
    [InlineData("triage", false)]
    public void The_conversation_is_what_people_said_and_did(string kind, bool counts) =>
        Assert.Equal(counts, CaseAccess.IsConversation(new CaseEvent(CaseNumber.Parse("K-4821-7730-524"), "e1", At, kind, "x", "link", "s")));

    [Theory]
    [InlineData("/api/console/cases/K-4821-7730-524", "/api/console/cases/K-4821-7730-524")]
    [InlineData("https://evil.example/api/console", "/api/console")]
    [InlineData("//evil.example/api/console", "/api/console")]
    [InlineData("/api/console//evil.example", "/api/console")]
    [InlineData("/api/actions/x", "/api/console")]
    [InlineData("", "/api/console")]
    public void A_sign_in_only_ever_returns_into_the_console(string asked, string goesTo) =>
        Assert.Equal(goesTo, ConsolePages.SafeReturnPath(asked));
}
