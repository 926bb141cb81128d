using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsRunner.Functions;

/// <summary>
/// Serves each HTTP-triggered function on its route under the host's route prefix, with the
/// ASP.NET Core integration's shapes: <see cref="HttpRequest"/> in, <see cref="IActionResult"/>
/// or <see cref="IResult"/> out. As the Functions host: a function's authorization level is checked
/// before it runs (401 without a right key), and a method the route does not take answers 404.
/// </summary>
static class HttpFunctionEndpoints
{
    static readonly string[] AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <param name="keys">The keys to check; null lets every request through (as <c>func start</c> does).</param>
    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionEntry> functions, string routePrefix, FunctionKeys? keys, MiddlewarePipeline middleware, ILogger logger)
    {
        var routes = functions
            .Where(f => f.Trigger == TriggerKind.Http)
            .Select(f => (Function: f, Trigger: (HttpTriggerAttribute)f.TriggerAttribute!))
            .Select(f => (f.Function, f.Trigger, Pattern: Pattern(routePrefix, f.Trigger.Route ?? f.Function.Name), Methods: Methods(f.Trigger)))
            .GroupBy(f => f.Pattern, StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes)
        {
            var byMethod = new Dictionary<string, (FunctionEntry Function, AuthorizationLevel Level)>(StringComparer.OrdinalIgnoreCase);
            foreach (var (function, trigger, _, methods) in route)
            {
                foreach (var method in methods)
                {
                    byMethod.TryAdd(method, (function, trigger.AuthLevel));
                }

                logger.LogInformation("{Function}: [{Methods}] {Pattern} ({Level})", function.Name, string.Join(",", methods), route.Key, trigger.AuthLevel);
            }

            // One endpoint per route for every method, so a method no function takes gets the host's 404 rather than ASP.NET's 405.
            endpoints.Map(route.Key, context =>
            {
                if (!byMethod.TryGetValue(context.Request.Method, out var target))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                if (keys is not null && !keys.Allows(context.Request, target.Function.Name, target.Level))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                return InvokeAsync(target.Function, context, middleware, logger);
            });
        }
    }

    static string Pattern(string routePrefix, string route)
    {
        route = route.TrimStart('/');
        return string.IsNullOrEmpty(routePrefix) ? $"/{route}" : $"/{routePrefix.Trim('/')}/{route}";
    }

    static string[] Methods(HttpTriggerAttribute trigger) =>
        trigger.Methods is { Length: > 0 } m ? m.Select(x => x.ToUpperInvariant()).ToArray() : AllMethods;

    static async Task InvokeAsync(FunctionEntry function, HttpContext context, MiddlewarePipeline middleware, ILogger logger)
    {
        object? result;
        try
        {
            var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in context.Request.RouteValues)
            {
                bindingData[name] = value;
            }

            bindingData["Query"] = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            bindingData["Headers"] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString());
            result = await FunctionInvoker.InvokeAsync(
                function, context.RequestServices, Bind, middleware, bindingData, c => c.Items[LocalFunctionContext.HttpContextItem] = context, context.RequestAborted);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // What the Functions host does with an unhandled exception: a bare 500, details only in the log.
            logger.LogError(e, "Function {Function} failed", function.Name);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                }

                break;
            case string text:
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(text);
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType());
                break;
        }

        bool Bind(ParameterInfo parameter, out object? value)
        {
            if (parameter == function.TriggerParameter)
            {
                value = context.Request;
                return true;
            }

            if (parameter.Name is { } name && context.Request.RouteValues.TryGetValue(name, out var routeValue))
            {
                value = routeValue is null ? null : ConvertRouteValue(routeValue, parameter.ParameterType);
                return true;
            }

            value = null;
            return false;
        }
    }

    static object? ConvertRouteValue(object value, Type type)
    {
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        var converter = TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type);
        return converter.ConvertFrom(null, CultureInfo.InvariantCulture, Convert.ToString(value, CultureInfo.InvariantCulture)!);
    }
}
