using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ComplaintFunctions.Tests.Workflow;

/// <summary>How a payload travels: through the Durable data converter, or as an orchestration's input read with GetInput&lt;T&gt;.</summary>
public enum PayloadRoute
{
    Converter,
    OrchestrationInput,
}

/// <summary>A type that crosses the Durable boundary, with where it was found.</summary>
public sealed record DurablePayload(Type Type, PayloadRoute Route, string FoundAt);

/// <summary>
/// Every type the app sends through Durable Functions, found by reflection over the app assembly:
/// activity inputs ([ActivityTrigger] parameters) and results, orchestration results, and from the
/// IL of every method (orchestrators and the helpers they call) the T of GetInput&lt;T&gt;,
/// WaitForExternalEvent&lt;T&gt;, CallActivityAsync&lt;T&gt; and CallSubOrchestratorAsync&lt;T&gt;.
/// A new activity or orchestration is covered without touching the test.
/// </summary>
static class DurablePayloads
{
    public static Assembly App => typeof(ComplaintPipelineServices).Assembly;

    static readonly Lazy<IReadOnlyList<DurablePayload>> Found = new(() => Find().ToList());

    public static IReadOnlyList<DurablePayload> All => Found.Value;

    static IEnumerable<DurablePayload> Find()
    {
        var found = new List<DurablePayload>();
        foreach (var method in App.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
            {
                foreach (var parameter in method.GetParameters())
                {
                    if (parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
                    {
                        found.Add(new DurablePayload(parameter.ParameterType, PayloadRoute.Converter, $"input of activity {function.Name}"));
                        if (Result(method.ReturnType) is { } result)
                        {
                            found.Add(new DurablePayload(result, PayloadRoute.Converter, $"result of activity {function.Name}"));
                        }
                    }

                    if (parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null && Result(method.ReturnType) is { } output)
                    {
                        found.Add(new DurablePayload(output, PayloadRoute.Converter, $"result of orchestration {function.Name}"));
                    }
                }
            }

            foreach (var called in CalledMethods(method))
            {
                if (called is not MethodInfo { IsGenericMethod: true } generic || !typeof(TaskOrchestrationContext).IsAssignableFrom(generic.DeclaringType))
                {
                    continue;
                }

                var argument = generic.GetGenericArguments()[0];
                var where = $"{generic.Name}<{argument.Name}> in {Readable(method)}";
                switch (generic.Name)
                {
                    case nameof(TaskOrchestrationContext.GetInput):
                        found.Add(new DurablePayload(argument, PayloadRoute.OrchestrationInput, where));
                        break;
                    case nameof(TaskOrchestrationContext.WaitForExternalEvent):
                    case nameof(TaskOrchestrationContext.CallActivityAsync):
                    case nameof(TaskOrchestrationContext.CallSubOrchestratorAsync):
                        found.Add(new DurablePayload(argument, PayloadRoute.Converter, where));
                        break;
                }
            }
        }

        // One entry per type and route; where each was first found is enough to name it.
        return found
            .Where(p => !p.Type.IsGenericParameter)
            .GroupBy(p => (p.Type, p.Route))
            .Select(g => g.First())
            .OrderBy(p => p.Type.FullName, StringComparer.Ordinal)
            .ThenBy(p => p.Route);
    }

    /// <summary>T of Task&lt;T&gt; or ValueTask&lt;T&gt;, the type itself for a plain result, null for none.</summary>
    static Type? Result(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return null;
        }

        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return returnType.GetGenericArguments()[0];
        }

        return returnType;
    }

    /// <summary>The method a compiler-made state machine or closure belongs to, as a reader would name it.</summary>
    static string Readable(MethodInfo method)
    {
        var type = method.DeclaringType!;
        while (type.DeclaringType is { } outer && type.Name.Contains('<', StringComparison.Ordinal))
        {
            type = outer;
        }

        return type == method.DeclaringType ? $"{type.Name}.{method.Name}" : $"{type.Name} ({method.DeclaringType!.Name})";
    }

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .GroupBy(o => o.Value)
        .ToDictionary(g => g.Key, g => g.First());

    /// <summary>The methods <paramref name="method"/>'s IL calls, read instruction by instruction.</summary>
    internal static IEnumerable<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? unchecked((short)(0xFE00 | il[at + 1])) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                MethodBase? called = null;
                try
                {
                    called = method.Module.ResolveMethod(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    // A token of another generic context; none of the calls looked for is one.
                }

                if (called is not null)
                {
                    yield return called;
                }
            }

            at += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }
}
