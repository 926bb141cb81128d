using System.Text.Json;
using ComplaintFunctions.LocalHost.Storage;
using Microsoft.Extensions.Configuration;

namespace ComplaintFunctions.Tests.Settings;

/// <summary>A file in the local.settings.json format at the repository root, read as the host reads its Values (<c>__</c> for <c>:</c>).</summary>
static class LocalSettingsFile
{
    public static Dictionary<string, string?> Values(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), fileName)));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
    }

    public static IConfiguration Configuration(string fileName) =>
        new ConfigurationBuilder().AddInMemoryCollection(Values(fileName)).Build();
}
