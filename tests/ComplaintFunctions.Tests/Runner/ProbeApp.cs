using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintFunctions.Tests.Runner;

/// <summary>
/// A second, tiny Functions app the generic runner is pointed at, to show it runs any app as the
/// host would: its middleware around HTTP and queue functions, its orchestration versions.
/// </summary>
public sealed class ProbeFunctions(ProbeLog log)
{
    public const string Queue = "probe-items";

    [Function("ProbeHello")]
    public static IActionResult Hello([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/hello")] HttpRequest request) =>
        new OkObjectResult(new { seenByMiddleware = request?.HttpContext.Items["probe-middleware"] as string });

    [Function("ProbeAdminOnly")]
    public static IActionResult AdminOnly([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "probe/admin")] HttpRequest request) => new OkResult();

    [Function("ProbeQueue")]
    public void Item([QueueTrigger(Queue)] string item, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        log.Add($"{item} via {context.Items["probe-middleware"]}");
    }

    /// <summary>Runs on the schedule in the setting <c>Probe:Timer</c> (unset in most probe runs: then it does not run), and once at start.</summary>
    [Function("ProbeTimer")]
    public void Tick([TimerTrigger("%Probe:Timer%", RunOnStartup = true, UseMonitor = false)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        log.Add($"tick via {context.Items["probe-middleware"]} next {timer.ScheduleStatus?.Next:O} client {client is not null}");
    }

    [Function("ProbeStartVersioned")]
    public static async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "probe/versioned")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = await client.ScheduleNewOrchestrationInstanceAsync("ProbeVersioned", "first", new StartOrchestrationOptions { Version = "1.0" });
        return new OkObjectResult(new { id });
    }

    /// <summary>Runs once as 1.0, continues as 2.0 and returns the versions it saw.</summary>
    [Function("ProbeVersioned")]
    public static Task<string> Versioned([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seen = context.GetInput<string>();
        if (context.Version == "1.0")
        {
            context.ContinueAsNew(new ContinueAsNewOptions { NewInput = $"{seen}:{context.Version}", NewVersion = "2.0" });
            return Task.FromResult(string.Empty);
        }

        return Task.FromResult($"{seen}:{context.Version}");
    }
}

/// <summary>What the probe's functions saw, for the test to read.</summary>
public sealed class ProbeLog
{
    readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public void Add(string line) => lines.Enqueue(line);
}

/// <summary>Worker middleware as an app registers it with <c>UseMiddleware</c>.</summary>
public sealed class ProbeMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var mark = $"middleware:{context.FunctionDefinition.Name}";
        context.Items["probe-middleware"] = mark;
        if (context.Items.TryGetValue("HttpRequestContext", out var http) && http is HttpContext httpContext)
        {
            httpContext.Items["probe-middleware"] = mark;
        }

        return next(context);
    }
}

public static class ProbeApp
{
    /// <summary>The generic runner pointed at this test assembly's functions, on the test's Azurite, with keys and no settings file under <paramref name="folder"/>.</summary>
    public static LocalFunctionsRunner.FunctionsRunnerOptions RunnerOptions(string storageConnectionString, string folder, string hubPrefix)
    {
        var options = new LocalFunctionsRunner.FunctionsRunnerOptions
        {
            FunctionAssembly = typeof(ProbeFunctions).Assembly,
            ConfigureApp = (builder, _) => Configure(builder),
            HostJsonPath = Path.Combine(LocalHost.RepositoryRoot.Find(), "host.json"),
            LocalSettingsPath = Path.Combine(folder, "none.json"),
            Port = 0,
            StorageConnectionString = storageConnectionString,
            KeysFile = Path.Combine(folder, "keys.json"),
            TaskHub = hubPrefix + Guid.NewGuid().ToString("N")[..8],
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        };
        options.Settings["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:01";
        return options;
    }

    public static void Configure(IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ProbeLog>();
        builder.UseMiddleware<ProbeMiddleware>();
    }
}

/// <summary>What the sub-orchestration probe's parent is asked to do with its child.</summary>
/// <param name="Mode"><c>ok</c>, <c>fail</c>, <c>continue</c> (the child continues as new once), <c>event</c> (an event to the parent while the child waits), <c>retry-same</c> / <c>retry-other</c> (a failed child, then a second one with the same or another id), <c>parent-continues</c> (the parent continues as new while its child runs).</param>
public sealed record SubProbeInput(string Mode, int Round = 0);

/// <summary>A parent and a child orchestration, to show sub-orchestrations run on the runner as on the host.</summary>
public static class SubOrchestrationProbe
{
    public const string Parent = "ProbeSubParent";
    public const string Child = "ProbeSubChild";
    public const string ParentEvent = "x";
    public const string ChildEvent = "release";

