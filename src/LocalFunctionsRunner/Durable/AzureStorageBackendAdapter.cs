using DurableTask.Core;
using DurableTask.Core.History;

namespace LocalFunctionsRunner.Durable;

/// <summary>
/// Sits between the gRPC sidecar and the Azure Storage orchestration service and smooths its seams:
/// starting and stopping are idempotent (the sidecar stops the service on shutdown even when it never
/// started it, and the service then throws from a fire-and-forget callback that ends the process),
/// the sidecar's own subclass of the "sub-orchestration created" history event is stored as the
/// core event (the Azure Storage backend cannot store the subclass), and the tags of the messages it
/// sends are plain dictionaries (see <c>UsePlainTags</c>). It passes the backend's purge on too, so the
/// client's <c>PurgeInstanceAsync</c> and <c>PurgeAllInstancesAsync</c> work as under the host (the
/// sidecar answers "doesn't support purge operations" for a client that is not a purge client).
/// </summary>
sealed class AzureStorageBackendAdapter(IOrchestrationService service, IOrchestrationServiceClient client) : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServicePurgeClient, IDisposable
{
    public void Dispose() => gate.Dispose();

    readonly SemaphoreSlim gate = new(1, 1);
    static readonly TimeSpan StopPatience = TimeSpan.FromMinutes(2);
    bool started;

    public async Task StartAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (!started)
            {
                await service.StartAsync();
                started = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public Task StopAsync() => StopAsync(isForced: false);

    public async Task StopAsync(bool isForced)
    {
        await gate.WaitAsync();
        try
        {
            if (started)
            {
                started = false;

                // After storage was away the backend's partition manager can take its full ten minutes to
                // stop and then throw from the sidecar's stopping callback, which ends the process: the
                // runner waits two minutes (a normal stop, leases released, takes far less), then leaves it (its leases expire by themselves), and never rethrows.
                var stopping = service.StopAsync(isForced);
                if (await Task.WhenAny(stopping, Task.Delay(StopPatience)) != stopping)
                {
                    _ = stopping.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    return;
                }

                try
                {
                    await stopping;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Stopping is best effort; whatever is left is taken over through lease expiry.
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public Task CreateAsync() => service.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => service.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => service.CreateIfNotExistsAsync();
    public Task DeleteAsync() => service.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => service.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => service.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => service.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => service.GetDelayInSecondsAfterOnFetchException(exception);
    public int TaskOrchestrationDispatcherCount => service.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => service.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => service.EventBehaviourForContinueAsNew;
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) => service.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => service.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        UseCoreEvents(newOrchestrationRuntimeState);
        if (!ReferenceEquals(workItem?.OrchestrationRuntimeState, newOrchestrationRuntimeState))
        {
            UseCoreEvents(workItem?.OrchestrationRuntimeState);
        }

        UsePlainTags(outboundMessages);
        UsePlainTags(orchestratorMessages);
        UsePlainTags(timerMessages);
        UsePlainTags(newOrchestrationRuntimeState?.NewEvents);

        return service.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    static void UseCoreEvents(OrchestrationRuntimeState? state)
    {
        if (state is null)
        {
            return;
        }

        Replace(state.Events);
        Replace(state.NewEvents);

        static void Replace(IList<HistoryEvent> events)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
                {
                    events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                    {
                        Name = created.Name,
                        Version = created.Version,
                        InstanceId = created.InstanceId,
                        Input = created.Input,
                        Timestamp = created.Timestamp,
                        IsPlayed = created.IsPlayed,
                    };
                }
            }
        }
    }

    /// <summary>
    /// The sidecar hands a sub-orchestration's start event the tags of the gRPC request as they are, a
    /// protobuf <c>MapField</c>. The backend writes queue messages with their .NET type names and cannot
    /// resolve that type when it reads them back, so the child's start message fails on every dequeue
    /// (and holds up the rest of its control queue's batch): the child never runs. A plain dictionary
    /// is what the backend writes and reads everywhere else.
    /// </summary>
    static void UsePlainTags(IEnumerable<TaskMessage>? messages)
    {
        foreach (var message in messages ?? [])
        {
            UsePlainTags(message?.Event);
        }
    }

    static void UsePlainTags(IEnumerable<HistoryEvent>? events)
    {
        foreach (var e in events ?? [])
        {
            UsePlainTags(e);
        }
    }

    static void UsePlainTags(HistoryEvent? e)
    {
        switch (e)
        {
            case ExecutionStartedEvent { Tags: { } tags } started when tags.GetType() != typeof(Dictionary<string, string>):
                started.Tags = tags.Count == 0 ? null : new Dictionary<string, string>(tags, StringComparer.Ordinal);
                break;
            case TaskScheduledEvent { Tags: { } tags } scheduled when tags.GetType() != typeof(Dictionary<string, string>):
                scheduled.Tags = tags.Count == 0 ? null : new Dictionary<string, string>(tags, StringComparer.Ordinal);
                break;
        }
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => service.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => service.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    public int TaskActivityDispatcherCount => service.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => service.MaxConcurrentTaskActivityWorkItems;
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) => service.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => service.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) => service.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => service.AbandonTaskActivityWorkItemAsync(workItem);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => client.CreateTaskOrchestrationAsync(creationMessage);
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) => client.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => client.SendTaskOrchestrationMessageAsync(message);
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => client.SendTaskOrchestrationMessageBatchAsync(messages);
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) => client.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => client.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => client.GetOrchestrationStateAsync(instanceId, allExecutions);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => client.GetOrchestrationStateAsync(instanceId, executionId);
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => client.GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) => client.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    IOrchestrationServicePurgeClient Purger => client as IOrchestrationServicePurgeClient
        ?? throw new NotSupportedException($"{client.GetType().Name} cannot purge instances.");

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => Purger.PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => Purger.PurgeInstanceStateAsync(purgeInstanceFilter);
}
