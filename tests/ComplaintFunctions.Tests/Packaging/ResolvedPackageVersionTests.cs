using System.Reflection;
using System.Text.Json;

namespace ComplaintFunctions.Tests.Packaging;

/// <summary>
/// The app, the local runner, the benchmark and every test project run on the same Durable Task SDK,
/// and it is the one the Functions worker extension asks for, so what the tests exercise is what
/// deploys. Read from what restore resolved (each project's obj/project.assets.json).
/// </summary>
public sealed class ResolvedPackageVersionTests
{
    const string WorkerExtension = "Microsoft.Azure.Functions.Worker.Extensions.DurableTask";

    static readonly string Root =
        typeof(ResolvedPackageVersionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "RepositoryRoot")?.Value
        ?? throw new InvalidOperationException("The test assembly has no RepositoryRoot metadata: build it with its project file.");

    /// <summary>Every project of the repository (src/, tests/, bench/), by its path relative to the root.</summary>
    static List<string> Projects() =>
        new[] { "src", "tests", "bench" }
            .Select(folder => Path.Combine(Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Contains("obj"))
            .Select(path => Path.GetRelativePath(Root, path))
            .Order(StringComparer.Ordinal)
            .ToList();

    static JsonDocument Assets(string project)
    {
        var path = Path.Combine(Root, Path.GetDirectoryName(project)!, "obj", "project.assets.json");
        Assert.True(File.Exists(path), $"{project} has not been restored: no {path}.");
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    /// <summary>The packages a project resolved, name to version.</summary>
    static Dictionary<string, string> Packages(JsonDocument assets) =>
        assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .Select(library => library.Name.Split('/'))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.OrdinalIgnoreCase);

    static bool IsDurableTask(string package) =>
        package.StartsWith("Microsoft.DurableTask.", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("Microsoft.Azure.DurableTask.", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Every_project_resolves_one_version_of_each_Durable_Task_package()
    {
        var projects = Projects();
        Assert.Contains(Path.Combine("src", "ComplaintFunctions", "ComplaintFunctions.csproj"), projects);
        Assert.Contains(Path.Combine("src", "ComplaintFunctions.LocalHost", "ComplaintFunctions.LocalHost.csproj"), projects);
        Assert.Contains(Path.Combine("tests", "ComplaintFunctions.Tests", "ComplaintFunctions.Tests.csproj"), projects);

        var seen = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in projects)
        {
            using var assets = Assets(project);
            foreach (var (package, version) in Packages(assets).Where(p => IsDurableTask(p.Key)))
            {
                var versions = seen.TryGetValue(package, out var v) ? v : seen[package] = [];
                (versions.TryGetValue(version, out var users) ? users : versions[version] = []).Add(project);
            }
        }

        Assert.NotEmpty(seen);
        var drifted = seen.Where(p => p.Value.Count > 1)
            .Select(p => $"{p.Key}: " + string.Join("; ", p.Value.Select(v => $"{v.Key} in {string.Join(", ", v.Value)}")))
            .ToList();
        Assert.True(drifted.Count == 0, "Durable Task packages resolved at more than one version:\n" + string.Join("\n", drifted));
    }

    [Fact]
    public void The_Durable_Task_SDK_is_the_version_the_worker_extension_asks_for()
    {
        using var assets = Assets(Path.Combine("src", "ComplaintFunctions", "ComplaintFunctions.csproj"));
        var packages = Packages(assets);
        var extension = $"{WorkerExtension}/{packages[WorkerExtension]}";
        var asked = assets.RootElement.GetProperty("targets").EnumerateObject().Single().Value
            .GetProperty(extension).GetProperty("dependencies").EnumerateObject()
            .Where(d => d.Name.StartsWith("Microsoft.DurableTask.", StringComparison.Ordinal)
                && !d.Name.EndsWith(".Analyzers", StringComparison.Ordinal))
            .ToDictionary(d => d.Name, d => d.Value.GetString()!);

        Assert.NotEmpty(asked);
        foreach (var (package, version) in asked)
        {
            // A bare version in a nuspec means "at least"; pinned, it must be exactly that one.
            Assert.True(packages.TryGetValue(package, out var resolved), $"{package} is not resolved by the app.");
            Assert.True(version.Trim('[', ']') == resolved, $"{extension} asks for {package} {version}; the app resolved {resolved}.");
        }

        // The SDK's packages move together, the ones the extension names and the ones they bring.
        var sdk = packages.Where(p => p.Key.StartsWith("Microsoft.DurableTask.", StringComparison.OrdinalIgnoreCase)
                && !p.Key.EndsWith(".Analyzers", StringComparison.OrdinalIgnoreCase)
                && !p.Key.EndsWith(".InProcessTestHost", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(sdk.Select(p => p.Value).Distinct().Count() == 1,
            "The Durable Task SDK's packages are at different versions: " + string.Join(", ", sdk.Select(p => $"{p.Key} {p.Value}")));
    }
}
