using System.Text.Json;
using ComplaintFunctions.Tests.Support;
using LocalFunctionsRunner;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFunctions.Tests.Runner;

/// <summary>
/// Sub-orchestrations with explicit instance ids run on the runner as on the Functions host on Azure
/// Storage: the child runs, its result or failure reaches the parent, and the parent keeps handling
/// its own events meanwhile.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubOrchestrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_child_orchestration_runs_and_its_result_or_failure_reaches_the_parent()
    {
        var folder = Directory.CreateTempSubdirectory("suborch-probe-").FullName;
        try
        {
            await using var runner = await FunctionsRunner.StartAsync(ProbeApp.RunnerOptions(azurite.ConnectionString, folder, "suborch"));
            var client = runner.Services.GetRequiredService<DurableTaskClient>();

            var ok = await StartAsync(client, "ok");
            var failed = await StartAsync(client, "fail");
            var continued = await StartAsync(client, "continue");
            var retriedSame = await StartAsync(client, "retry-same");
            var retriedOther = await StartAsync(client, "retry-other");
            var evented = await StartAsync(client, "event");

            Assert.Equal($"{ok}-child of {ok} round 0", await OutputAsync(client, ok));

            // The parent sees a TaskFailedException for the child, whose details are the child's exception.
            var failure = JsonDocument.Parse(await OutputAsync(client, failed)).RootElement;
            Assert.Equal("TaskFailedException", failure.GetProperty("exception").GetString());
            Assert.Equal(SubOrchestrationProbe.Child, failure.GetProperty("TaskName").GetString());
            Assert.Equal(typeof(InvalidOperationException).FullName, failure.GetProperty("ErrorType").GetString());
            Assert.Equal($"child {failed}-child failed on purpose", failure.GetProperty("ErrorMessage").GetString());
            Assert.True(failure.GetProperty("causedByInvalidOperation").GetBoolean());
            Assert.True(failure.GetProperty("hasStackTrace").GetBoolean());
            Assert.Equal(JsonValueKind.Null, failure.GetProperty("inner").ValueKind);
            Assert.StartsWith($"Task '{SubOrchestrationProbe.Child}' (#0) failed with an unhandled exception: child {failed}-child failed on purpose", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
            var failedChild = await client.GetInstanceAsync($"{failed}-child", getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Failed, failedChild?.RuntimeStatus);

            // A child that continues as new keeps its parent: its last execution's result reaches it.
            Assert.Equal($"{continued}-child of {continued} round 1", await OutputAsync(client, continued));

            Assert.Equal($"{retriedOther}-child-2 of {retriedOther} round 0", await OutputAsync(client, retriedOther));
            Assert.Equal($"{retriedSame}-child of {retriedSame} round 0", await OutputAsync(client, retriedSame));

            // An event to the parent while its child runs is handled, and the parent still gets the child's result.
            // (Raised once the child runs: an event to an instance whose start the backend has not taken yet
            // can be dropped, on Azure Storage as here.)
            await RunnerClient.EventuallyAsync(
                async () => await client.GetInstanceAsync($"{evented}-child") is { RuntimeStatus: OrchestrationRuntimeStatus.Running } m ? m : null,
                "the child waiting");
            await client.RaiseEventAsync(evented, SubOrchestrationProbe.ParentEvent, "ping");
            await RunnerClient.EventuallyAsync(
                async () => (await client.GetInstanceAsync(evented, getInputsAndOutputs: true))?.ReadCustomStatusAs<string>(),
                "the parent handling its event");
            await client.RaiseEventAsync($"{evented}-child", SubOrchestrationProbe.ChildEvent, "test");
            Assert.Equal($"handled ping first; {evented}-child of {evented} released by test", await OutputAsync(client, evented));

            // The client lists the child under its own id; its parent shows only in what the child saw.
            var child = await client.GetInstanceAsync($"{ok}-child", getInputsAndOutputs: true);
            Assert.Equal(SubOrchestrationProbe.Child, child?.Name);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, child?.RuntimeStatus);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A gotcha, from the Durable Task core that runs orchestrators here as in Azure: an orchestrator
    /// that continues as new while a child it did not await still runs does not end its execution
    /// then. The new execution starts only once the child has completed (its result goes to the old
    /// execution, which then continues as new), so the parent sits in its old input meanwhile.
    /// </summary>
    [Fact]
    public async Task A_parent_that_continues_as_new_while_its_child_runs_waits_for_the_child_first()
    {
        var folder = Directory.CreateTempSubdirectory("suborch-can-probe-").FullName;
        try
        {
            await using var runner = await FunctionsRunner.StartAsync(ProbeApp.RunnerOptions(azurite.ConnectionString, folder, "suborchcan"));
            var client = runner.Services.GetRequiredService<DurableTaskClient>();
            var parent = await StartAsync(client, "parent-continues");
            var childId = $"{parent}-child";

            await RunnerClient.EventuallyAsync(
                async () => await client.GetInstanceAsync(childId) is { RuntimeStatus: OrchestrationRuntimeStatus.Running } m ? m : null,
                "the child running");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var waiting = await client.GetInstanceAsync(parent, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Running, waiting?.RuntimeStatus);
            Assert.Equal(0, waiting?.ReadInputAs<SubProbeInput>()?.Round);

            await client.RaiseEventAsync(childId, SubOrchestrationProbe.ChildEvent, "test");
            var child = await RunnerClient.EventuallyAsync(
                async () => await client.GetInstanceAsync(childId, getInputsAndOutputs: true) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } m ? m : null,
                "the child completing");
            Assert.Equal($"{childId} of {parent} released by test", child.ReadOutputAs<string>());
            await RunnerClient.EventuallyAsync(
                async () => (await client.GetInstanceAsync(parent, getInputsAndOutputs: true))?.ReadInputAs<SubProbeInput>() is { Round: 1 } i ? i : null,
                "the parent's next execution once the child is done");

            // The new execution does not see the child's result (its own first task has the same id).
            await client.RaiseEventAsync(parent, SubOrchestrationProbe.ParentEvent, "after");
            Assert.Equal("event after", await OutputAsync(client, parent));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<string> StartAsync(DurableTaskClient client, string mode) =>
        await client.ScheduleNewOrchestrationInstanceAsync(SubOrchestrationProbe.Parent, new SubProbeInput(mode), new StartOrchestrationOptions($"sub-{mode}-{Guid.NewGuid():N}"));

    static async Task<string> OutputAsync(DurableTaskClient client, string id)
    {
        try
        {
            var done = await RunnerClient.EventuallyAsync(
                async () => await client.GetInstanceAsync(id, getInputsAndOutputs: true) is { IsCompleted: true } m ? m : null,
                $"parent {id} to finish",
                TimeSpan.FromSeconds(60));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            return done.ReadOutputAs<string>()!;
        }
        catch (TimeoutException e)
        {
            var parent = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            var child = await client.GetInstanceAsync($"{id}-child", getInputsAndOutputs: true);
            throw new TimeoutException($"{e.Message} Parent: {parent?.RuntimeStatus} {parent?.SerializedCustomStatus}; child: {child?.RuntimeStatus.ToString() ?? "none"} {child?.SerializedOutput}", e);
        }
    }
}
