using ComplaintFunctions.Domain.Reports;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Workflow;
using ComplaintFunctions.Workflow.Process;
using static ComplaintFunctions.Tests.Workflow.CaseProcessTests;

namespace ComplaintFunctions.Tests.Workflow;

/// <summary>The ombudsman's review and the external body's stage as decision tables, tested directly.</summary>
public sealed class StageProcessTests
{
    static OmbudsmanReviewState Review() => new() { CaseNumber = "K-1234-5678-901", Plan = Plan(), CustomerReasonRef = "why-1", ReturnsResult = true, SchemaVersion = 2 };

    static ExternalBodyState Body(string? referredBy = null) => new() { CaseNumber = "K-1234-5678-901", Plan = Plan(), BodyId = "no-forbrukertilsynet", ReferredBy = referredBy, ReturnsResult = true, SchemaVersion = 2 };

    [Fact]
    public void The_ombudsman_gets_the_case_file_and_a_link_to_decide_with_a_target()
    {
        var state = Review();
        Assert.True(OmbudsmanReviewProcess.NeedsStart(state));
        var started = OmbudsmanReviewProcess.Start(state, Now);

        Assert.Equal(new PrepareCaseFile(CaseViews.ForOmbudsman), started.Commands[0]);
        var mail = Assert.IsType<SendMail>(started.Commands[1]);
        Assert.Equal((MailKind.OmbudsmanCaseFile, "why-1", CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman), (mail.Kind, mail.TextRef, mail.Links.Single().Step, mail.Links.Single().Role));
        Assert.Equal(ActionRoles.Ombudsman, mail.Views!.Single().Role);
        Assert.Equal(new RecordOwner("customer ombudsman", Now.AddHours(80), false), started.Commands[2]);
        Assert.False(OmbudsmanReviewProcess.NeedsStart(started.Next));
    }

    [Fact]
    public void A_late_review_reminds_the_ombudsman_then_management_hears_without_the_ombudsman_s_file()
    {
        var state = OmbudsmanReviewProcess.Start(Review(), Now).Next;
        Assert.Equal(Now.AddHours(64), OmbudsmanReviewProcess.NextClock(state));

        var reminded = OmbudsmanReviewProcess.OnClock(state, Now.AddHours(64));
        Assert.Equal(MailKind.OmbudsmanReminder, reminded.Commands.OfType<SendMail>().Single().Kind);
        Assert.Equal(Now.AddHours(80), OmbudsmanReviewProcess.NextClock(reminded.Next));

        var escalated = OmbudsmanReviewProcess.OnClock(reminded.Next, Now.AddHours(80));
        var mail = escalated.Commands.OfType<SendMail>().Single();
        Assert.Equal((MailKind.OmbudsmanEscalation, ActionRoles.Management), (mail.Kind, mail.Views!.Single().Role));
        Assert.Equal(CaseViews.Case, mail.Views!.Single().View);
        Assert.Contains(new TargetMissed("ombudsman", Now.AddHours(80)), escalated.Commands);
        Assert.Null(OmbudsmanReviewProcess.NextClock(escalated.Next));
        Assert.Null(escalated.Result);
    }

    [Fact]
    public void The_decision_is_recorded_after_the_step_and_is_the_review_s_result()
    {
        var state = OmbudsmanReviewProcess.Start(Review(), Now).Next;
        var decided = OmbudsmanReviewProcess.OnInput(state, Input(CaseInputKinds.OmbudsmanDecide, "ombudsman", "reasons-1", 1200m, "overturned", flag: true), Now);

        Assert.Equal(new TakeStep(CaseAction.RecordOmbudsmanDecision, "ombudsman"), decided.Commands[0]);
        var record = Assert.IsType<RecordDecision>(decided.Commands[1]);
        Assert.Equal(("overturned", "reasons-1", 1200m, true, "ombudsman"), (record.Decision.Outcome, record.Decision.ReasonsRef, record.Decision.DisputedAmount, record.Decision.ReferToBody, record.Decision.DecidedBy));
        Assert.DoesNotContain(decided.Commands, c => c is ReportToCase);
        Assert.Equal(new StageResult(StageEnding.Decided, record.Decision), decided.Result);
    }

