using ComplaintFunctions.LocalHost;
using Microsoft.Extensions.Configuration;

namespace ComplaintFunctions.Tests.Settings;

/// <summary>A file in the local.settings.json format at the repository root, read as the runner (and func start) reads its Values.</summary>
static class LocalSettingsFile
{
    public static Dictionary<string, string?> Values(string fileName) =>
        new(LocalFunctionsRunner.LocalSettingsFile.Read(Path.Combine(RepositoryRoot.Find(), fileName)));

    public static IConfiguration Configuration(string fileName) =>
        new ConfigurationBuilder().AddInMemoryCollection(Values(fileName)).Build();
}
