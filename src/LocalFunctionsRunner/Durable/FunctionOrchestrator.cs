using System.Text.Json;
using LocalFunctionsRunner.Functions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsRunner.Durable;

/// <summary>
/// Runs a <c>[Function]</c> + <c>[OrchestrationTrigger]</c> method on the Durable Task SDK worker.
/// Function-style orchestrators read their input with <c>GetInput&lt;T&gt;()</c> for any T, so the
/// input is kept as JSON and converted when asked, as the Functions extension does.
/// </summary>
sealed class FunctionOrchestrator(FunctionEntry function, RunnerServices services) : ITaskOrchestrator
{
    public Type InputType => typeof(JsonElement?);
    public Type OutputType => FunctionInvoker.ResultType(function.Method);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var wrapped = new FunctionOrchestrationContext(context, (JsonElement?)input, services.DataConverter);
        return FunctionInvoker.InvokeAsync(function, services.Root, Bind, CancellationToken.None);

        bool Bind(System.Reflection.ParameterInfo parameter, out object? value)
        {
            value = wrapped;
            return parameter.ParameterType == typeof(TaskOrchestrationContext);
        }
    }
}

/// <summary>Passes everything to the SDK's context but reads the input lazily in the type the orchestrator asks for.</summary>
sealed class FunctionOrchestrationContext(TaskOrchestrationContext inner, JsonElement? input, DataConverter converter) : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;
    public override string Version => inner.Version;
    public override string InstanceId => inner.InstanceId;
    public override ParentOrchestrationInstance? Parent => inner.Parent;
    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;
    public override bool IsReplaying => inner.IsReplaying;
    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;
    public override TaskOrchestrationEntityFeature Entities => inner.Entities;
    protected override ILoggerFactory LoggerFactory => inner.ReplaySafeLoggerFactory;

    public override T? GetInput<T>() where T : default =>
        input is { } json ? converter.Deserialize<T>(json.GetRawText()) : default;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    public override Guid NewGuid() => inner.NewGuid();
}
