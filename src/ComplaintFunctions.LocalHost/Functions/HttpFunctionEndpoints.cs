using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace ComplaintFunctions.LocalHost.Functions;

/// <summary>
/// Serves each HTTP-triggered function on its route under the host's route prefix, with the
/// ASP.NET Core integration's shapes: <see cref="HttpRequest"/> in, <see cref="IActionResult"/>
/// or <see cref="IResult"/> out. Like <c>func start</c>, authorization levels are not enforced locally.
/// </summary>
static class HttpFunctionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionEntry> functions, string routePrefix, ILogger logger)
    {
        foreach (var function in functions.Where(f => f.Trigger == TriggerKind.Http))
        {
            var trigger = (HttpTriggerAttribute)function.TriggerAttribute!;
            var route = (trigger.Route ?? function.Name).TrimStart('/');
            var pattern = string.IsNullOrEmpty(routePrefix) ? $"/{route}" : $"/{routePrefix}/{route}";
            var methods = trigger.Methods is { Length: > 0 } m
                ? m.Select(x => x.ToUpperInvariant()).ToArray()
                : ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
            endpoints.MapMethods(pattern, methods, context => InvokeAsync(function, context, logger));
            logger.LogInformation("{Function}: [{Methods}] {Pattern}", function.Name, string.Join(",", methods), pattern);
        }
    }

    static async Task InvokeAsync(FunctionEntry function, HttpContext context, ILogger logger)
    {
        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(function, context.RequestServices, Bind, context.RequestAborted);
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
