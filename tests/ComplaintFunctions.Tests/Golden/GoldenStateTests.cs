using System.Text.Json;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Tests.Workflow;
using ComplaintFunctions.Workflow;
using ComplaintFunctions.Workflow.Process;

namespace ComplaintFunctions.Tests.Golden;

/// <summary>
/// What version 1 wrote into open cases (captured from a real run on the runner and Azurite, see
/// Golden/v1/CAPTURED.md) still loads through the worker's serializer, loses nothing, and carries on
/// to its next step under today's process. Every later version adds its own folder and keeps these.
/// </summary>
public sealed class GoldenStateTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Files(string prefix) => FilesIn("v1", prefix, new HashSet<string>());

    /// <summary>The golden files of <paramref name="version"/> whose names start with <paramref name="prefix"/>, but for <paramref name="except"/>.</summary>
    internal static TheoryData<string> FilesIn(string version, string prefix, IReadOnlySet<string> except)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden", version), prefix + "*.json").Order(StringComparer.Ordinal))
        {
            if (!except.Contains(Path.GetFileName(file)))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    static string Read(string name, string version = "v1") => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", version, name));

    internal static T Load<T>(string name, string version = "v1") =>
        (T)(DurablePayloadRoundTripTests.Worker.Value.AsOrchestrationInput(Read(name, version), typeof(T)) ?? throw new InvalidOperationException($"{name} loaded as nothing."));

    /// <summary>A golden file loads through the worker's serializer and writes every value it held again, under the same name.</summary>
    internal static void AssertLoadsWithoutLosingAValue(string name, string version)
    {
        var type = name.Split('.')[0] switch
        {
            "case-flow" => typeof(CaseFlow),
            "ombudsman-review" => typeof(OmbudsmanReviewState),
            "external-body" => typeof(ExternalBodyState),
            _ => typeof(CaseInput),
        };
        var worker = DurablePayloadRoundTripTests.Worker.Value;
        var written = worker.Converter.Serialize(worker.AsOrchestrationInput(Read(name, version), type))!;

        // Enums written as numbers by an earlier version may now be names; new members may be added.
        var missing = new List<string>();
        Compare(JsonDocument.Parse(Read(name, version)).RootElement, JsonDocument.Parse(written).RootElement, "$", missing);
        Assert.True(missing.Count == 0, $"{name} lost or changed: {string.Join("; ", missing)}\n now: {written}");
    }

    [Fact]
    public void Every_kind_of_state_has_golden_files()
    {
        Assert.True(Files("case-flow.").Count >= 15);
        Assert.True(Files("ombudsman-review.").Count >= 3);
        Assert.True(Files("external-body.").Count >= 5);
        Assert.True(Files("case-input.").Count >= 20);
    }

    [Theory]
    [MemberData(nameof(Files), "case-flow.")]
    [MemberData(nameof(Files), "ombudsman-review.")]
    [MemberData(nameof(Files), "external-body.")]
    [MemberData(nameof(Files), "case-input.")]
    public void Each_file_loads_without_losing_a_value(string name) => AssertLoadsWithoutLosingAValue(name, "v1");

    [Theory]
    [MemberData(nameof(Files), "case-input.")]
    public void Each_input_reads_as_its_kind(string name)
    {
        var reading = StepInputs.Read(Load<CaseInput>(name));
        Assert.Null(reading.Error);
        Assert.Equal(name.Split('.')[1], reading.Input!.Kind);
    }

    [Fact]
    public void A_case_with_customer_service_takes_the_final_answer()
    {
        var flow = Load<CaseFlow>("case-flow.customer-service.json").Upgraded();
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.agent-final.no-amount.json")), Now);
        Assert.Equal(FlowPhase.FinalAnswer, decision.Next.Phase);
        Assert.Equal(CaseAction.GiveFinalAnswer, Assert.IsType<TakeStep>(decision.Commands[0]).Action);
        Assert.Contains(decision.Commands, c => c is SendMail { Kind: MailKind.FinalAnswer });
    }

    [Fact]
    public void A_case_waiting_for_approval_is_approved_with_the_answer_it_holds()
    {
        var flow = Load<CaseFlow>("case-flow.awaiting-approval.json").Upgraded();
        Assert.Equal(FlowPhase.AwaitingApproval, flow.Phase);
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.lead-approve.json")), Now);
        var mail = decision.Commands.OfType<SendMail>().Single(m => m.Kind == MailKind.FinalAnswer);
        Assert.Equal(flow.PendingApproval!.TextRef, mail.TextRef);
        Assert.Equal(9000m, mail.Amount);
    }

    [Fact]
    public void A_case_waiting_for_the_customer_hears_the_reply()
    {
        var flow = Load<CaseFlow>("case-flow.waiting-for-customer.json").Upgraded();
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.customer-replied.json")), Now);
        Assert.Equal(FlowPhase.CustomerService, decision.Next.Phase);
        Assert.Equal(CaseAction.CustomerResponded, Assert.IsType<TakeStep>(decision.Commands[0]).Action);
    }

    [Fact]
    public void A_case_on_the_manufacturer_route_closes_when_solved()
    {
        var flow = Load<CaseFlow>("case-flow.manufacturer.json").Upgraded();
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.manufacturer-solved.json")), Now);
        Assert.Equal(FlowPhase.Closed, decision.Next.Phase);
    }

    [Fact]
    public void A_case_whose_final_answer_waits_goes_to_the_ombudsman_as_a_sub_orchestration()
    {
        var flow = Load<CaseFlow>("case-flow.final-answer.json").Upgraded();
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.customer-ombudsman.json")), Now);
        Assert.Contains(new StartStage(LaterStage.OmbudsmanReview, 1), decision.Commands);
    }

    [Fact]
    public void A_review_version_1_started_still_reports_to_the_case_by_input()
    {
        var flow = Load<CaseFlow>("case-flow.ombudsman.started.json").Upgraded();
        Assert.True(flow.StageReportsByInput);
        Assert.Null(CaseProcess.Resume(flow));
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.ombudsman-decided.json")), Now);
        Assert.IsType<FindBodies>(Assert.Single(decision.Commands));
    }

    [Fact]
    public void A_review_version_1_had_not_started_yet_starts_as_a_sub_orchestration()
    {
        var flow = Load<CaseFlow>("case-flow.ombudsman.not-started.json").Upgraded();
        var resumed = CaseProcess.Resume(flow);
        Assert.NotNull(resumed);
        Assert.Contains(new StartStage(LaterStage.OmbudsmanReview, 1), resumed.Commands);
    }

    [Fact]
    public void A_decided_case_goes_to_the_body_the_customer_chose()
    {
        var flow = Load<CaseFlow>("case-flow.ombudsman-decided.json").Upgraded();
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.customer-external-body.json")), Now);
        Assert.Equal(FlowPhase.ExternalBody, decision.Next.Phase);
        Assert.Equal("no-forbrukertilsynet", decision.Next.BodyId);
        Assert.Equal(CaseAction.TakeToExternalBody, Assert.IsType<TakeStep>(decision.Commands[0]).Action);
    }

    [Fact]
    public void A_case_version_1_sent_to_a_body_closes_when_the_body_reports()
    {
        var flow = Load<CaseFlow>("case-flow.external-body.started.json").Upgraded();
        Assert.True(flow.StageReportsByInput);
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.body-case-closed.json")), Now);
        Assert.Equal(FlowPhase.Closed, decision.Next.Phase);
    }

    [Fact]
    public void A_version_1_body_case_not_started_yet_is_taken_to_the_body_first()
    {
        var flow = Load<CaseFlow>("case-flow.external-body.not-started.json").Upgraded();
        var resumed = CaseProcess.Resume(flow)!;
        Assert.Equal(CaseAction.TakeToExternalBody, Assert.IsType<TakeStep>(resumed.Commands[0]).Action);
        Assert.Contains(new StartStage(LaterStage.ExternalBody, 1), resumed.Commands);
    }

    [Fact]
    public void A_version_1_review_decides_and_reports_by_input()
    {
        var state = Load<OmbudsmanReviewState>("ombudsman-review.started.json");
        Assert.False(state.ReturnsResult);
        var decision = OmbudsmanReviewProcess.OnInput(state, StepInputs.Read(Load<CaseInput>("case-input.ombudsman-decide.refer.json")), Now);
        Assert.Equal(StageEnding.Decided, decision.Result!.Ending);
        Assert.True(decision.Result.Decision!.ReferToBody);
        var report = Assert.Single(decision.Commands.OfType<ReportToCase>());
        Assert.Equal(CaseInputKinds.OmbudsmanDecided, report.Input.Kind);
    }

    [Fact]
    public void A_version_1_review_that_is_late_escalates_once()
    {
        var state = Load<OmbudsmanReviewState>("ombudsman-review.reminder-sent.json");
        var clock = OmbudsmanReviewProcess.NextClock(state)!.Value;
        var decision = OmbudsmanReviewProcess.OnClock(state, clock.AddSeconds(1));
        Assert.Contains(decision.Commands, c => c is SendMail { Kind: MailKind.OmbudsmanEscalation });
        Assert.Null(OmbudsmanReviewProcess.NextClock(decision.Next));
    }

    [Fact]
    public void A_version_1_body_case_records_the_outcome_and_asks_for_compliance()
    {
        var state = Load<ExternalBodyState>("external-body.awaiting-outcome.json");
        Assert.Equal(BodyPhase.AwaitingOutcome, state.Phase);
        var decision = ExternalBodyProcess.OnInput(state, StepInputs.Read(Load<CaseInput>("case-input.dispute-outcome.json")), Now);
        Assert.Equal(BodyPhase.Compliance, decision.Next.Phase);
        Assert.Contains(decision.Commands, c => c is SendMail { Kind: MailKind.ComplianceRequest });
    }

    [Fact]
    public void A_body_case_filed_before_the_reply_clock_reads_without_one_and_keeps_its_periodic_reminder()
    {
        var state = Load<ExternalBodyState>("external-body.awaiting-outcome.json");
        Assert.Equal((null, false, false, null), (state.ReplyDue, state.ReplyReminderSent, state.ReplyEscalated, state.RepliedAt));
        Assert.Equal(20, state.Plan.Disputes.BodyReplyWorkingDays);

        var clock = ExternalBodyProcess.NextClock(state)!.Value;
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(state.NextReminderAt!.Value, DateTimeKind.Utc), TimeSpan.Zero), clock);
        var reminded = ExternalBodyProcess.OnClock(state, clock);
        Assert.Equal([MailKind.BodyReminder], reminded.Commands.OfType<SendMail>().Select(m => m.Kind));
    }

    [Fact]
    public void A_body_case_filed_with_the_twenty_day_clock_reads_without_a_filing_time_and_can_be_marked_complex()
    {
        var state = Load<ExternalBodyState>("external-body.reply-clock.json", "v3");
        Assert.Equal((null, false), (state.FiledAt, state.ReplyComplex));
        Assert.Equal(30, state.Plan.Disputes.ComplexBodyReplyWorkingDays);

        // No filing time kept: the ten more working days count on from the due date it was given.
        var marked = ExternalBodyProcess.OnInput(state, StepInputs.Read(new CaseInput(CaseInputKinds.DisputeComplex, "dispute-contact")), Now);
        Assert.Equal(new DateTime(2027, 1, 14, 9, 0, 0, DateTimeKind.Utc), marked.Next.ReplyDue);
        Assert.Contains(marked.Commands, c => c is RecordOwner { Owner: ExternalBodyProcess.ComplexOwner });
    }

    [Fact]
    public void An_answer_waiting_for_approval_and_a_final_answer_input_from_before_the_repair_outcome_record_no_repair()
    {
        var flow = Load<CaseFlow>("case-flow.awaiting-approval.json").Upgraded();
        Assert.False(flow.PendingApproval!.Repaired);
        var approved = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.lead-approve.json")), Now);
        Assert.DoesNotContain(approved.Commands, c => c is RecordRepair);

        var final = Assert.IsType<FinalAnswerWritten>(StepInputs.Read(Load<CaseInput>("case-input.agent-final.json")).Input);
        Assert.False(final.Repaired);
    }

    [Fact]
    public void A_version_1_body_case_closes_on_compliance_and_reports_by_input()
    {
        var state = Load<ExternalBodyState>("external-body.compliance.escalated.json");
        var decision = ExternalBodyProcess.OnInput(state, StepInputs.Read(Load<CaseInput>("case-input.dispute-comply.management.json")), Now);
        Assert.Equal(StageEnding.Closed, decision.Result!.Ending);
        Assert.Single(decision.Commands.OfType<ReportToCase>());
    }

    /// <summary>Every member of <paramref name="before"/> is in <paramref name="after"/> with the same value; an enum number may now be its name.</summary>
    static void Compare(JsonElement before, JsonElement after, string path, List<string> differences)
    {
        if (before.ValueKind == JsonValueKind.Object && after.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in before.EnumerateObject())
            {
                if (!after.TryGetProperty(member.Name, out var now))
                {
                    differences.Add($"{path}.{member.Name} is gone");
                    continue;
                }

                Compare(member.Value, now, $"{path}.{member.Name}", differences);
            }

            return;
        }

        if (before.ValueKind == JsonValueKind.Array && after.ValueKind == JsonValueKind.Array)
        {
            var (a, b) = (before.EnumerateArray().ToList(), after.EnumerateArray().ToList());
            if (a.Count != b.Count)
            {
                differences.Add($"{path} had {a.Count} items, now {b.Count}");
                return;
            }

            for (var i = 0; i < a.Count; i++)
            {
                Compare(a[i], b[i], $"{path}[{i}]", differences);
            }

            return;
        }

        if (before.ValueKind == JsonValueKind.Number && after.ValueKind == JsonValueKind.String && EnumNames.Contains(path.Split('.')[^1]))
        {
            return;
        }

        if (before.GetRawText() != after.GetRawText())
        {
            differences.Add($"{path} was {before.GetRawText()}, now {after.GetRawText()}");
        }
    }

    // Members version 1 wrote as enum numbers; they now read the same numbers and write names.
    static readonly HashSet<string> EnumNames = ["Phase", "Country", "Route"];

    [Fact]
    public void A_step_order_written_before_steps_carried_facts_loads_with_none_and_its_trail_line_gets_no_facts_column()
    {
        var order = Load<ComplaintFunctions.Workflow.CaseStepOrder>("case-step-order.before-facts.json", "v3");

        Assert.Equal((ComplaintFunctions.Domain.Complaints.CaseAction.GiveFinalAnswer, "agent", ComplaintFunctions.Domain.Complaints.CaseStage.CustomerService), (order.Action, order.Actor, order.ExpectedStage));
        Assert.Null(order.Facts);
        Assert.True(ComplaintFunctions.Domain.Reports.TrailFacts.Parse(order.Facts).IsEmpty);
        Assert.Null(ComplaintFunctions.Domain.Reports.TrailFacts.Parse(order.Facts).ToColumn());
    }
}
