using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Bench;

/// <summary>
/// The bare engine the pipeline is compared with: the same Durable Task stack the local runner
/// uses (Azure Storage orchestration service, the InProcessTestHost gRPC sidecar, the standard
/// gRPC worker and client, 1 s maximum queue polling interval), with one orchestration of the
/// pipeline's acknowledgement shape and nothing else: one empty activity that notes when it ran (a
/// new case's work, the acknowledgement among it, is one activity since version 3), then a long timer.
/// </summary>
internal sealed class BareEngine : IBareEngine
{
    public const string OrchestrationName = "BareCase";
    public const string ActivityName = "BareAcknowledgement";

    readonly WebApplication sidecar;
    readonly IHost worker;
    readonly GrpcChannel channel;

    BareEngine(WebApplication sidecar, IHost worker, GrpcChannel channel, ConcurrentDictionary<string, DateTimeOffset> acknowledged)
    {
        this.sidecar = sidecar;
        this.worker = worker;
        this.channel = channel;
        Acknowledged = acknowledged;
    }

    /// <summary>Instance id → when its activity ran (the bare counterpart of a kept acknowledgement mail).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Acknowledged { get; }

    public DurableTaskClient Client => worker.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<BareEngine> StartAsync(string connectionString, string taskHub, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var service = new AzureStorageOrchestrationService(Settings(connectionString, taskHub, loggerFactory));
        await service.CreateIfNotExistsAsync();

        var port = LocalFunctionsRunner.Storage.AzuriteProcess.FreePort();
        var sidecarBuilder = WebApplication.CreateSlimBuilder();
        sidecarBuilder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        sidecarBuilder.Logging.ClearProviders();
        sidecarBuilder.Services.AddSingleton(loggerFactory);
        sidecarBuilder.Services.AddGrpc();
        sidecarBuilder.Services.AddSingleton(OnceStartedOnceStopped.Wrap(service));
        sidecarBuilder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        sidecarBuilder.Services.AddSingleton<TaskHubGrpcServer>();
        var sidecar = sidecarBuilder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken);

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var acknowledged = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        builder.Services.AddDurableTaskWorker(w =>
        {
            w.UseGrpc(channel);
            w.AddTasks(registry =>
            {
                registry.AddOrchestrator(OrchestrationName, new BareCase());
                registry.AddActivity(ActivityName, new BareAcknowledgement(acknowledged));
            });
        });
        var worker = builder.Build();
        await worker.StartAsync(cancellationToken);
        return new BareEngine(sidecar, worker, channel, acknowledged);
    }

    /// <summary>The backend's settings, the same for both ways of driving it: as the runner's, but 1 s polling and no host.json.</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(string connectionString, string taskHub, ILoggerFactory loggerFactory) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        TaskHubName = taskHub,
        MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        LoggerFactory = loggerFactory,
    };

    public Task ScheduleAsync(string instanceId, string input, CancellationToken cancellationToken) =>
        Client.ScheduleNewOrchestrationInstanceAsync(OrchestrationName, input, new StartOrchestrationOptions(instanceId), cancellationToken);

    /// <summary>Worker first, then the engine behind the sidecar.</summary>
    public async ValueTask DisposeAsync()
    {
        await worker.StopAsync();
        worker.Dispose();
        await sidecar.StopAsync();
        await sidecar.DisposeAsync();
        channel.Dispose();
    }
}

/// <summary>The acknowledgement path's shape: the new case's work (the acknowledgement), then a long wait (the pipeline waits hours for its clocks).</summary>
internal sealed class BareCase : Microsoft.DurableTask.TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.CallActivityAsync<bool>(BareEngine.ActivityName, input);
        await context.CreateTimer(context.CurrentUtcDateTime.AddDays(3), CancellationToken.None);
        return "waited";
    }
}

/// <summary>An empty activity that only notes when it ran.</summary>
internal sealed class BareAcknowledgement(ConcurrentDictionary<string, DateTimeOffset> acknowledged) : Microsoft.DurableTask.TaskActivity<string, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(acknowledged.TryAdd(context.InstanceId, DateTimeOffset.UtcNow));
    }
}

/// <summary>
/// Hands every call to the Azure Storage orchestration service, except that a second start or a
/// stop without a start does nothing: the sidecar may stop a service it never started, and the
/// Azure Storage service fails on that from a background callback, which would end the process.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives from this type at run time.
internal class OnceStartedOnceStopped : DispatchProxy
#pragma warning restore CA1852
{
    IOrchestrationService inner = null!;
    int running;

    public static IOrchestrationService Wrap(IOrchestrationService service)
    {
        var proxy = Create<IOrchestrationService, OnceStartedOnceStopped>();
        ((OnceStartedOnceStopped)(object)proxy).inner = service;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return targetMethod.Name switch
        {
            nameof(IOrchestrationService.StartAsync) when Interlocked.CompareExchange(ref running, 1, 0) != 0 => Task.CompletedTask,
            nameof(IOrchestrationService.StopAsync) when Interlocked.CompareExchange(ref running, 0, 1) != 1 => Task.CompletedTask,
            _ => Forward(targetMethod, args),
        };
    }

    object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
