using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsRunner.Functions;

public enum TriggerKind
{
    Http,
    Orchestration,
    Activity,
    Queue,
    Timer,
    Unsupported,
}

/// <summary>One method marked <c>[Function]</c> in the app, and what triggers it.</summary>
public sealed record FunctionEntry(string Name, MethodInfo Method, TriggerKind Trigger, ParameterInfo? TriggerParameter, Attribute? TriggerAttribute)
{
    public override string ToString() => $"{Name} ({Trigger})";
}

/// <summary>
/// Finds the app's functions the way the Functions host does: by their <c>[Function]</c>
/// attribute and the trigger attribute on one parameter. A new function needs no second
/// registration here.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionEntry> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var entries = new List<FunctionEntry>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                entries.Add(Describe(function.Name, method));
            }
        }

        return entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    static FunctionEntry Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            foreach (var attribute in parameter.GetCustomAttributes())
            {
                var kind = attribute switch
                {
                    HttpTriggerAttribute => TriggerKind.Http,
                    OrchestrationTriggerAttribute => TriggerKind.Orchestration,
                    ActivityTriggerAttribute => TriggerKind.Activity,
                    QueueTriggerAttribute => TriggerKind.Queue,
                    TimerTriggerAttribute => TriggerKind.Timer,
                    _ when attribute.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal) => TriggerKind.Unsupported,
                    _ => (TriggerKind?)null,
                };
                if (kind is { } found)
                {
                    return new FunctionEntry(name, method, found, parameter, attribute);
                }
            }
        }

        return new FunctionEntry(name, method, TriggerKind.Unsupported, null, null);
    }
}
