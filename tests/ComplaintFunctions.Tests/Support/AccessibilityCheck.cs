using System.Text;
using System.Text.Json;
using ComplaintFunctions.LocalHost;
using Microsoft.Playwright;

namespace ComplaintFunctions.Tests.Support;

/// <summary>
/// axe-core (pinned in package.json, installed by scripts/setup) run on the page as the browser shows it,
/// against WCAG 2.1 A and AA; a violation fails the test with what a person fixing it needs to find it.
/// </summary>
public static class AccessibilityCheck
{
    static readonly string[] Levels = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    // WCAG's own rules let a page without landmarks or with skipped heading levels pass; a screen
    // reader's user moves by both, so these of axe's best-practice rules run too.
    static readonly string[] Structure = ["landmark-one-main", "region", "page-has-heading-one", "heading-order"];

    static string Script
    {
        get
        {
            var path = Path.Combine(RepositoryRoot.Find(), "node_modules", "axe-core", "axe.min.js");
            return File.Exists(path) ? path : throw new FileNotFoundException("axe-core is not installed: run scripts/setup (it runs npm ci).", path);
        }
    }

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s) on {page.Url}:\n{Describe(violations)}");
    }

    /// <summary>The violations as axe-core reports them: one element per rule, with the offending nodes.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        // Injected from outside: the pages carry no script of their own, and must not need one for this.
        await page.AddScriptTagAsync(new() { Path = Script });
        var result = await page.EvaluateAsync<JsonElement>(
            """
            ([levels, structure]) => axe.run(document, {
              runOnly: { type: 'tag', values: levels },
              rules: Object.fromEntries(structure.map(id => [id, { enabled: true }])),
            }).then(r => r.violations)
            """,
            new object[] { Levels, Structure });
        return [.. result.EnumerateArray()];
    }

    static string Describe(IEnumerable<JsonElement> violations)
    {
        var text = new StringBuilder();
        foreach (var rule in violations)
        {
            text.Append("- ").Append(rule.GetProperty("id").GetString())
                .Append(" (").Append(Str(rule, "impact") ?? "no impact").Append("): ")
                .Append(rule.GetProperty("help").GetString())
                .Append(" <").Append(rule.GetProperty("helpUrl").GetString()).AppendLine(">");
            foreach (var node in rule.GetProperty("nodes").EnumerateArray())
            {
                var target = string.Join(" ", node.GetProperty("target").EnumerateArray().Select(t => t.ToString()));
                text.Append("    at ").Append(target).Append(": ").AppendLine(node.GetProperty("html").GetString());
                if (Str(node, "failureSummary") is { } why)
                {
                    text.Append("      ").AppendLine(why.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }

    static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
