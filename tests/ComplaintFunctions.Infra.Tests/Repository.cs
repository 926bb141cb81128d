using System.Reflection;

namespace ComplaintFunctions.Infra.Tests;

/// <summary>Where the repository and its infra/ folder are; the build writes the root into the assembly.</summary>
static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Infra { get; } = Path.Combine(Root, "infra");

    public static string InfraFile(string relativePath) => Path.Combine(Infra, relativePath);

    /// <summary>Every Bicep file under infra/, as paths relative to infra/ with forward slashes.</summary>
    public static IReadOnlyList<string> BicepFiles { get; } =
        Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Infra, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    internal static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata: build it with its project file.");
}
