using LocalFunctionsRunner.Functions;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFunctionsRunner.Durable;

/// <summary>Runs a <c>[Function]</c> + <c>[ActivityTrigger]</c> method, with a fresh DI scope per call.</summary>
sealed class FunctionActivity(FunctionEntry function, RunnerServices services) : ITaskActivity
{
    public Type InputType => function.TriggerParameter!.ParameterType;
    public Type OutputType => FunctionInvoker.ResultType(function.Method);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.Root.CreateAsyncScope();
        return await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, Bind, CancellationToken.None);

        bool Bind(System.Reflection.ParameterInfo parameter, out object? value)
        {
            value = input;
            return parameter == function.TriggerParameter;
        }
    }
}

/// <summary>The runner's service provider, known only once the host is built; the worker needs the adapters before that.</summary>
sealed class RunnerServices
{
    IServiceProvider? root;

    public IServiceProvider Root
    {
        get => root ?? throw new InvalidOperationException("The runner has not started yet.");
        set => root = value;
    }

    /// <summary>The worker's payload converter (from <c>WorkerOptions.Serializer</c>), known once the host is built.</summary>
    public DataConverter DataConverter { get; set; } = Microsoft.DurableTask.Converters.JsonDataConverter.Default;
}
