using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ComplaintFunctions.Infra.Tests;

/// <summary>Every template compiles and lints clean with the core rules as errors, with the CLI CI has.</summary>
public sealed class TemplateCompilationTests : IDisposable
{
    // Rules that stay off, each for a reason written beside it in infra/bicepconfig.json.
    static readonly string[] RulesLeftOff = ["use-recent-api-versions", "use-recent-module-versions"];

    readonly string scratch = Directory.CreateTempSubdirectory("infra-tests-").FullName;

    public static TheoryData<string> BicepFiles() => [.. Repository.BicepFiles];

    [Fact]
    public void Infra_holds_main_and_its_modules() =>
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "main.bicep", "modules/functionapp.bicep", "modules/storage.bicep",
                "modules/keyvault.bicep", "modules/monitoring.bicep", "modules/identity.bicep",
            },
            Repository.BicepFiles.ToHashSet(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Template_compiles_to_ARM_JSON(string file)
    {
        var result = BicepCli.Run("build", Repository.InfraFile(file), "--outdir", scratch);

        Assert.True(result.ExitCode == 0, $"bicep build {file} failed:\n{result.AllOutput}");
        var compiled = Path.Combine(scratch, Path.ChangeExtension(Path.GetFileName(file), ".json"));
        var template = JsonNode.Parse(File.ReadAllText(compiled))!.AsObject();
        Assert.NotNull(template["resources"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Template_lints_clean_with_core_rules_as_errors(string file)
    {
        var result = BicepCli.Run("lint", Repository.InfraFile(file));

        Assert.Empty(result.Diagnostics("Error"));
        Assert.Empty(result.Diagnostics("Warning"));
        Assert.True(result.ExitCode == 0, $"bicep lint {file} exited {result.ExitCode}:\n{result.AllOutput}");
    }

    [Fact]
    public void Linter_rejects_a_template_that_breaks_a_core_rule()
    {
        // The same config next to a template with an unused parameter: lint must fail, not warn.
        File.Copy(Repository.InfraFile("bicepconfig.json"), Path.Combine(scratch, "bicepconfig.json"));
        var template = Path.Combine(scratch, "broken.bicep");
        File.WriteAllText(template, "param unused string\n\noutput answer int = 42\n");

        var result = BicepCli.Run("lint", template);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics("Error"), line => line.Contains("no-unused-params", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_config_raises_every_core_rule_it_names_to_error()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var config = JsonNode.Parse(File.ReadAllText(Repository.InfraFile("bicepconfig.json")), documentOptions: options)!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.True(rules.Count >= 30, $"Only {rules.Count} rules are configured.");
        foreach (var (name, rule) in rules)
        {
            var expected = RulesLeftOff.Contains(name) ? "off" : "error";
            Assert.True(expected == (string?)rule!["level"], $"Rule {name} is '{rule["level"]}', expected '{expected}'.");
        }

        foreach (var rule in new[] { "no-unused-params", "no-hardcoded-env-urls", "secure-parameter-default", "outputs-should-not-contain-secrets", "use-secure-value-for-secure-inputs" })
        {
            Assert.True(rules.ContainsKey(rule), $"{rule} is not configured.");
        }
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);
}
