using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFunctionsRunner.Functions;

/// <summary>
/// Calls a function method as the isolated worker would: a fresh instance of its class per
/// invocation (constructor injection from a scope), trigger data and bindings as arguments.
/// </summary>
public static class FunctionInvoker
{
    /// <summary>Runs the function inside the app's middleware, with one <see cref="FunctionContext"/> for the invocation.</summary>
    /// <param name="bind">Supplies the argument for a parameter, or returns false to fall back to the common bindings.</param>
    /// <param name="prepare">Puts what this trigger offers into the context before the middleware sees it (e.g. the HttpContext).</param>
    internal static async Task<object?> InvokeAsync(
        FunctionEntry function,
        IServiceProvider services,
        TryBind bind,
        MiddlewarePipeline middleware,
        IReadOnlyDictionary<string, object?> bindingData,
        Action<FunctionContext>? prepare,
        CancellationToken cancellationToken)
    {
        var context = new LocalFunctionContext(function, services, bindingData, cancellationToken);
        prepare?.Invoke(context);
        object? result = null;
        await middleware.Around(async ctx => result = await InvokeAsync(function, ctx.InstanceServices, bind, ctx, cancellationToken))(context);
        return result;
    }

    /// <param name="bind">Supplies the argument for a parameter, or returns false to fall back to the common bindings.</param>
    public static Task<object?> InvokeAsync(FunctionEntry function, IServiceProvider services, TryBind bind, CancellationToken cancellationToken) =>
        InvokeAsync(function, services, bind, context: null, cancellationToken);

    static async Task<object?> InvokeAsync(
        FunctionEntry function,
        IServiceProvider services,
        TryBind bind,
        FunctionContext? context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bind);
        var method = function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var parameters = method.GetParameters();
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                arguments[i] = Bind(function, parameters[i], services, bind, context, cancellationToken);
            }

            object? returned;
            try
            {
                returned = method.Invoke(target, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }

            return await Unwrap(returned);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    public delegate bool TryBind(ParameterInfo parameter, out object? value);

    static object? Bind(FunctionEntry function, ParameterInfo parameter, IServiceProvider services, TryBind bind, FunctionContext? context, CancellationToken cancellationToken)
    {
        if (bind(parameter, out var value))
        {
            return value;
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null || parameter.ParameterType == typeof(DurableTaskClient))
        {
            return services.GetRequiredService<DurableTaskClient>();
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.ParameterType == typeof(FunctionContext))
        {
            return context ?? new LocalFunctionContext(function, services, new Dictionary<string, object?>(), cancellationToken);
        }

        throw new NotSupportedException(
            $"The local runner cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}) of function {function.Name}. Supported: the trigger, [DurableClient], FunctionContext, CancellationToken and HTTP route values.");
    }

    // Task, Task<T>, ValueTask, ValueTask<T> or a plain value.
    static async Task<object?> Unwrap(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult"
                    ? result.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                var valueType = returned.GetType();
                if (valueType.IsGenericType && valueType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)valueType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    return await Unwrap(asTask);
                }

                return returned;
        }
    }

    /// <summary>The result type a function produces once awaited (<c>Task&lt;T&gt;</c> gives T).</summary>
    public static Type ResultType(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var type = method.ReturnType;
        if (type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask))
        {
            return typeof(object);
        }

        return type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;
    }
}