    [Fact]
    public void A_decision_without_an_outcome_or_reasons_is_refused()
    {
        var state = OmbudsmanReviewProcess.Start(Review(), Now).Next;
        var noOutcome = OmbudsmanReviewProcess.OnInput(state, Input(CaseInputKinds.OmbudsmanDecide, "ombudsman", choice: null), Now);
        Assert.True(Assert.IsType<RecordRefusal>(Assert.Single(noOutcome.Commands)).TellStaff);
        Assert.Null(noOutcome.Result);

        var noReasons = OmbudsmanReviewProcess.OnInput(state, Input(CaseInputKinds.OmbudsmanDecide, "ombudsman", text: null, choice: "upheld"), Now);
        Assert.Contains("no reasons", Assert.IsType<RecordRefusal>(Assert.Single(noReasons.Commands)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawal_ends_the_review_and_its_clocks()
    {
        var state = OmbudsmanReviewProcess.Start(Review(), Now).Next;
        var withdrawn = OmbudsmanReviewProcess.OnInput(state, Input(CaseInputKinds.Withdraw, "customer"), Now);
        Assert.Equal(StageEnding.Withdrawn, withdrawn.Result!.Ending);
        Assert.Empty(withdrawn.Commands);
    }

    [Fact]
    public void A_customer_input_is_not_a_step_of_the_review()
    {
        var state = OmbudsmanReviewProcess.Start(Review(), Now).Next;
        var refused = OmbudsmanReviewProcess.OnInput(state, Input(CaseInputKinds.CustomerAccept, "customer"), Now);
        Assert.False(Assert.IsType<RecordRefusal>(Assert.Single(refused.Commands)).TellStaff);
        Assert.Equal(state, refused.Next);
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData("ombudsman", 3)]
    public void A_filing_tells_the_dispute_contact_the_ombudsman_the_lead_and_a_customer_who_chose_it(string? referredBy, int notices)
    {
        var started = ExternalBodyProcess.Start(Body(referredBy), Now);
        Assert.Equal(new PrepareCaseFile("no-forbrukertilsynet"), started.Commands[0]);
        var mails = Assert.IsType<SendMails>(started.Commands[1]).Mails;
        Assert.Equal(notices, mails.Count);
        Assert.Equal([ActionRoles.DisputeContact, ActionRoles.Ombudsman, ActionRoles.TeamLead], mails.Take(3).Select(m => m.Extra!["to"]));
        Assert.Equal([CaseInputKinds.DisputeOutcome, CaseInputKinds.DisputeReplied, CaseInputKinds.DisputeComplex], mails[0].Links.Select(l => l.Step));
        Assert.Equal((BodyPhase.AwaitingOutcome, Now.AddDays(30).UtcDateTime), (started.Next.Phase, started.Next.NextReminderAt!.Value));
        Assert.DoesNotContain(started.Commands, c => c is TakeStep);
    }

    [Fact]
    public void The_dispute_contact_is_reminded_every_period_while_the_body_works()
    {
        var state = ExternalBodyProcess.Start(Body(), Now).Next;
        var first = ExternalBodyProcess.OnClock(state, Now.AddDays(30));
        // On a calendar open every day the 20-working-day reply is late by then too: management hears of it beside the reminder.
        Assert.Equal([MailKind.BodyReminder, MailKind.BodyReplyEscalation], first.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.Equal((1, Now.AddDays(60)), (first.Next.Reminders, ExternalBodyProcess.NextClock(first.Next)!.Value));
    }

    [Fact]
    public void An_outcome_for_the_customer_asks_for_compliance_with_a_deadline()
    {
        var state = ExternalBodyProcess.Start(Body(), Now).Next;
        var outcome = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeOutcome, "dispute-contact", "recommendation-1", choice: "partly"), Now);

        Assert.Equal(new TakeStep(CaseAction.RecordBodyOutcome, "dispute-contact", TrailFacts.Of((FactKeys.Finding, "partly"))), outcome.Commands[0]);
        Assert.Equal([MailKind.BodyOutcomeCustomer, MailKind.ComplianceRequest], outcome.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.Equal((BodyPhase.Compliance, Now.AddDays(30).UtcDateTime), (outcome.Next.Phase, outcome.Next.ComplianceDue!.Value));
        Assert.Null(outcome.Result);
    }

    [Fact]
    public void An_outcome_for_the_retailer_ends_the_case_with_nothing_to_follow()
    {
        var state = ExternalBodyProcess.Start(Body(), Now).Next;
        var outcome = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeOutcome, "dispute-contact", "decision-1", choice: "retailer"), Now);

        Assert.Equal([CaseAction.RecordBodyOutcome, CaseAction.ConfirmCompliance], outcome.Commands.OfType<TakeStep>().Select(s => s.Action));
        CaseProcessTests.AssertStepsFirst(outcome.Commands, "retailer outcome");
        Assert.Equal(MailKind.BodyOutcomeCustomer, outcome.Commands.OfType<SendMail>().Single().Kind);
        Assert.Equal(StageEnding.Closed, outcome.Result!.Ending);
    }

    [Fact]
    public void A_missed_or_refused_recommendation_goes_to_management_once_and_compliance_closes_it()
    {
        var state = ExternalBodyProcess.OnInput(ExternalBodyProcess.Start(Body(), Now).Next, Input(CaseInputKinds.DisputeOutcome, "dispute-contact", choice: "customer"), Now).Next;

        var missed = ExternalBodyProcess.OnClock(state, Now.AddDays(30));
        Assert.Equal(MailKind.ComplianceEscalation, missed.Commands.OfType<SendMail>().Single().Kind);
        Assert.Contains(missed.Commands, c => c is TargetMissed { Stage: "compliance" });
        Assert.Null(ExternalBodyProcess.NextClock(missed.Next));

        var refused = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeNotComply, "dispute-contact", "why-not"), Now);
        var escalation = refused.Commands.OfType<SendMail>().Single();
        Assert.Equal((MailKind.ComplianceEscalation, "why-not", ActionRoles.Management), (escalation.Kind, escalation.TextRef, escalation.Links.Single().Role));

