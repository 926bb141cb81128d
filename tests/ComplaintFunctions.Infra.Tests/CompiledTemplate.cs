using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace ComplaintFunctions.Infra.Tests;

/// <summary>A resource in the compiled ARM JSON, with the (module) template that declares it.</summary>
sealed record TemplateResource(string Module, JsonObject Template, JsonObject Resource)
{
    public string Type => (string)Resource["type"]!;
    public JsonObject Properties => Resource["properties"]?.AsObject() ?? [];
}

/// <summary>
/// infra/main.bicep compiled by the Bicep CLI, once per test run. Local modules become nested deployments
/// with their template inline; this walks them so a test can ask for a resource type wherever it is declared.
/// </summary>
sealed partial class CompiledTemplate
{
    static readonly Lazy<CompiledTemplate> Main = new(() => Compile("main.bicep"));

    CompiledTemplate(string json)
    {
        Text = json;
        Root = JsonNode.Parse(json)!.AsObject();
        Resources = Walk(string.Empty, Root).ToList();
    }

    public static CompiledTemplate MainTemplate => Main.Value;

    /// <summary>The compiled JSON as text.</summary>
    public string Text { get; }

    public JsonObject Root { get; }

    public IReadOnlyList<TemplateResource> Resources { get; }

    public static CompiledTemplate Compile(string relativePath)
    {
        var result = BicepCli.Run("build", Repository.InfraFile(relativePath), "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {relativePath} failed:\n{result.StandardError}");
        }

        return new CompiledTemplate(result.StandardOutput);
    }

    public IReadOnlyList<TemplateResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public TemplateResource Single(string type)
    {
        var found = OfType(type);
        Assert.True(found.Count == 1, $"Expected one {type} in the templates, found {found.Count}.");
        return found[0];
    }

    /// <summary>The function app's app settings, as written in the template (values may be ARM expressions).</summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        var config = OfType("Microsoft.Web/sites/config")
            .Single(r => ((string)r.Resource["name"]!).Contains("'appsettings'", StringComparison.Ordinal));
        return config.Properties.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
    }

    /// <summary>The module deployment of that name in main (a nested Microsoft.Resources/deployments).</summary>
    public JsonObject Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(r => r.Module.Length == 0 && (string)r.Resource["name"]! == name).Resource;

    /// <summary>
    /// Follows a value that is only a parameter reference, "[parameters('x')]", out of its module to what main
    /// passes in, and from main's own parameters to their default: what the deployment gets when nobody overrides it.
    /// </summary>
    public JsonNode? Resolve(string module, JsonNode? value)
    {
        while (value is JsonValue v && v.TryGetValue<string>(out var text) && ParameterReference().Match(text) is { Success: true } match)
        {
            var name = match.Groups[1].Value;
            if (module.Length > 0)
            {
                value = Module(module)["properties"]!["parameters"]![name]?["value"]?.DeepClone();
                module = string.Empty;
            }
            else
            {
                value = Root["parameters"]![name]?["defaultValue"]?.DeepClone();
            }
        }

        return value;
    }

    static IEnumerable<TemplateResource> Walk(string module, JsonObject template)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(node => node!.AsObject()),
            JsonObject byName => byName.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };

        foreach (var resource in resources)
        {
            var found = new TemplateResource(module, template, resource);
            yield return found;
            if (found.Type == "Microsoft.Resources/deployments" && found.Properties["template"] is JsonObject inner)
            {
                foreach (var nested in Walk((string)resource["name"]!, inner))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterReference();
}
