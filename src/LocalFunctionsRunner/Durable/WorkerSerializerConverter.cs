using Azure.Core.Serialization;
using Microsoft.DurableTask;

namespace LocalFunctionsRunner.Durable;

/// <summary>
/// Durable payloads (inputs, outputs, events, custom status) in the worker's own serializer,
/// <c>WorkerOptions.Serializer</c>, as the Durable extension does under the Functions host: by
/// default System.Text.Json with case-insensitive names, or whatever the app configured.
/// </summary>
sealed class WorkerSerializerConverter(ObjectSerializer serializer) : DataConverter
{
    public override string? Serialize(object? value) =>
        value is null ? null : serializer.Serialize(value, value.GetType(), CancellationToken.None).ToString();

    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        return data is null ? null : serializer.Deserialize(BinaryData.FromString(data).ToStream(), targetType, CancellationToken.None);
    }
}
