using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Workflow.Process;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Workflow;

/// <summary>
/// One episode of a later stage (the ombudsman's review, an external body): start it, or wait for
/// an input or its clock; carry out what its process decided; end with a result or continue as new.
/// It decides nothing itself.
/// </summary>
sealed class StageEpisode<TState>(
    TaskOrchestrationContext context,
    string caseNumber,
    CasePlan plan,
    int mailSequence,
    ILogger logger,
    CaseStage stage,
    Func<TState, bool> needsStart,
    Func<TState, DateTimeOffset, StageDecision<TState>> start,
    Func<TState, DateTimeOffset?> nextClock,
    Func<TState, DateTimeOffset, StageDecision<TState>> onClock,
    Func<TState, InputReading, DateTimeOffset, StageDecision<TState>> onInput,
    Func<TState, CasePlan, TState> withPlan,
    Func<TState, int, TState> withMailSequence)
    where TState : class
{
    readonly CaseTools tools = new(context, caseNumber, plan, mailSequence, logger);

    DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<StageResult?> RunAsync(TState state)
    {
        StageDecision<TState> decision;
        if (needsStart(state))
        {
            decision = start(state, Now);
        }
        else
        {
            var input = await tools.NextInputAsync(nextClock(state));
            decision = input is null ? onClock(state, Now) : onInput(state, Read(input), Now);
        }

        while (true)
        {
            var done = await tools.CarryOutAsync(decision.Commands, stage);
            if (done.Refusal is null)
            {
                state = done.Plan is { } read ? withPlan(decision.Next, plan with { Timings = read.Timings, Hours = read.Hours, Disputes = read.Disputes }) : decision.Next;
                if (decision.Result is { } result)
                {
                    logger.LogInformation("Stage ends: {Ending}", result.Ending);
                    return result;
                }
            }

            // An input that came while this was carried out is this episode's to handle: never lost.
            if (tools.TakeUnhandledInput() is { } late)
            {
                decision = onInput(state, Read(late), Now);
                continue;
            }

            break;
        }

        context.ContinueAsNew(new ContinueAsNewOptions { NewInput = withMailSequence(state, tools.MailSequence), PreserveUnprocessedEvents = true, NewVersion = ProcessVersions.Current });
        return null;
    }

    InputReading Read(CaseInput input)
    {
        var reading = StepInputs.Read(input);
        logger.LogInformation("Input {InputKind}", reading.Kind);
        return reading;
    }
}
