using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplaintFunctions.Infra.Tests;

/// <summary>
/// Just enough reading of ARM expressions for the checks here: which values a copy loop draws from the
/// template's variables, so a test can name the roles, tables or secrets a loop declares.
/// </summary>
static partial class TemplateExpressions
{
    /// <summary>
    /// The strings behind every <c>variables('x')</c> in <paramref name="expression"/>: an array's items, an
    /// object's keys (when the expression takes <c>.key</c>) or values, or the string itself.
    /// </summary>
    public static IReadOnlySet<string> VariableValues(TemplateResource resource, string expression)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var variables = resource.Template["variables"]?.AsObject() ?? [];
        foreach (Match match in VariableReference().Matches(expression))
        {
            var takesKeys = expression.Contains(".key", StringComparison.Ordinal);
            switch (variables[match.Groups[1].Value])
            {
                case JsonArray array:
                    values.UnionWith(array.Select(item => item!.ToString()));
                    break;
                case JsonObject map:
                    values.UnionWith(takesKeys ? map.Select(pair => pair.Key) : map.Select(pair => pair.Value!.ToString()));
                    break;
                case JsonValue single:
                    values.Add(single.ToString());
                    break;
            }
        }

        return values;
    }

    /// <summary>Role definition ids (GUIDs) granted by a role assignment or a loop of them.</summary>
    public static IReadOnlySet<string> RoleIds(TemplateResource assignment)
    {
        var expression = (string)assignment.Properties["roleDefinitionId"]!;
        var ids = VariableValues(assignment, expression).Where(value => Guid.TryParse(value, out _)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        ids.UnionWith(GuidLiteral().Matches(expression).Select(m => m.Value));
        return ids;
    }

    /// <summary>Names a resource (or a loop of them) declares: the variable values its name draws from, or its name as written.</summary>
    public static IReadOnlySet<string> Names(TemplateResource resource)
    {
        var name = (string)resource.Resource["name"]!;
        var fromVariables = VariableValues(resource, name);
        return fromVariables.Count > 0 ? fromVariables : new HashSet<string>(StringComparer.Ordinal) { name };
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidLiteral();
}