    public static string ChildId(string parentId) => $"{parentId}-child";

    [Function(Parent)]
    public static async Task<string> RunParent([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<SubProbeInput>() ?? throw new InvalidOperationException("No input.");
        var childId = ChildId(context.InstanceId);
        switch (input.Mode)
        {
            case "event":
            {
                var child = context.CallSubOrchestratorAsync<string>(Child, new SubProbeInput("wait"), new SubOrchestrationOptions { InstanceId = childId });
                var raised = context.WaitForExternalEvent<string>(ParentEvent);
                var first = await Task.WhenAny(child, raised);
                var handled = first == raised ? $"handled {raised.Result} first" : "child first";
                context.SetCustomStatus(handled);
                return $"{handled}; {await child}";
            }

            case "retry-same" or "retry-other":
                try
                {
                    await context.CallSubOrchestratorAsync<string>(Child, new SubProbeInput("fail"), new SubOrchestrationOptions { InstanceId = childId });
                    return "the failing child did not fail";
                }
                catch (TaskFailedException)
                {
                    var retryId = input.Mode == "retry-same" ? childId : $"{childId}-2";
                    return await context.CallSubOrchestratorAsync<string>(Child, new SubProbeInput("ok"), new SubOrchestrationOptions { InstanceId = retryId });
                }

            case "parent-continues" when input.Round == 0:
                // Started, not awaited: the core ends this execution only once the child is done.
                _ = context.CallSubOrchestratorAsync<string>(Child, new SubProbeInput("wait"), new SubOrchestrationOptions { InstanceId = childId });
                context.ContinueAsNew(input with { Round = 1 });
                return string.Empty;

            case "parent-continues":
            {
                using var cancel = new CancellationTokenSource();
                var done = context.WaitForExternalEvent<string>(ParentEvent, cancel.Token);
                var timer = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(15), cancel.Token);
                var first = await Task.WhenAny(done, timer);
                cancel.Cancel();
                return first == done ? $"event {done.Result}" : "timer";
            }

            default:
                try
                {
                    return await context.CallSubOrchestratorAsync<string>(Child, new SubProbeInput(input.Mode), new SubOrchestrationOptions { InstanceId = childId });
                }
                catch (TaskFailedException e)
                {
                    // What a parent can tell of its failed child, for the test to read.
                    var details = e.FailureDetails;
                    return System.Text.Json.JsonSerializer.Serialize(new
                    {
                        exception = e.GetType().Name,
                        message = e.Message,
                        e.TaskName,
                        details.ErrorType,
                        details.ErrorMessage,
                        hasStackTrace = !string.IsNullOrEmpty(details.StackTrace),
                        inner = details.InnerFailure?.ErrorType,
                        innerMessage = details.InnerFailure?.ErrorMessage,
                        causedByInvalidOperation = details.IsCausedBy<InvalidOperationException>(),
                    });
                }
        }
    }

    [Function(Child)]
    public static async Task<string> RunChild([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<SubProbeInput>() ?? throw new InvalidOperationException("No input.");
        var me = $"{context.InstanceId} of {context.Parent?.InstanceId ?? "no parent"}";
        switch (input.Mode)
        {
            case "fail":
                throw new InvalidOperationException($"child {context.InstanceId} failed on purpose");
            case "continue" when input.Round == 0:
                context.ContinueAsNew(input with { Round = 1 });
                return string.Empty;
            case "wait":
                return $"{me} released by {await context.WaitForExternalEvent<string>(ChildEvent)}";
            default:
                return $"{me} round {input.Round}";
        }
    }
}
