using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintFunctions.Tests.Support;
using ComplaintFunctions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Extensions.DurableTask;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ComplaintFunctions.Tests.Workflow;

/// <summary>
/// Every type that crosses the Durable boundary survives the Functions worker's own serializer:
/// the services are built as Program.cs builds them, with the Durable extension's start-up, so the
/// converter is the one the app runs with in Azure (WorkerOptions.Serializer behind the extension's
/// shim) and an orchestration's input takes the extension's path for GetInput&lt;T&gt;.
/// Each value has every member set, goes out, comes back, and goes out again as the same JSON.
/// </summary>
public sealed class DurablePayloadRoundTripTests(ITestOutputHelper output)
{
    internal static readonly Lazy<WorkerSerialization> Worker = new(WorkerSerialization.LikeProgram);

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (var payload in DurablePayloads.All)
        {
            data.Add(Key(payload));
        }

        return data;
    }

    static string Key(DurablePayload payload) => $"{payload.Type.FullName} ({payload.Route})";

    [Fact]
    public void The_payloads_are_found_by_reflection()
    {
        var types = DurablePayloads.All.Select(p => p.Type).ToHashSet();
        foreach (var payload in DurablePayloads.All)
        {
            output.WriteLine($"{Key(payload)}: {payload.FoundAt}");
        }

        // Activity inputs and results, orchestration inputs, the event every orchestration waits for.
        Assert.Contains(typeof(CaseMailOrder), types);
        Assert.Contains(typeof(CasePlan), types);
        Assert.Contains(typeof(CaseInput), types);
        Assert.Contains(DurablePayloads.All, p => p.Type == typeof(CaseFlow) && p.Route == PayloadRoute.OrchestrationInput);
        Assert.Contains(DurablePayloads.All, p => p.Type == typeof(OmbudsmanReviewState) && p.Route == PayloadRoute.OrchestrationInput);
        Assert.Contains(DurablePayloads.All, p => p.Type == typeof(ExternalBodyState) && p.Route == PayloadRoute.OrchestrationInput);
        Assert.Contains(typeof(ComplaintFunctions.Workflow.Process.StageResult), types);
    }

    [Fact]
    public void The_converter_is_the_worker_serializer_behind_the_extensions_shim()
    {
        var worker = Worker.Value;
        Assert.Equal("ObjectConverterShim", worker.Converter.GetType().Name);
        Assert.Same(worker.Converter.GetType(), worker.ClientConverter.GetType());
        Assert.IsType<Azure.Core.Serialization.JsonObjectSerializer>(worker.Serializer);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Each_payload_round_trips_through_the_worker_serializer(string key)
    {
        var payload = DurablePayloads.All.Single(p => Key(p) == key);
        var sample = SampleValues.Of(payload.Type);
        Assert.True(!SampleValues.DefaultMembers(sample).Any(), $"The sample {payload.Type.Name} leaves members at their default: {string.Join(", ", SampleValues.DefaultMembers(sample))}");

        var worker = Worker.Value;
        var first = worker.Converter.Serialize(sample) ?? throw new InvalidOperationException("Serialized to nothing.");
        var back = payload.Route == PayloadRoute.OrchestrationInput ? worker.AsOrchestrationInput(first, payload.Type) : worker.Converter.Deserialize(first, payload.Type);
        var second = worker.Converter.Serialize(back);

        output.WriteLine(first);
        Assert.True(first == second, $"{payload.Type.Name} ({payload.FoundAt}) does not round-trip:\n out:  {first}\n back: {second}");
        Assert.True(!SampleValues.DefaultMembers(back).Any(), $"{payload.Type.Name} comes back with members at their default: {string.Join(", ", SampleValues.DefaultMembers(back))}");
    }

    [Fact]
    public void Enums_that_say_they_are_strings_are_written_as_strings()
    {
        var worker = Worker.Value;
        var enums = DurablePayloads.All.SelectMany(p => EnumMembers(p.Type, [])).Distinct().ToList();
        Assert.NotEmpty(enums);
        foreach (var (owner, property) in enums)
        {
            var enumType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var asString = property.GetCustomAttribute<JsonConverterAttribute>() is { } onProperty ? IsStringEnumConverter(onProperty)
                : enumType.GetCustomAttribute<JsonConverterAttribute>() is { } onType && IsStringEnumConverter(onType);
            var json = JsonDocument.Parse(worker.Converter.Serialize(SampleValues.Of(owner))!);
            var written = json.RootElement.EnumerateObject().Single(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)).Value;
            output.WriteLine($"{owner.Name}.{property.Name} ({enumType.Name}): written as {written.ValueKind}");
            Assert.Equal(asString ? JsonValueKind.String : JsonValueKind.Number, written.ValueKind);
        }

        static bool IsStringEnumConverter(JsonConverterAttribute attribute) =>
            attribute.ConverterType is { } converter
            && (converter == typeof(JsonStringEnumConverter) || (converter.IsGenericType && converter.GetGenericTypeDefinition() == typeof(JsonStringEnumConverter<>)));
    }

    /// <summary>Enum-typed properties of <paramref name="type"/> and of the records inside it, with the type that holds each.</summary>
    static IEnumerable<(Type Owner, PropertyInfo Property)> EnumMembers(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!seen.Add(type) || (type.Assembly != DurablePayloads.App && type.Assembly != typeof(ComplaintFunctions.Domain.Complaints.CaseNumber).Assembly))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsEnum)
            {
                yield return (type, property);
            }
            else if (propertyType.IsClass && propertyType != typeof(string))
            {
                foreach (var nested in EnumMembers(propertyType, seen))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The serialization pieces of the app's worker, from the services Program.cs builds.</summary>
    internal sealed record WorkerSerialization(Azure.Core.Serialization.ObjectSerializer Serializer, DataConverter Converter, DataConverter ClientConverter, JsonSerializerOptions InputOptions)
    {
        public static WorkerSerialization LikeProgram()
        {
            var builder = FunctionsApplication.CreateBuilder([]);
            builder.ConfigureFunctionsWebApplication();
            builder.UseComplaintPipeline(builder.Configuration);

            // In the app the Functions SDK's generated start-up runs this; a test host has no such code.
            new DurableTaskExtensionStartup().Configure(builder);
            var services = builder.Services.BuildServiceProvider();
            return new WorkerSerialization(
                services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer ?? throw new InvalidOperationException("The worker has no serializer."),
                services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter,
                services.GetRequiredService<IOptions<DurableTaskClientOptions>>().Value.DataConverter,
                services.GetRequiredService<IOptions<JsonSerializerOptions>>().Value);
        }

        /// <summary>
        /// What the extension does for GetInput&lt;T&gt;: the orchestrator is bound with an object input, so the
        /// converter reads it as a JsonElement, and T is read from that with the worker's JsonSerializerOptions.
        /// </summary>
        public object? AsOrchestrationInput(string json, Type type)
        {
            var element = Converter.Deserialize<object>(json);
            return element is JsonElement raw ? raw.Deserialize(type, InputOptions) : element;
        }
    }
}
