using ComplaintFunctions.Tests.Support;
using ComplaintFunctions.Workflow;
using LocalFunctionsRunner;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.Runner;

/// <summary>What a probe episode has handled so far.</summary>
/// <param name="NextClock">When the next clock is due: fixed across episodes, as a case's deadlines are.</param>
public sealed record EpisodeProbeState(int Wanted, IReadOnlyList<string> Seen, int Clocks, DateTime? NextClock = null);

/// <summary>
/// The case's wait (<see cref="EpisodeWait"/>) in a loop of episodes, each handling one input or one
/// clock whose work takes a while, then continuing as new: as the case orchestration does.
/// </summary>
public static class EpisodeProbe
{
    public const string Orchestration = "ProbeEpisodes";
    public const string ClockWork = "ProbeClockWork";
    public const string Event = "CaseInput";

    public static async Task<string> RunAsync(TaskOrchestrationContext context, EpisodeProbeState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var due = state.NextClock ?? context.CurrentUtcDateTime.AddSeconds(1);
        var wait = new EpisodeWait(context, Event);
        var input = await wait.NextAsync(new DateTimeOffset(due, TimeSpan.Zero), null);
        if (input is null)
        {
            // A clock's work (a progress mail, say) during which inputs keep coming.
            await context.CallActivityAsync<int>(ClockWork, state.Clocks);
            state = state with { Clocks = state.Clocks + 1, NextClock = context.CurrentUtcDateTime.AddSeconds(1) };
        }
        else
        {
            state = state with { NextClock = due, Seen = [.. state.Seen, input.Actor] };
        }

        // As the case does: every input that has arrived is handled before the episode ends.
        while (wait.TakeArrived() is { } arrived)
        {
            state = state with { Seen = [.. state.Seen, arrived.Actor] };
        }

        if (state.Seen.Count >= state.Wanted)
        {
            return string.Join(",", state.Seen);
        }

        context.ContinueAsNew(state, preserveUnprocessedEvents: true);
        return string.Empty;
    }

    public static async Task<int> SlowClockWorkAsync(int clock)
    {
        await Task.Delay(400);
        return clock;
    }
}

/// <summary>The probe as functions, for the local runner.</summary>
public static class EpisodeProbeFunctions
{
    [Function(EpisodeProbe.Orchestration)]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        EpisodeProbe.RunAsync(context, context?.GetInput<EpisodeProbeState>() ?? throw new InvalidOperationException("No state."));

    [Function(EpisodeProbe.ClockWork)]
    public static Task<int> Work([ActivityTrigger] int clock) => EpisodeProbe.SlowClockWorkAsync(clock);
}

/// <summary>
/// An input that arrives with a firing clock, or while a clock's work runs, is never lost: the
/// episode that holds it handles it, or leaves it for the next one (issue: an agent's final answer
/// was lost to a progress timer).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EpisodeInputTests(AzuriteFixture azurite)
{
    const int Inputs = 12;

    [Fact]
    public async Task No_input_is_lost_to_a_clock_on_the_runner_and_its_Azure_Storage_backend()
    {
        var folder = Directory.CreateTempSubdirectory("episode-probe-").FullName;
        var options = ProbeApp.RunnerOptions(azurite.ConnectionString, folder, "episodes");
        try
        {
            await using var runner = await FunctionsRunner.StartAsync(options);
            await AssertEveryInputHandledAsync(runner.Services.GetRequiredService<DurableTaskClient>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task AssertEveryInputHandledAsync(DurableTaskClient client)
    {
        var id = await client.ScheduleNewOrchestrationInstanceAsync(EpisodeProbe.Orchestration, new EpisodeProbeState(Inputs, [], 0));

        // Inputs a little faster than the clocks, so they land with firing clocks and during clock work.
        var sent = new List<string>();
        for (var i = 0; i < Inputs; i++)
        {
            await Task.Delay(350);
            var input = $"input-{i}";
            await client.RaiseEventAsync(id, EpisodeProbe.Event, new CaseInput("probe", input));
            sent.Add(input);
        }

        OrchestrationMetadata done;
        try
        {
            done = await RunnerClient.EventuallyAsync(
                async () => await client.GetInstanceAsync(id, getInputsAndOutputs: true) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } m ? m : null,
                $"all {Inputs} inputs handled",
                TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException e)
        {
            var last = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            throw new TimeoutException($"{e.Message} The episode holds: {last?.SerializedInput} ({last?.RuntimeStatus})", e);
        }

        var seen = done.ReadOutputAs<string>()!.Split(',');
        Assert.Equal(sent.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }
}
