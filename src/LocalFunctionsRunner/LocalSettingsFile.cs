using System.Text.Json;

namespace LocalFunctionsRunner;

/// <summary>
/// <c>local.settings.json</c> as <c>func start</c> reads it: its <c>Values</c> become the app's
/// settings (<c>Section__Key</c> is <c>Section:Key</c>), and environment variables that are already
/// set win over them. <c>ConnectionStrings</c> become <c>ConnectionStrings:*</c>. Other members
/// (such as a file's own notes) are ignored, as by func.
/// </summary>
public static class LocalSettingsFile
{
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"{path} must hold a JSON object with \"Values\".");
            }

            if (document.RootElement.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
            {
                throw new InvalidOperationException($"{path} is encrypted (func settings encrypt); decrypt it with 'func settings decrypt' first.");
            }

            Add(document.RootElement, "Values", string.Empty);
            Add(document.RootElement, "ConnectionStrings", "ConnectionStrings:");
            return settings;

            void Add(JsonElement root, string member, string prefix)
            {
                if (!root.TryGetProperty(member, out var values) || values.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                foreach (var value in values.EnumerateObject())
                {
                    settings[prefix + value.Name.Replace("__", ":", StringComparison.Ordinal)] = value.Value.ValueKind switch
                    {
                        JsonValueKind.String => value.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => value.Value.GetRawText(),
                    };
                }
            }
        }
    }
}
