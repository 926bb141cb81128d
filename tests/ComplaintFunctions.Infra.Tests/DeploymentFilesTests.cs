using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace ComplaintFunctions.Infra.Tests;

/// <summary>The files around the templates: azd's, the parameters file and the deployment guide agree with them.</summary>
public sealed partial class DeploymentFilesTests
{
    static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;

    [Fact]
    public void Templates_use_only_local_modules()
    {
        foreach (var file in Repository.BicepFiles)
        {
            var source = File.ReadAllText(Repository.InfraFile(file));
            foreach (Match module in ModuleReference().Matches(source))
            {
                var target = module.Groups["path"].Value;
                Assert.False(RegistryPrefix().IsMatch(target), $"{file} uses the registry module '{target}'.");
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repository.InfraFile(file))!, target));
                Assert.True(File.Exists(resolved), $"{file} uses the module '{target}', which is not in the repository.");
            }
        }

        Assert.DoesNotContain("templateLink", Template.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_file_sets_only_declared_parameters_and_every_required_one()
    {
        var declared = Template.Root["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Repository.InfraFile("main.parameters.json")))!["parameters"]!.AsObject();

        foreach (var (name, _) in file)
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare.");
        }

        foreach (var (name, parameter) in declared)
        {
            if (parameter!["defaultValue"] is null)
            {
                Assert.True(file.ContainsKey(name), $"main.bicep requires '{name}', but main.parameters.json does not set it.");
            }
        }
    }

    [Fact]
    public void Azd_deploys_the_functions_project_as_a_function_app()
    {
        var yaml = File.ReadAllText(Path.Combine(Repository.Root, "azure.yaml"));
        var service = ServiceBlock().Match(yaml);

        Assert.True(service.Success, "azure.yaml has no 'api' service.");
        var body = service.Groups["body"].Value;
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", body);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", body);
        var project = Regex.Match(body, @"(?m)^\s+project:\s*(?<path>\S+)\s*$").Groups["path"].Value;
        Assert.Equal("./src/ComplaintFunctions", project);
        Assert.True(File.Exists(Path.Combine(Repository.Root, project, "ComplaintFunctions.csproj")), "The project azd deploys is not there.");
    }

    [Fact]
    public void Deploy_guide_explains_every_app_setting_the_templates_set()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        foreach (var setting in Template.AppSettings().Keys)
        {
            Assert.True(guide.Contains($"`{setting}`", StringComparison.Ordinal), $"The README's Deploy section does not explain {setting}.");
        }
    }

    [GeneratedRegex(@"(?m)^\s*module\s+\w+\s+'(?<path>[^']+)'")]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"^(br|ts)[:/]")]
    private static partial Regex RegistryPrefix();

    [GeneratedRegex(@"(?ms)^  api:\s*$(?<body>(\n    .*)+)")]
    private static partial Regex ServiceBlock();
}
