using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Tests.Workflow;
using ComplaintFunctions.Workflow;
using ComplaintFunctions.Workflow.Process;

namespace ComplaintFunctions.Tests.Golden;

/// <summary>
/// What version 3.0 writes into open cases (captured from a real run, see Golden/v3/CAPTURED.md) loads
/// through the worker's serializer without losing a value, and carries on under today's process.
/// Every later version keeps these files and this test.
/// </summary>
public sealed class GoldenV3StateTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    // Written by hand in an older shape (see CAPTURED.md); GoldenStateTests reads them on their own terms.
    static readonly HashSet<string> HandWritten = ["external-body.reply-clock.json", "case-step-order.before-facts.json"];

    public static TheoryData<string> Files(string prefix) => GoldenStateTests.FilesIn("v3", prefix, HandWritten);

    static T Load<T>(string name) => GoldenStateTests.Load<T>(name, "v3");

    [Fact]
    public void Every_kind_of_state_has_captured_files()
    {
        Assert.True(Files("case-flow.").Count >= 25);
        Assert.True(Files("ombudsman-review.").Count >= 4);
        Assert.True(Files("external-body.").Count >= 8);
        Assert.True(Files("case-input.").Count >= 35);
    }

    [Theory]
    [MemberData(nameof(Files), "case-flow.")]
    [MemberData(nameof(Files), "ombudsman-review.")]
    [MemberData(nameof(Files), "external-body.")]
    [MemberData(nameof(Files), "case-input.")]
    public void Each_file_loads_without_losing_a_value(string name) => GoldenStateTests.AssertLoadsWithoutLosingAValue(name, "v3");

    [Theory]
    [MemberData(nameof(Files), "case-input.")]
    public void Each_input_reads_as_its_kind(string name)
    {
        var reading = StepInputs.Read(Load<CaseInput>(name));
        Assert.Null(reading.Error);
        Assert.Equal(name.Split('.')[1], reading.Input!.Kind);
    }

    [Theory]
    [MemberData(nameof(Files), "case-flow.")]
    public void Each_case_state_is_of_the_current_schema_and_needs_no_upgrade(string name)
    {
        var flow = Load<CaseFlow>(name);
        Assert.Equal(CaseFlow.CurrentSchema, flow.SchemaVersion);
        Assert.Equal(flow, flow.Upgraded());
    }

    [Fact]
    public void A_case_started_again_to_be_reopened_reopens_with_the_customer_and_the_team_told()
    {
        var flow = Load<CaseFlow>("case-flow.closed.reopening.json").Upgraded();
        Assert.NotNull(flow.Reopening);

        var decision = CaseProcess.Reopen(flow, Now);

        Assert.Equal(CaseAction.Reopen, Assert.IsType<TakeStep>(decision.Commands[0]).Action);
        Assert.Contains(decision.Commands, c => c is SendMail { Kind: MailKind.CaseReopened });
        Assert.Contains(decision.Commands, c => c is SendMail { Kind: MailKind.StaffReopened });
        Assert.Null(decision.Next.Reopening);
    }

    [Fact]
    public void A_case_with_customer_service_takes_a_final_answer_written_today()
    {
        var flow = Load<CaseFlow>("case-flow.customer-service.json").Upgraded();
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.agent-final.json")), Now);

        Assert.Equal(CaseAction.GiveFinalAnswer, Assert.IsType<TakeStep>(decision.Commands[0]).Action);
    }

    [Fact]
    public void A_case_waiting_for_the_customer_takes_a_reply_logged_from_a_phone_call()
    {
        var flow = Load<CaseFlow>("case-flow.waiting-for-customer.json").Upgraded();
        var decision = CaseProcess.OnInput(flow, StepInputs.Read(Load<CaseInput>("case-input.customer-replied.phone-log.json")), Now);

        Assert.Equal(FlowPhase.CustomerService, decision.Next.Phase);
        Assert.Equal(CaseAction.CustomerResponded, Assert.IsType<TakeStep>(decision.Commands[0]).Action);
    }
}