        var done = ExternalBodyProcess.OnInput(missed.Next, Input(CaseInputKinds.DisputeComply, "management"), Now);
        // Confirmed after management had to be told: not on time, for the reports.
        Assert.Equal(new TakeStep(CaseAction.ConfirmCompliance, "management", TrailFacts.Of((FactKeys.OnTime, "no"))), done.Commands[0]);
        Assert.Equal(MailKind.ComplianceDone, done.Commands.OfType<SendMail>().Single().Kind);
        Assert.Equal(StageEnding.Closed, done.Result!.Ending);
    }

    [Fact]
    public void Steps_out_of_turn_at_the_body_are_refused()
    {
        var state = ExternalBodyProcess.Start(Body(), Now).Next;
        var early = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeComply, "dispute-contact"), Now);
        Assert.IsType<RecordRefusal>(Assert.Single(early.Commands));
        Assert.Null(early.Result);
    }

    /// <summary>Norway's real calendar: weekdays only, public holidays closed (Christmas Day and Boxing Day 2026 fall on Friday and Saturday).</summary>
    static ExternalBodyState BodyOnWorkingDays() => Body() with
    {
        Plan = Plan() with { Hours = new ComplaintFunctions.Domain.Service.BusinessHoursOptions { TimeZone = "Europe/Oslo" } },
    };

    // Tuesday 1 December 2026, 10:00 in Oslo; 20 working days on, past four weekends and Christmas Day, is Wednesday 30 December.
    static readonly DateTimeOffset ReplyDue = new(2026, 12, 30, 9, 0, 0, TimeSpan.Zero);

    // Five working days before: Tuesday 22 December.
    static readonly DateTimeOffset ReplyReminder = new(2026, 12, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_filing_gives_the_dispute_contact_a_reply_due_twenty_working_days_ahead()
    {
        var started = ExternalBodyProcess.Start(BodyOnWorkingDays(), Now);

        Assert.Equal(ReplyDue.UtcDateTime, started.Next.ReplyDue);
        var mails = Assert.IsType<SendMails>(started.Commands[1]).Mails;
        Assert.Equal(ReplyDue.UtcDateTime, mails[0].Times["replyDueAt"]);
        Assert.Contains(mails[0].Links, l => (l.Step, l.Role) == (CaseInputKinds.DisputeReplied, ActionRoles.DisputeContact));
        // The ombudsman and the lead do not answer the body: their notices have no date and no link for it.
        Assert.All(mails.Skip(1), m => Assert.Empty(m.Times));
        Assert.All(mails.Skip(1), m => Assert.DoesNotContain(m.Links, l => l.Step == CaseInputKinds.DisputeReplied));
        Assert.Contains(new RecordOwner("dispute contact (external body)", ReplyDue, false), started.Commands);
    }

    [Fact]
    public void The_filing_notice_names_the_reply_date_only_for_the_dispute_contact()
    {
        var template = MailTexts.For(MailKind.BodyFilingNotice, "en");
        var values = new Dictionary<string, string?> { ["case"] = "K-1", ["body"] = "The board", ["caseFileUrl"] = "https://file" };
        var (_, others) = template.Fill(values);
        var (_, contact) = template.Fill(new Dictionary<string, string?>(values) { ["replyDueAt"] = "2026-12-30 10:00" });

        Assert.Contains("due by 2026-12-30 10:00", contact.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("reply to the body is due", others.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reply_clock_reminds_the_dispute_contact_then_tells_management_each_once()
    {
        var state = ExternalBodyProcess.Start(BodyOnWorkingDays(), Now).Next;
        Assert.Equal(ReplyReminder, ExternalBodyProcess.NextClock(state));

        var reminded = ExternalBodyProcess.OnClock(state, ReplyReminder);
        var reminder = Assert.Single(reminded.Commands.OfType<SendMail>());
        Assert.Equal((MailKind.BodyReplyReminder, ActionRoles.DisputeContact, ReplyDue.UtcDateTime), (reminder.Kind, reminder.Extra!["to"], reminder.Times["dueAt"]));
        Assert.Equal((CaseInputKinds.DisputeReplied, ActionRoles.DisputeContact), (reminder.Links.Single().Step, reminder.Links.Single().Role));
        Assert.True(MailKinds.ToStaff(MailKind.BodyReplyReminder));
        Assert.Equal(ReplyDue, ExternalBodyProcess.NextClock(reminded.Next));
        Assert.Empty(ExternalBodyProcess.OnClock(reminded.Next, ReplyReminder.AddHours(1)).Commands);

        var escalated = ExternalBodyProcess.OnClock(reminded.Next, ReplyDue);
        var escalation = Assert.Single(escalated.Commands.OfType<SendMail>());
        Assert.Equal((MailKind.BodyReplyEscalation, ActionRoles.Management), (escalation.Kind, escalation.Extra!["to"]));
        Assert.Equal(ActionRoles.Management, escalation.Views!.Single().Role);
        Assert.Contains(new TargetMissed("body-reply", ReplyDue), escalated.Commands);
        Assert.Contains(new RecordOwner("dispute contact (external body)", ReplyDue, true), escalated.Commands);
        Assert.Null(escalated.Result);

        // Once each: only the periodic reminder is left, a month after the filing.
        Assert.Equal(Now.AddDays(30), ExternalBodyProcess.NextClock(escalated.Next));
        Assert.Empty(ExternalBodyProcess.OnClock(escalated.Next, ReplyDue.AddHours(1)).Commands);
    }

    [Fact]
    public void A_clock_that_wakes_after_the_deadline_tells_management_without_a_stale_reminder()
    {
        var state = ExternalBodyProcess.Start(BodyOnWorkingDays(), Now).Next;
        var late = ExternalBodyProcess.OnClock(state, ReplyDue.AddHours(12));
        Assert.Equal([MailKind.BodyReplyEscalation], late.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.True(late.Next.ReplyReminderSent && late.Next.ReplyEscalated);
    }

    [Fact]
    public void The_recorded_reply_stops_the_reminder_and_the_escalation()
    {
        var state = ExternalBodyProcess.Start(BodyOnWorkingDays(), Now).Next;
        var replied = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeReplied, "dispute-contact", text: null), Now.AddDays(3));

        Assert.Equal(Now.AddDays(3).UtcDateTime, replied.Next.RepliedAt);
        Assert.DoesNotContain(replied.Commands, c => c is SendMail or TakeStep or RecordRefusal);
        Assert.Equal(Now.AddDays(30), ExternalBodyProcess.NextClock(replied.Next));
        Assert.Empty(ExternalBodyProcess.OnClock(replied.Next, ReplyReminder).Commands);
        Assert.Empty(ExternalBodyProcess.OnClock(replied.Next, ReplyDue).Commands);
        Assert.Null(replied.Result);

        // Recorded once: a second press is refused and changes nothing.
        var again = ExternalBodyProcess.OnInput(replied.Next, Input(CaseInputKinds.DisputeReplied, "dispute-contact"), Now.AddDays(4));
        Assert.IsType<RecordRefusal>(Assert.Single(again.Commands));
        Assert.Equal(replied.Next, again.Next);
    }

    [Fact]
    public void A_reply_is_refused_with_a_reason_once_the_case_follows_the_recommendation()
    {
        var state = ExternalBodyProcess.Start(BodyOnWorkingDays(), Now).Next;
        var compliance = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeOutcome, "dispute-contact", choice: "customer"), Now).Next;
        var refused = ExternalBodyProcess.OnInput(compliance, Input(CaseInputKinds.DisputeReplied, "dispute-contact"), Now);

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(refused.Commands));
        Assert.Contains("outcome", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(compliance, refused.Next);

        // The outcome ends the reply clock too: only the compliance deadline is left.
        Assert.Equal(compliance.ComplianceDue is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null, ExternalBodyProcess.NextClock(compliance));
    }

    [Fact]
    public void The_next_clock_is_the_earliest_of_the_periodic_reminder_and_the_reply_clock()
    {
        // A short period: the periodic reminder comes before the reply's reminder, and keeps coming.
        var shortPeriod = BodyOnWorkingDays() with { Plan = BodyOnWorkingDays().Plan with { Disputes = new DisputeOptions { BodyReminderEvery = TimeSpan.FromDays(8) } } };
        var state = ExternalBodyProcess.Start(shortPeriod, Now).Next;
        Assert.Equal(Now.AddDays(8), ExternalBodyProcess.NextClock(state));

        var periodic = ExternalBodyProcess.OnClock(state, Now.AddDays(8));
        Assert.Equal([MailKind.BodyReminder], periodic.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.Equal(Now.AddDays(16), ExternalBodyProcess.NextClock(periodic.Next));

        var second = ExternalBodyProcess.OnClock(periodic.Next, Now.AddDays(16)).Next;
        Assert.Equal(ReplyReminder, ExternalBodyProcess.NextClock(second));
    }

    [Fact]
    public void A_stage_filed_before_the_reply_clock_carries_on_without_it()
    {
        // What a state written before the clock reads as: no due date, no flags.
        var old = ExternalBodyProcess.Start(Body(), Now).Next with { ReplyDue = null };
        Assert.Equal(Now.AddDays(30), ExternalBodyProcess.NextClock(old));
        Assert.Equal([MailKind.BodyReminder], ExternalBodyProcess.OnClock(old, Now.AddDays(30)).Commands.OfType<SendMail>().Select(m => m.Kind));
    }

    /// <summary>Norway's calendar, with the periodic reminder out of the way (every 90 days) so only the reply clock speaks.</summary>
    static ExternalBodyState QuietBody() => BodyOnWorkingDays() with
    {
        Plan = BodyOnWorkingDays().Plan with { Disputes = new DisputeOptions { BodyReminderEvery = TimeSpan.FromDays(90) } },
    };

    // 30 working days from Tuesday 1 December 2026 in Oslo (Christmas Day and New Year's Day closed): Thursday 14 January 2027.
    static readonly DateTimeOffset ComplexReplyDue = new(2027, 1, 14, 9, 0, 0, TimeSpan.Zero);

    // Five working days before: Thursday 7 January 2027.
    static readonly DateTimeOffset ComplexReplyReminder = new(2027, 1, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_case_the_body_treats_as_complex_is_due_thirty_working_days_from_the_filing_with_the_reminder_moved()
    {
        var state = ExternalBodyProcess.Start(QuietBody(), Now).Next;
        Assert.Equal((Now.UtcDateTime, false), (state.FiledAt, state.ReplyComplex));

        var marked = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeComplex, "dispute-contact", text: null), Now.AddDays(3));
        Assert.Equal((ComplexReplyDue.UtcDateTime, true), (marked.Next.ReplyDue, marked.Next.ReplyComplex));
        var line = Assert.IsType<RecordOnTrail>(marked.Commands[0]);
        Assert.Equal(("reply-clock", "dispute-contact"), (line.Kind, line.Actor));
        Assert.Contains("due 2027-01-14 09:00 UTC (30 working days from the filing; it was due 2026-12-30 09:00 UTC)", line.Summary, StringComparison.Ordinal);
        Assert.Equal(new RecordOwner(ExternalBodyProcess.ComplexOwner, ComplexReplyDue, false), marked.Commands[1]);
        Assert.DoesNotContain(marked.Commands, c => c is SendMail or TakeStep);

        // Nothing at the old dates; the reminder and the escalation at the new ones.
        Assert.Equal(ComplexReplyReminder, ExternalBodyProcess.NextClock(marked.Next));
        Assert.Empty(ExternalBodyProcess.OnClock(marked.Next, ReplyReminder).Commands);
        Assert.Empty(ExternalBodyProcess.OnClock(marked.Next, ReplyDue).Commands);
        var reminded = ExternalBodyProcess.OnClock(marked.Next, ComplexReplyReminder);
        var reminder = Assert.Single(reminded.Commands.OfType<SendMail>());
        Assert.Equal((MailKind.BodyReplyReminder, ComplexReplyDue.UtcDateTime), (reminder.Kind, reminder.Times["dueAt"]));
        var escalated = ExternalBodyProcess.OnClock(reminded.Next, ComplexReplyDue);
        Assert.Equal([MailKind.BodyReplyEscalation], escalated.Commands.OfType<SendMail>().Select(m => m.Kind));
        Assert.Contains(new RecordOwner(ExternalBodyProcess.ComplexOwner, ComplexReplyDue, true), escalated.Commands);
    }

    [Fact]
    public void Marked_complex_after_the_twenty_day_reminder_and_escalation_the_clock_runs_again_to_the_new_date()
    {
        var state = ExternalBodyProcess.Start(QuietBody(), Now).Next;
        var late = ExternalBodyProcess.OnClock(ExternalBodyProcess.OnClock(state, ReplyReminder).Next, ReplyDue).Next;
        Assert.True(late.ReplyReminderSent && late.ReplyEscalated);

        var marked = ExternalBodyProcess.OnInput(late, Input(CaseInputKinds.DisputeComplex, "dispute-contact"), ReplyDue.AddDays(1)).Next;
        Assert.False(marked.ReplyReminderSent || marked.ReplyEscalated);
        Assert.Equal(ComplexReplyReminder, ExternalBodyProcess.NextClock(marked));
    }

    [Fact]
    public void Marking_complex_is_refused_with_a_reason_when_there_is_nothing_to_move()
    {
        var state = ExternalBodyProcess.Start(QuietBody(), Now).Next;
        string Refused(ExternalBodyState s, DateTimeOffset at)
        {
            var decision = ExternalBodyProcess.OnInput(s, Input(CaseInputKinds.DisputeComplex, "dispute-contact"), at);
            Assert.Equal(s, decision.Next);
            return Assert.IsType<RecordRefusal>(Assert.Single(decision.Commands)).Reason;
        }

        var marked = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeComplex, "dispute-contact"), Now).Next;
        Assert.Contains("marked complex already", Refused(marked, Now.AddDays(1)), StringComparison.Ordinal);

        var replied = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeReplied, "dispute-contact"), Now.AddDays(1)).Next;
        Assert.Contains("recorded already", Refused(replied, Now.AddDays(2)), StringComparison.Ordinal);

        Assert.Contains("late even for a complex case", Refused(state, ComplexReplyDue.AddHours(1)), StringComparison.Ordinal);
        Assert.Contains("no reply clock", Refused(state with { ReplyDue = null, FiledAt = null }, Now), StringComparison.Ordinal);

        var compliance = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeOutcome, "dispute-contact", choice: "customer"), Now).Next;
        Assert.Contains("outcome", Refused(compliance, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_filed_before_the_filing_time_was_kept_counts_the_extra_ten_days_on_from_its_due_date()
    {
        var old = ExternalBodyProcess.Start(QuietBody(), Now).Next with { FiledAt = null };
        var marked = ExternalBodyProcess.OnInput(old, Input(CaseInputKinds.DisputeComplex, "dispute-contact"), Now).Next;
        Assert.Equal(ComplexReplyDue.UtcDateTime, marked.ReplyDue);
    }

    [Fact]
    public void The_recorded_reply_names_its_own_owner_so_the_console_stops_offering_it()
    {
        var state = ExternalBodyProcess.Start(QuietBody(), Now).Next;
        var replied = ExternalBodyProcess.OnInput(state, Input(CaseInputKinds.DisputeReplied, "dispute-contact"), Now.AddDays(1));
        Assert.Equal(ExternalBodyProcess.RepliedOwner, Assert.IsType<RecordOwner>(Assert.Single(replied.Commands)).Owner);
    }

    [Fact]
    public void Every_input_to_either_stage_takes_its_steps_before_it_mails()
    {
        var review = OmbudsmanReviewProcess.Start(Review(), Now).Next;
        var body = ExternalBodyProcess.Start(Body(), Now).Next;
        var compliance = ExternalBodyProcess.OnInput(body, Input(CaseInputKinds.DisputeOutcome, "dispute-contact", choice: "customer"), Now).Next;
        foreach (var input in EveryKindOfInput())
        {
            CaseProcessTests.AssertStepsFirst(OmbudsmanReviewProcess.OnInput(review, input, Now).Commands, $"{input.Kind} at the ombudsman");
            CaseProcessTests.AssertStepsFirst(ExternalBodyProcess.OnInput(body, input, Now).Commands, $"{input.Kind} at the body");
            CaseProcessTests.AssertStepsFirst(ExternalBodyProcess.OnInput(compliance, input, Now).Commands, $"{input.Kind} at compliance");
        }
    }
}
