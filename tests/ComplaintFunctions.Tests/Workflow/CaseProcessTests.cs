using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Workflow;
using ComplaintFunctions.Workflow.Process;

namespace ComplaintFunctions.Tests.Workflow;

/// <summary>
/// The process as a decision table, tested directly: no host, no storage, no clock. Every path of the
/// customer-service stage, every refusal and every clock; the ombudsman's and the body's stages are in
/// <see cref="StageProcessTests"/>.
/// </summary>
public sealed class CaseProcessTests
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Open every hour of every day, so business time is wall time and the figures are easy to read.</summary>
    internal static CasePlan Plan(Country country = Country.NO, TriageRoute route = TriageRoute.CustomerService) => new(
        country,
        route,
        new CustomerServiceOptions(),
        new BusinessHoursOptions
        {
            Monday = "00:00-24:00", Tuesday = "00:00-24:00", Wednesday = "00:00-24:00", Thursday = "00:00-24:00",
            Friday = "00:00-24:00", Saturday = "00:00-24:00", Sunday = "00:00-24:00", ObservePublicHolidays = false, TimeZone = "UTC",
        },
        new DisputeOptions());

    internal static CaseFlow Opened(TriageRoute route = TriageRoute.CustomerService, Country country = Country.NO) =>
        CaseProcess.Open(new CaseFlow { CaseNumber = "K-1234-5678-901", SchemaVersion = CaseFlow.CurrentSchema }, Plan(country, route), Now).Next;

    internal static InputReading Input(string kind, string actor = "someone", string? text = "text-1", decimal? amount = null, string? choice = null, bool flag = false) =>
        StepInputs.Read(new CaseInput(kind, actor, text, amount, choice, null, flag));

    static CaseFlow In(FlowPhase phase) => phase switch
    {
        FlowPhase.CustomerService => Opened(),
        FlowPhase.Manufacturer => Opened(TriageRoute.ManufacturerSupport),
        FlowPhase.WaitingForCustomer => Step(Opened(), Input(CaseInputKinds.AgentAsk)),
        FlowPhase.AwaitingApproval => Step(Opened(), Input(CaseInputKinds.AgentFinal, amount: 9000m)),
        FlowPhase.FinalAnswer => Step(Opened(), Input(CaseInputKinds.AgentFinal)),
        FlowPhase.Ombudsman => Step(In(FlowPhase.FinalAnswer), Input(CaseInputKinds.CustomerOmbudsman)),
        FlowPhase.OmbudsmanDecided => CaseProcess.OnBodiesOffered(In(FlowPhase.Ombudsman), Decision(refer: false), ["no-forbrukertilsynet"], Now).Next,
        FlowPhase.ExternalBody => Step(In(FlowPhase.OmbudsmanDecided), Input(CaseInputKinds.CustomerExternalBody, choice: "no-forbrukertilsynet")),
        FlowPhase.StageFailed => CaseProcess.OnStageFailed(In(FlowPhase.Ombudsman), "boom", Now).Next,
        FlowPhase.Closed => Step(In(FlowPhase.FinalAnswer), Input(CaseInputKinds.CustomerAccept)),
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    static CaseFlow Step(CaseFlow flow, InputReading input) => CaseProcess.OnInput(flow, input, Now).Next;

    internal static OmbudsmanDecision Decision(bool refer, string outcome = "upheld") =>
        new(outcome, "reasons-1", 4999m, "note-1", refer, Now.UtcDateTime, "ombudsman");

    /// <summary>One input of every kind, as the links and mails send them.</summary>
    internal static IEnumerable<InputReading> EveryKindOfInput() =>
    [
        Input(CaseInputKinds.AgentAnswer, "agent"),
        Input(CaseInputKinds.AgentAsk, "agent"),
        Input(CaseInputKinds.AgentFinal, "agent"),
        Input(CaseInputKinds.AgentFinal, "agent", amount: 9000m),
        Input(CaseInputKinds.LeadApprove, "team-lead"),
        Input(CaseInputKinds.LeadSendBack, "team-lead"),
        Input(CaseInputKinds.CustomerAccept, "customer"),
        Input(CaseInputKinds.CustomerOmbudsman, "customer"),
        Input(CaseInputKinds.ManufacturerSolved, "customer"),
        Input(CaseInputKinds.ManufacturerHelp, "customer"),
        Input(CaseInputKinds.CustomerReplied, "customer"),
        Input(CaseInputKinds.Withdraw, "customer"),
        Input(CaseInputKinds.OmbudsmanDecide, "ombudsman", choice: "overturned"),
        Input(CaseInputKinds.OmbudsmanDecided, "ombudsman", choice: "overturned"),
        Input(CaseInputKinds.CustomerAcceptDecision, "customer"),
        Input(CaseInputKinds.CustomerExternalBody, "customer", choice: "no-forbrukertilsynet"),
        Input(CaseInputKinds.DisputeOutcome, "dispute-contact", choice: "customer"),
        Input(CaseInputKinds.DisputeComply, "dispute-contact"),
        Input(CaseInputKinds.DisputeNotComply, "dispute-contact"),
        Input(CaseInputKinds.DisputeReplied, "dispute-contact"),
        Input(CaseInputKinds.DisputeComplex, "dispute-contact"),
        Input(CaseInputKinds.BodyCaseClosed, "system"),
        Input(CaseInputKinds.StageRetry, "team-lead"),
        Input(CaseInputKinds.AgentCorrect, "agent", choice: FactsCorrected.ToChoice(ComplaintCategory.Claim, Country.SE, "sv")),
        Input(CaseInputKinds.AgentMerge, "agent", choice: OtherCase),
    ];

    /// <summary>The customer's other case, that a duplicate is merged into.</summary>
    internal static readonly string OtherCase = CaseNumber.New().Value;

    public static TheoryData<FlowPhase> Phases() => new(Enum.GetValues<FlowPhase>().Where(p => p != FlowPhase.Opening));

    [Fact]
    public void A_new_case_is_acknowledged_and_given_to_the_team_with_a_clock()
    {
        var decision = CaseProcess.Open(new CaseFlow { CaseNumber = "K-1234-5678-901" }, Plan(), Now);

        Assert.Equal(FlowPhase.CustomerService, decision.Next.Phase);
        Assert.Equal(TimeSpan.FromHours(8), decision.Next.Sla!.Target);
        Assert.Equal(MailKind.Acknowledgement, Assert.IsType<SendMail>(decision.Commands[0]).Kind);
        var assignment = Assert.IsType<SendMail>(decision.Commands[1]);
        Assert.Equal(MailKind.StaffAssignment, assignment.Kind);
        Assert.Equal(["answerUrl", "askUrl", "finalUrl"], assignment.Links.Select(l => l.Placeholder));
        Assert.Equal(Now.AddHours(8).UtcDateTime, assignment.Times["dueAt"]);
        Assert.Equal(new RecordOwner("customer-service team", Now.AddHours(8), false), decision.Commands[2]);
    }

    [Fact]
    public void A_support_question_goes_to_the_manufacturer_with_a_window_after_the_step_is_taken()
    {
        var decision = CaseProcess.Open(new CaseFlow { CaseNumber = "K-1234-5678-901" }, Plan(route: TriageRoute.ManufacturerSupport), Now);

        Assert.Equal(FlowPhase.Manufacturer, decision.Next.Phase);
        Assert.Equal(Now.AddDays(14), decision.Next.WaitUntil);
        Assert.Equal(new TakeStep(CaseAction.AskCustomer, "system"), decision.Commands[0]);
        var support = decision.Commands.OfType<SendMail>().Single(m => m.Kind == MailKind.ManufacturerSupport);
        Assert.Equal([CaseInputKinds.ManufacturerSolved, CaseInputKinds.ManufacturerHelp], support.Links.Select(l => l.Step));
    }

    [Fact]
    public void The_team_is_reminded_then_the_lead_hears_then_the_customer_gets_progress()
    {
        var flow = Opened();
        Assert.Equal(Now.AddHours(6), CaseProcess.NextClock(flow));

        var reminded = CaseProcess.OnClock(flow, Now.AddHours(6));
        Assert.Equal([MailKind.StaffReminder], reminded.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.True(reminded.Next.ReminderSent);
        Assert.Equal(Now.AddHours(8), CaseProcess.NextClock(reminded.Next));

        var escalated = CaseProcess.OnClock(reminded.Next, Now.AddHours(8));
        Assert.Contains(new TargetMissed("customer-service", Now.AddHours(8)), escalated.Commands);
        Assert.Equal([MailKind.StaffEscalation], escalated.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.Equal(new RecordOwner("customer-service team", Now.AddHours(8), true), escalated.Commands.OfType<RecordOwner>().Single());
        Assert.Equal(Now.AddHours(24), CaseProcess.NextClock(escalated.Next));

        var progress = CaseProcess.OnClock(escalated.Next, Now.AddHours(24));
        Assert.Equal([MailKind.Progress], progress.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.Equal(Now.AddHours(24), progress.Next.LastWordToCustomer);
    }

    [Fact]
    public void A_clock_that_fires_early_does_nothing()
    {
        var flow = Opened();
        var early = CaseProcess.OnClock(flow, Now.AddHours(6).AddSeconds(-1));
        Assert.Empty(early.Commands);
        Assert.Equal(flow, early.Next);
    }

    [Theory]
    [InlineData(FlowPhase.Manufacturer)]
    [InlineData(FlowPhase.WaitingForCustomer)]
    [InlineData(FlowPhase.FinalAnswer)]
    [InlineData(FlowPhase.OmbudsmanDecided)]
    public void When_the_customer_s_time_runs_out_the_case_closes(FlowPhase phase)
    {
        var flow = In(phase);
        var at = CaseProcess.NextClock(flow)!.Value;
        Assert.Equal(flow.WaitUntil, at);
        var closed = CaseProcess.OnClock(flow, at);
        Assert.Equal(FlowPhase.Closed, closed.Next.Phase);
        Assert.Equal(new TakeStep(CaseAction.ReplyWindowExpired, "system"), closed.Commands[0]);
        Assert.Equal(MailKind.ClosedNoReply, closed.Commands.OfType<SendMail>().Single().Kind);
    }

    [Fact]
    public void The_later_stages_and_a_closed_case_have_no_clock_of_the_case()
    {
        Assert.Null(CaseProcess.NextClock(In(FlowPhase.Ombudsman)));
        Assert.Null(CaseProcess.NextClock(In(FlowPhase.ExternalBody)));
        Assert.Null(CaseProcess.NextClock(In(FlowPhase.StageFailed)));
    }

    [Fact]
    public void An_answer_stops_the_clock_and_reaches_the_customer()
    {
        var decision = CaseProcess.OnInput(Opened(), Input(CaseInputKinds.AgentAnswer, "agent", "answer-1"), Now.AddHours(1));
        Assert.Null(decision.Next.Sla);
        Assert.Equal(FlowPhase.CustomerService, decision.Next.Phase);
        var mail = decision.Commands.OfType<SendMail>().Single();
        Assert.Equal((MailKind.AgentAnswer, "answer-1"), (mail.Kind, mail.TextRef));
    }

    [Fact]
    public void A_question_pauses_the_clock_and_gives_the_customer_a_window()
    {
        var decision = CaseProcess.OnInput(Opened(), Input(CaseInputKinds.AgentAsk, "agent"), Now.AddHours(1));
        Assert.Equal(FlowPhase.WaitingForCustomer, decision.Next.Phase);
        Assert.False(decision.Next.Sla!.IsRunning);
        Assert.Equal(Now.AddHours(1).AddDays(14), decision.Next.WaitUntil);
        Assert.Equal(new TakeStep(CaseAction.AskCustomer, "agent"), decision.Commands[0]);
    }

    [Fact]
    public void The_customer_s_reply_gives_the_case_back_to_the_team_on_a_fresh_clock()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.WaitingForCustomer), Input(CaseInputKinds.CustomerReplied, "customer", "reply-1"), Now.AddHours(2));
        Assert.Equal(FlowPhase.CustomerService, decision.Next.Phase);
        Assert.Equal(Now.AddHours(2), decision.Next.Sla!.RunningSince);
        Assert.Equal(new TakeStep(CaseAction.CustomerResponded, "customer"), decision.Commands[0]);
        Assert.Equal((MailKind.StaffCustomerReplied, "reply-1"), decision.Commands.OfType<SendMail>().Select(m => (m.Kind, m.TextRef)).Single());
    }

    [Fact]
    public void Back_from_the_manufacturer_the_team_is_told_it_is_not_a_new_complaint()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.Manufacturer), Input(CaseInputKinds.ManufacturerHelp, "customer"), Now);
        Assert.Equal(MailKind.StaffManufacturerReturn, decision.Commands.OfType<SendMail>().Single().Kind);
        Assert.Equal(FlowPhase.CustomerService, decision.Next.Phase);
    }

    [Fact]
    public void Solved_at_the_manufacturer_closes_the_case()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.Manufacturer), Input(CaseInputKinds.ManufacturerSolved, "customer"), Now);
        Assert.Equal(FlowPhase.Closed, decision.Next.Phase);
        Assert.Equal(new TakeStep(CaseAction.Resolve, "customer"), decision.Commands[0]);
        Assert.Equal(MailKind.ClosedSolved, decision.Commands.OfType<SendMail>().Single().Kind);
    }

    [Theory]
    [InlineData(Country.NO, 5000, false)]
    [InlineData(Country.NO, 5000.01, true)]
    [InlineData(Country.SE, 4999, false)]
    [InlineData(Country.DK, 3600, true)]
    [InlineData(Country.FI, 451, true)]
    [InlineData(Country.FI, 449, false)]
    public void A_final_answer_above_the_country_s_threshold_waits_for_the_team_lead(Country country, decimal amount, bool needsApproval)
    {
        var decision = CaseProcess.OnInput(Opened(country: country), Input(CaseInputKinds.AgentFinal, "agent", "final-1", amount), Now);
        Assert.Equal(needsApproval ? FlowPhase.AwaitingApproval : FlowPhase.FinalAnswer, decision.Next.Phase);
        Assert.Equal(needsApproval ? MailKind.StaffApprovalRequest : MailKind.FinalAnswer, decision.Commands.OfType<SendMail>().Single().Kind);
    }

    [Fact]
    public void The_lead_approves_the_answer_the_case_holds_and_it_goes_out_with_the_amount()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.AwaitingApproval), Input(CaseInputKinds.LeadApprove, "team-lead", text: null), Now);
        Assert.Equal(new TakeStep(CaseAction.GiveFinalAnswer, "team-lead", TrailFacts.Of((FactKeys.Amount, "9000"), (FactKeys.Currency, "NOK"))), decision.Commands[0]);
        var final = decision.Commands.OfType<SendMail>().Single();
        Assert.Equal((MailKind.FinalAnswer, "text-1", 9000m), (final.Kind, final.TextRef, final.Amount));
        Assert.Null(decision.Next.PendingApproval);
    }

    [Fact]
    public void A_final_answer_whose_outcome_is_a_repair_records_it_last_after_the_step_and_the_mail()
    {
        var decision = CaseProcess.OnInput(Opened(country: Country.SE), Input(CaseInputKinds.AgentFinal, "agent", "final-1", flag: true), Now);
        Assert.Equal(new TakeStep(CaseAction.GiveFinalAnswer, "agent", TrailFacts.Of((FactKeys.Outcome, "repaired"))), decision.Commands[0]);
        Assert.Equal(new RecordRepair("agent"), decision.Commands[^1]);
        Assert.Single(decision.Commands.OfType<RecordRepair>());

        var plain = CaseProcess.OnInput(Opened(country: Country.SE), Input(CaseInputKinds.AgentFinal, "agent", "final-1"), Now);
        Assert.DoesNotContain(plain.Commands, c => c is RecordRepair);
    }

    [Fact]
    public void A_repair_waiting_for_the_lead_is_recorded_when_the_lead_approves_and_not_when_sent_back()
    {
        var waiting = CaseProcess.OnInput(Opened(), Input(CaseInputKinds.AgentFinal, "agent", "final-1", 9000m, flag: true), Now);
        Assert.DoesNotContain(waiting.Commands, c => c is RecordRepair);
        Assert.Equal(new PendingAnswer("final-1", 9000m, Repaired: true), waiting.Next.PendingApproval);

        var approved = CaseProcess.OnInput(waiting.Next, Input(CaseInputKinds.LeadApprove, "team-lead", text: null), Now);
        Assert.Equal(new RecordRepair("team-lead"), approved.Commands[^1]);
        var sentBack = CaseProcess.OnInput(waiting.Next, Input(CaseInputKinds.LeadSendBack, "team-lead", "why-1"), Now);
        Assert.DoesNotContain(sentBack.Commands, c => c is RecordRepair);
    }

    [Fact]
    public void The_lead_sends_an_answer_back_to_the_team_and_nothing_reaches_the_customer()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.AwaitingApproval), Input(CaseInputKinds.LeadSendBack, "team-lead", "why-1"), Now);
        Assert.Equal(FlowPhase.CustomerService, decision.Next.Phase);
        Assert.Equal((MailKind.StaffSentBack, "why-1"), decision.Commands.OfType<SendMail>().Select(m => (m.Kind, m.TextRef)).Single());
        Assert.DoesNotContain(decision.Commands, c => c is TakeStep);
    }

    [Fact]
    public void Accepting_the_final_answer_closes_the_case()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.FinalAnswer), Input(CaseInputKinds.CustomerAccept, "customer"), Now);
        Assert.Equal(FlowPhase.Closed, decision.Next.Phase);
        Assert.Equal(MailKind.ClosedAccepted, decision.Commands.OfType<SendMail>().Single().Kind);
    }

    [Fact]
    public void Not_satisfied_the_customer_gets_the_ombudsman_as_a_stage_of_its_own()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.FinalAnswer), Input(CaseInputKinds.CustomerOmbudsman, "customer", "why-not"), Now);
        Assert.Equal(FlowPhase.Ombudsman, decision.Next.Phase);
        Assert.Equal("why-not", decision.Next.OmbudsmanRequestRef);
        Assert.Equal(new TakeStep(CaseAction.RequestOmbudsmanReview, "customer"), decision.Commands[0]);
        Assert.Contains(new StartStage(LaterStage.OmbudsmanReview, 1), decision.Commands);
        Assert.Equal(LaterStage.OmbudsmanReview, CaseProcess.RunningStage(decision.Next));
    }

    [Fact]
    public void The_ombudsman_s_input_reaches_the_case_and_is_passed_on_to_the_review()
    {
        var flow = In(FlowPhase.Ombudsman);
        var decision = CaseProcess.OnInput(flow, Input(CaseInputKinds.OmbudsmanDecide, "ombudsman", choice: "upheld"), Now);
        var forward = Assert.IsType<ForwardToStage>(Assert.Single(decision.Commands));
        Assert.Equal((LaterStage.OmbudsmanReview, 1, CaseInputKinds.OmbudsmanDecide), (forward.Stage, forward.Attempt, forward.Input.Kind));
        Assert.Equal(flow, decision.Next);
    }

    [Fact]
    public void When_the_review_ends_the_case_asks_which_bodies_fit()
    {
        var decision = CaseProcess.OnStageEnded(In(FlowPhase.Ombudsman), new StageResult(StageEnding.Decided, Decision(refer: false)), Now);
        Assert.Equal(Decision(refer: false), Assert.IsType<FindBodies>(Assert.Single(decision.Commands)).Decision);
    }

    [Fact]
    public void The_customer_hears_the_decision_with_a_link_for_each_body_that_fits()
    {
        var decision = CaseProcess.OnBodiesOffered(In(FlowPhase.Ombudsman), Decision(refer: false), ["no-forbrukertilsynet", "eu-odr"], Now);
        Assert.Equal(FlowPhase.OmbudsmanDecided, decision.Next.Phase);
        Assert.Equal(Now.AddDays(30), decision.Next.WaitUntil);
        var mail = decision.Commands.OfType<SendMail>().Single();
        Assert.Equal(MailKind.OmbudsmanDecision, mail.Kind);
        Assert.Equal(["acceptDecisionUrl", "body:no-forbrukertilsynet", "body:eu-odr"], mail.Links.Select(l => l.Placeholder));
        Assert.Equal(("reasons-1", "upheld"), (mail.TextRef, mail.Extra!["outcome"]));
    }

    [Fact]
    public void A_referral_tells_the_customer_the_decision_and_the_body_and_names_the_ombudsman_on_the_trail()
    {
        var decision = CaseProcess.OnBodiesOffered(In(FlowPhase.Ombudsman), Decision(refer: true, "partly-settled") with { DecidedBy = "ombudsman:kari" }, ["no-forbrukertilsynet"], Now);

        Assert.Equal(new TakeStep(CaseAction.TakeToExternalBody, "ombudsman:kari"), decision.Commands[0]);
        var referral = decision.Commands.OfType<SendMail>().Single();
        Assert.Equal(MailKind.OmbudsmanReferral, referral.Kind);
        Assert.Equal(("reasons-1", "partly-settled", "no-forbrukertilsynet"), (referral.TextRef, referral.Extra!["outcome"], referral.Extra["bodyId"]));
        Assert.Equal((FlowPhase.ExternalBody, "ombudsman:kari"), (decision.Next.Phase, decision.Next.BodyReferredBy));
        Assert.Contains(new StartStage(LaterStage.ExternalBody, 1), decision.Commands);
    }

    [Fact]
    public void A_referral_with_no_body_that_fits_asks_the_customer_instead()
    {
        var decision = CaseProcess.OnBodiesOffered(In(FlowPhase.Ombudsman), Decision(refer: true), [], Now);
        Assert.Equal(FlowPhase.OmbudsmanDecided, decision.Next.Phase);
        Assert.Equal(MailKind.OmbudsmanDecision, decision.Commands.OfType<SendMail>().Single().Kind);
    }

    [Fact]
    public void The_customer_takes_the_case_to_the_body_they_chose()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.OmbudsmanDecided), Input(CaseInputKinds.CustomerExternalBody + ":se-arn", "customer"), Now);
        Assert.Equal(("se-arn", (string?)null), (decision.Next.BodyId, decision.Next.BodyReferredBy));
        Assert.Equal(new TakeStep(CaseAction.TakeToExternalBody, "customer"), decision.Commands[0]);
        Assert.Contains(new StartStage(LaterStage.ExternalBody, 1), decision.Commands);
    }

    [Fact]
    public void Accepting_the_decision_closes_the_case()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.OmbudsmanDecided), Input(CaseInputKinds.CustomerAcceptDecision, "customer"), Now);
        Assert.Equal(FlowPhase.Closed, decision.Next.Phase);
        Assert.Equal(MailKind.ClosedDecisionAccepted, decision.Commands.OfType<SendMail>().Single().Kind);
    }

    [Fact]
    public void The_body_s_stage_ending_closes_the_case()
    {
        var decision = CaseProcess.OnStageEnded(In(FlowPhase.ExternalBody), new StageResult(StageEnding.Closed), Now);
        Assert.Equal(FlowPhase.Closed, decision.Next.Phase);
        Assert.DoesNotContain(decision.Commands, c => c is SendMail);
    }

    [Fact]
    public void A_failed_stage_is_shown_staff_hear_and_a_lead_can_run_it_again_under_a_new_id()
    {
        var failed = CaseProcess.OnStageFailed(In(FlowPhase.Ombudsman), "The activity threw.", Now);
        Assert.Equal((FlowPhase.StageFailed, LaterStage.OmbudsmanReview), (failed.Next.Phase, failed.Next.FailedStage));
        var mail = failed.Commands.OfType<SendMail>().Single();
        Assert.Equal((MailKind.StaffStageFailed, CaseInputKinds.StageRetry, "ombudsman"), (mail.Kind, mail.Links.Single().Step, mail.Extra!["stage"]));
        Assert.Equal(new RecordOwner("team lead (a stage failed)", null, true), failed.Commands.OfType<RecordOwner>().Single());

        var retried = CaseProcess.OnInput(failed.Next, Input(CaseInputKinds.StageRetry, "team-lead"), Now);
        Assert.Equal(FlowPhase.Ombudsman, retried.Next.Phase);
        Assert.Contains(new StartStage(LaterStage.OmbudsmanReview, 2), retried.Commands);
        Assert.Equal(LaterStage.OmbudsmanReview, CaseProcess.RunningStage(retried.Next));
    }

    [Fact]
    public void An_input_for_a_stopped_stage_is_refused_with_the_reason()
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.StageFailed), Input(CaseInputKinds.OmbudsmanDecide, "ombudsman", choice: "upheld"), Now);
        Assert.Contains("run it again", Assert.IsType<RecordRefusal>(Assert.Single(decision.Commands)).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void The_customer_can_withdraw_at_any_open_phase_and_a_running_stage_ends(FlowPhase phase)
    {
        var flow = In(phase);
        var decision = CaseProcess.OnInput(flow, Input(CaseInputKinds.Withdraw, "customer", text: null), Now);
        if (phase == FlowPhase.Closed)
        {
            Assert.IsType<RecordRefusal>(Assert.Single(decision.Commands));
            return;
        }

        Assert.Equal(FlowPhase.Closed, decision.Next.Phase);
        Assert.Equal(new TakeStep(CaseAction.Withdraw, "customer"), decision.Commands[0]);
        Assert.Equal([MailKind.ClosedWithdrawn, MailKind.StaffWithdrawn], decision.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.Equal("customer", decision.Commands.OfType<SendMail>().Last().Extra!["actor"]);
        var ends = decision.Commands.OfType<EndStage>().ToList();
        if (CaseProcess.RunningStage(flow) is { } running)
        {
            Assert.Equal(running, Assert.Single(ends).Stage);
        }
        else
        {
            Assert.Empty(ends);
        }
    }

    [Theory]
    [InlineData("no-such-kind", null, "not an input this process knows")]
    [InlineData(CaseInputKinds.OmbudsmanDecided, "maybe", "'maybe' is not one of")]
    [InlineData(CaseInputKinds.OmbudsmanDecided, null, "'(none)' is not one of")]
    [InlineData(CaseInputKinds.DisputeOutcome, "both", "'both' is not one of")]
    [InlineData(CaseInputKinds.CustomerExternalBody, null, "names no body")]
    public void An_input_that_cannot_be_read_is_refused_on_the_trail_and_staff_hear_never_a_default(string kind, string? choice, string reason)
    {
        var flow = In(FlowPhase.Ombudsman) with { StageReportsByInput = true };
        var decision = CaseProcess.OnInput(flow, Input(kind, "someone", choice: choice), Now);
        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(decision.Commands));
        Assert.True(refusal.TellStaff);
        Assert.Contains(reason, refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(flow, decision.Next);
    }

    [Fact]
    public void A_customer_reply_during_a_later_stage_reaches_the_team_and_moves_nothing()
    {
        var flow = In(FlowPhase.Ombudsman);
        var decision = CaseProcess.OnInput(flow, Input(CaseInputKinds.CustomerReplied, "customer", "more"), Now);
        Assert.Equal(flow, decision.Next);
        Assert.Equal((MailKind.StaffCustomerReplied, "more"), decision.Commands.OfType<SendMail>().Select(m => (m.Kind, m.TextRef)).Single());
    }

    [Fact]
    public void An_input_raised_twice_changes_the_case_once()
    {
        var reply = StepInputs.Read(new CaseInput(CaseInputKinds.CustomerReplied, "customer", "reply-1", InputId: "mail:abc"));
        var first = CaseProcess.OnInput(In(FlowPhase.WaitingForCustomer), reply, Now);
        Assert.Equal(FlowPhase.CustomerService, first.Next.Phase);
        Assert.Contains("mail:abc", first.Next.RecentInputs);

        var again = CaseProcess.OnInput(first.Next, reply, Now.AddSeconds(5));
        Assert.Empty(again.Commands);
        Assert.Equal(first.Next, again.Next);
    }

    [Fact]
    public void The_case_remembers_a_bounded_number_of_inputs()
    {
        var flow = Opened();
        for (var i = 0; i < CaseFlow.RememberedInputs + 10; i++)
        {
            flow = CaseProcess.OnInput(flow, StepInputs.Read(new CaseInput(CaseInputKinds.CustomerReplied, "customer", $"r{i}", InputId: $"mail:{i}")), Now).Next;
        }

        Assert.Equal(CaseFlow.RememberedInputs, flow.RecentInputs.Count);
        Assert.Equal($"mail:{CaseFlow.RememberedInputs + 9}", flow.RecentInputs[^1]);
    }

    [Fact]
    public void A_refused_input_is_not_remembered_so_it_is_refused_again_on_the_trail()
    {
        var late = StepInputs.Read(new CaseInput(CaseInputKinds.CustomerAccept, "customer", InputId: "link:1"));
        var refused = CaseProcess.OnInput(Opened(), late, Now);
        Assert.IsType<RecordRefusal>(Assert.Single(refused.Commands));
        Assert.Empty(refused.Next.RecentInputs);
    }

    /// <summary>
    /// The one state machine: for every phase and every kind of input, a step of the lifecycle comes
    /// before anything is sent; the complaint's rules allow the step from the stage the phase stands for;
    /// the phase the case moves to stands for the stage the step leads to; and an input that is not a
    /// step now leaves the case exactly as it was.
    /// </summary>
    [Fact]
    public void The_process_and_the_complaint_s_lifecycle_agree_on_every_phase_and_input()
    {
        var pairs = 0;
        foreach (var phase in Enum.GetValues<FlowPhase>().Where(p => p != FlowPhase.Opening))
        {
            foreach (var input in EveryKindOfInput())
            {
                var flow = In(phase);
                var decision = CaseProcess.OnInput(flow, input, Now);
                var at = $"{input.Kind} in {phase}";
                pairs++;
                AssertStepsFirst(decision.Commands, at);

                var steps = decision.Commands.OfType<TakeStep>().ToList();
                var stage = CaseProcess.StageOf(flow);
                var decided = flow.Decision is not null;
                foreach (var step in steps)
                {
                    var check = CaseLifecycle.Check(stage, step.Action, ombudsmanHasDecided: decided);
                    Assert.True(check.Allowed, $"{at}: the process takes {step.Action}, which the complaint refuses: {check.RefusalReason}");
                    stage = check.To;
                }

                if (decision.Commands.OfType<RecordRefusal>().Any())
                {
                    Assert.True(decision.Next == flow, $"{at}: refused, yet the case changed");
                    Assert.DoesNotContain(decision.Commands, c => c is SendMail or TakeStep or StartStage);
                    continue;
                }

                Assert.True(CaseProcess.StageOf(decision.Next) == stage, $"{at}: the case moves to {decision.Next.Phase} ({CaseProcess.StageOf(decision.Next)}), the complaint to {stage}");
            }
        }

        Assert.Equal(10 * 25, pairs);
    }

    [Fact]
    public void Every_clock_agrees_with_the_lifecycle_too()
    {
        foreach (var phase in Enum.GetValues<FlowPhase>().Where(p => p is not (FlowPhase.Opening or FlowPhase.Closed)))
        {
            var flow = In(phase);
            if (CaseProcess.NextClock(flow) is not { } at)
            {
                continue;
            }

            var decision = CaseProcess.OnClock(flow, at);
            AssertStepsFirst(decision.Commands, $"clock in {phase}");
            var stage = CaseProcess.StageOf(flow);
            foreach (var step in decision.Commands.OfType<TakeStep>())
            {
                var check = CaseLifecycle.Check(stage, step.Action, ombudsmanHasDecided: flow.Decision is not null);
                Assert.True(check.Allowed, $"clock in {phase}: {check.RefusalReason}");
                stage = check.To;
            }

            Assert.Equal(stage, CaseProcess.StageOf(decision.Next));
        }
    }

    [Fact]
    public void A_correction_of_a_case_sent_to_the_manufacturer_brings_it_back_to_the_team_with_the_new_checks_and_clocks()
    {
        var flow = In(FlowPhase.Manufacturer);
        var decision = CaseProcess.OnInput(flow, Input(CaseInputKinds.AgentCorrect, "agent:Ola Hansen", choice: FactsCorrected.ToChoice(ComplaintCategory.Claim, Country.SE, "sv")), Now);

        // First the case is corrected (triage runs again in the activity); nothing moves or is sent before that.
        var correct = Assert.IsType<CorrectFacts>(Assert.Single(decision.Commands));
        Assert.Equal((ComplaintCategory.Claim, Country.SE, "sv", "agent:Ola Hansen"), (correct.Category, correct.Country, correct.Language, correct.Actor));
        Assert.Equal(flow, decision.Next);

        var corrected = CaseProcess.OnCorrected(flow, Plan(Country.SE, TriageRoute.CustomerService), "agent:Ola Hansen", Now.AddSeconds(1));
        Assert.Equal(FlowPhase.CustomerService, corrected.Next.Phase);
        Assert.Equal((Country.SE, TriageRoute.CustomerService), (corrected.Next.Plan!.Country, corrected.Next.Plan.Route));
        Assert.Null(corrected.Next.WaitUntil);
        Assert.NotNull(corrected.Next.Sla);
        var step = Assert.IsType<TakeStep>(corrected.Commands[0]);
        Assert.Equal((CaseAction.TakeBack, "agent:Ola Hansen"), (step.Action, step.Actor));
        Assert.Equal(MailKind.StaffTakenBack, Assert.Single(corrected.Commands.OfType<SendMail>()).Kind);
    }

    [Fact]
    public void A_correction_never_sends_a_case_the_team_has_away_but_its_clocks_follow_the_country()
    {
        var flow = In(FlowPhase.CustomerService);
        var corrected = CaseProcess.OnCorrected(flow, Plan(Country.FI, TriageRoute.ManufacturerSupport), "agent:Ola Hansen", Now);

        Assert.Equal(FlowPhase.CustomerService, corrected.Next.Phase);
        Assert.Equal(Country.FI, corrected.Next.Plan!.Country);
        Assert.Equal(TriageRoute.CustomerService, corrected.Next.Plan.Route);
        Assert.Equal(flow.Sla, corrected.Next.Sla);
        Assert.IsType<RecordOwner>(Assert.Single(corrected.Commands));
    }

    [Theory]
    [InlineData(FlowPhase.Ombudsman)]
    [InlineData(FlowPhase.ExternalBody)]
    [InlineData(FlowPhase.OmbudsmanDecided)]
    public void After_customer_service_a_correction_is_refused_with_the_reason(FlowPhase phase)
    {
        var decision = CaseProcess.OnInput(In(phase), Input(CaseInputKinds.AgentCorrect, "agent", choice: FactsCorrected.ToChoice(ComplaintCategory.Claim, Country.SE, "sv")), Now);

        Assert.Contains("while customer service has the case", Assert.IsType<RecordRefusal>(Assert.Single(decision.Commands)).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("category=claim;country=XX;language=sv")]
    [InlineData("category=claim;country=1;language=sv")]
    [InlineData("category=nonsense;country=SE;language=sv")]
    [InlineData("category=claim;country=SE;language=de")]
    [InlineData(null)]
    public void A_correction_that_names_nothing_known_is_refused_never_guessed(string? choice)
    {
        var decision = CaseProcess.OnInput(In(FlowPhase.CustomerService), Input(CaseInputKinds.AgentCorrect, "agent", choice: choice), Now);

        Assert.True(Assert.IsType<RecordRefusal>(Assert.Single(decision.Commands)).TellStaff);
    }

    [Theory]
    [InlineData(FlowPhase.CustomerService)]
    [InlineData(FlowPhase.WaitingForCustomer)]
    [InlineData(FlowPhase.Manufacturer)]
    public void A_duplicate_merged_into_the_other_case_closes_gives_its_words_there_and_the_customer_is_told_the_number(FlowPhase phase)
    {
        var decision = CaseProcess.OnInput(In(phase), Input(CaseInputKinds.AgentMerge, "agent:Ola Hansen", text: "reason-1", choice: OtherCase), Now);

        Assert.Equal(FlowPhase.Closed, decision.Next.Phase);
        Assert.Equal(new TakeStep(CaseAction.MergeIntoCase, "agent:Ola Hansen"), decision.Commands[0]);
        Assert.Equal(new PassToCase(OtherCase, "agent:Ola Hansen", "reason-1"), decision.Commands[1]);
        var mail = Assert.Single(decision.Commands.OfType<SendMail>());
        Assert.Equal(MailKind.ClosedMerged, mail.Kind);
        Assert.Equal(OtherCase, mail.Extra!["otherCase"]);
    }

    [Fact]
    public void A_duplicate_whose_final_answer_waits_for_the_lead_is_not_merged_and_a_case_is_never_merged_into_itself()
    {
        var waiting = CaseProcess.OnInput(In(FlowPhase.AwaitingApproval), Input(CaseInputKinds.AgentMerge, "agent", choice: OtherCase), Now);
        Assert.Contains("approval", Assert.IsType<RecordRefusal>(Assert.Single(waiting.Commands)).Reason, StringComparison.Ordinal);

        var flow = In(FlowPhase.CustomerService);
        var itself = CaseProcess.OnInput(flow, Input(CaseInputKinds.AgentMerge, "agent", choice: flow.CaseNumber), Now);
        Assert.IsType<RecordRefusal>(Assert.Single(itself.Commands));
        Assert.Equal(flow, itself.Next);
    }

    [Fact]
    public void A_reopened_case_takes_the_step_first_the_customer_hears_and_the_team_owes_an_answer_on_a_fresh_clock()
    {
        var closed = In(FlowPhase.Closed) with { Reopening = new ReopenOrder("team-lead:Kari Lund", "why-1", 1), MailSequence = CaseFlow.MailNumbersPerRun };
        var decision = CaseProcess.Reopen(closed, Now.AddDays(3));

        Assert.Equal(new TakeStep(CaseAction.Reopen, "team-lead:Kari Lund"), decision.Commands[0]);
        Assert.Equal([MailKind.CaseReopened, MailKind.StaffReopened], decision.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.Equal("why-1", decision.Commands.OfType<SendMail>().Last().TextRef);
        Assert.Equal(FlowPhase.CustomerService, decision.Next.Phase);
        Assert.Null(decision.Next.Reopening);
        Assert.Equal(Now.AddDays(3), decision.Next.Sla!.RunningSince);
        Assert.True(CaseLifecycle.Check(CaseStage.Closed, CaseAction.Reopen).Allowed);
    }

    internal static void AssertStepsFirst(IReadOnlyList<ProcessCommand> commands, string at)
    {
        var firstMail = commands.ToList().FindIndex(c => c is SendMail or SendMails);
        var lastStep = commands.ToList().FindLastIndex(c => c is TakeStep);
        Assert.True(firstMail < 0 || lastStep < firstMail, $"{at}: a mail goes out before a step of the lifecycle is taken");
    }
}
