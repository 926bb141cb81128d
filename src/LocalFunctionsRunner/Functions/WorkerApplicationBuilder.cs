using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFunctionsRunner.Functions;

/// <summary>
/// What the app's own registration is given under the runner, in place of the worker's builder:
/// its services go into the runner's container and its middleware (<c>UseMiddleware</c>,
/// <c>UseWhen</c>, <c>Use</c>) runs around every HTTP and queue invocation, in the order registered.
/// </summary>
sealed class WorkerApplicationBuilder(IServiceCollection services) : IFunctionsWorkerApplicationBuilder
{
    readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> middleware = [];

    public IServiceCollection Services { get; } = services;

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        this.middleware.Add(middleware);
        return this;
    }

    public MiddlewarePipeline Build() => new([.. middleware]);
}

/// <summary>The app's middleware around a function's own call; the first registered runs outermost.</summary>
sealed class MiddlewarePipeline(IReadOnlyList<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> middleware)
{
    public static MiddlewarePipeline None { get; } = new([]);

    public FunctionExecutionDelegate Around(FunctionExecutionDelegate function)
    {
        var next = function;
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            next = middleware[i](next);
        }

        return next;
    }
}
