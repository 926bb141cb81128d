using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsRunner.Durable;

/// <summary>
/// The Durable Task Framework's Azure Storage backend (the engine Durable Functions uses on
/// Azure Storage) behind the Durable Task gRPC protocol, on a loopback port. The app's
/// orchestrators and activities run in the standard gRPC worker and the HTTP functions get
/// the standard <c>DurableTaskClient</c>, as under the Functions host.
/// </summary>
sealed class AzureStorageSidecar : IAsyncDisposable
{
    readonly WebApplication host;

    AzureStorageSidecar(WebApplication host, string address)
    {
        this.host = host;
        Address = address;
    }

    public string Address { get; }

    public static async Task<AzureStorageSidecar> StartAsync(
        string connectionString, string taskHub, DurableHostSettings durable, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        // The Durable extension's host.json settings, as the extension hands them to this backend.
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            MaxQueuePollingInterval = durable.MaxQueuePollingInterval,
            PartitionCount = durable.PartitionCount,
            ControlQueueBatchSize = durable.ControlQueueBatchSize,
            ControlQueueVisibilityTimeout = durable.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = durable.WorkItemQueueVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = durable.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = durable.MaxConcurrentOrchestratorFunctions,
            ExtendedSessionsEnabled = durable.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = durable.ExtendedSessionIdleTimeout,
            LoggerFactory = loggerFactory,
        });

        // The sidecar does not create the task hub itself.
        await service.CreateIfNotExistsAsync();

        var port = Storage.AzuriteProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddGrpc();
        var guarded = new AzureStorageBackendAdapter(service, service);
        builder.Services.AddSingleton<IOrchestrationService>(guarded);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(guarded);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        return new AzureStorageSidecar(app, $"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }
}
