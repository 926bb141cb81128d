using System.Collections.Concurrent;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Bench;

/// <summary>What the benchmark needs of a bare engine: start an orchestration, and see when its acknowledgement ran.</summary>
internal interface IBareEngine : IAsyncDisposable
{
    ConcurrentDictionary<string, DateTimeOffset> Acknowledged { get; }

    Task ScheduleAsync(string instanceId, string input, CancellationToken cancellationToken);
}

/// <summary>
/// The bare engine without the gRPC hop (<c>--bare direct</c>): the Durable Task Framework's own
/// <c>TaskHubWorker</c> on the same Azure Storage service, running the same orchestrator and activity
/// through the SDK's shim factory, as an in-process host would. It shows what the sidecar costs; the
/// runner keeps the sidecar, because the Functions host talks to an isolated worker over gRPC too.
/// </summary>
internal sealed class DirectBareEngine : IBareEngine
{
    readonly TaskHubWorker worker;
    readonly TaskHubClient client;

    DirectBareEngine(TaskHubWorker worker, TaskHubClient client, ConcurrentDictionary<string, DateTimeOffset> acknowledged)
    {
        this.worker = worker;
        this.client = client;
        Acknowledged = acknowledged;
    }

    public ConcurrentDictionary<string, DateTimeOffset> Acknowledged { get; }

    public static async Task<DirectBareEngine> StartAsync(string connectionString, string taskHub, ILoggerFactory loggerFactory)
    {
        var service = new AzureStorageOrchestrationService(BareEngine.Settings(connectionString, taskHub, loggerFactory));
        await service.CreateIfNotExistsAsync();
        var acknowledged = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var shims = new DurableTaskShimFactory(null, loggerFactory);
        var worker = new TaskHubWorker(service, loggerFactory);
        worker.AddTaskOrchestrations(new Made<TaskOrchestration>(BareEngine.OrchestrationName, () => shims.CreateOrchestration(BareEngine.OrchestrationName, new BareCase())));
        worker.AddTaskActivities(new Made<TaskActivity>(BareEngine.ActivityName, () => shims.CreateActivity(BareEngine.ActivityName, new BareAcknowledgement(acknowledged))));
        await worker.StartAsync();
        return new DirectBareEngine(worker, new TaskHubClient(service, loggerFactory: loggerFactory), acknowledged);
    }

    public Task ScheduleAsync(string instanceId, string input, CancellationToken cancellationToken) =>
        client.CreateOrchestrationInstanceAsync(BareEngine.OrchestrationName, string.Empty, instanceId, input);

    public async ValueTask DisposeAsync() => await worker.StopAsync(isForced: false);

    /// <summary>A fresh shim for every execution: an orchestration shim holds its execution's state.</summary>
    sealed class Made<T> : ObjectCreator<T>
    {
        readonly Func<T> make;

        public Made(string name, Func<T> make)
        {
            Name = name;
            Version = string.Empty;
            this.make = make;
        }

        public override T Create() => make();
    }
}
