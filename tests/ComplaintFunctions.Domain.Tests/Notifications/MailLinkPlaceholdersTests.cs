using System.Reflection;
using System.Text.RegularExpressions;
using ComplaintFunctions.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace ComplaintFunctions.Domain.Tests.Notifications;

/// <summary>
/// Mails go to people without a function key, so every link a template carries must go to an
/// anonymous route. A new link placeholder fails here until it is given one.
/// </summary>
public partial class MailLinkPlaceholdersTests
{
    static readonly string[] Languages = ["nb", "sv", "da", "fi", "en"];

    /// <summary>Which function answers the link each placeholder is filled with (by <c>CaseWorkActivities</c>).</summary>
    static readonly Dictionary<string, string> FunctionFor = new(StringComparer.Ordinal)
    {
        ["statusUrl"] = "GetComplaintStatus",
        ["caseUrl"] = "ShowViewLink",
        ["caseFileUrl"] = "ShowViewLink",
        ["answerUrl"] = "ShowActionLink",
        ["askUrl"] = "ShowActionLink",
        ["finalUrl"] = "ShowActionLink",
        ["approveUrl"] = "ShowActionLink",
        ["sendBackUrl"] = "ShowActionLink",
        ["acceptUrl"] = "ShowActionLink",
        ["ombudsmanUrl"] = "ShowActionLink",
        ["solvedUrl"] = "ShowActionLink",
        ["helpUrl"] = "ShowActionLink",
        ["acceptDecisionUrl"] = "ShowActionLink",
        ["survey1Url"] = "ShowActionLink",
        ["survey2Url"] = "ShowActionLink",
        ["survey3Url"] = "ShowActionLink",
        ["survey4Url"] = "ShowActionLink",
        ["survey5Url"] = "ShowActionLink",
        ["decideUrl"] = "ShowActionLink",
        ["outcomeUrl"] = "ShowActionLink",
        ["complyUrl"] = "ShowActionLink",
        ["notComplyUrl"] = "ShowActionLink",
        ["repliedUrl"] = "ShowActionLink",
        ["complexUrl"] = "ShowActionLink",
        ["retryUrl"] = "ShowActionLink",
    };

    public static TheoryData<MailKind> Kinds => new(Enum.GetValues<MailKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_link_in_the_template_goes_to_an_anonymous_route(MailKind kind)
    {
        foreach (var language in Languages)
        {
            var template = MailTexts.For(kind, language);
            foreach (Match placeholder in LinkPlaceholder().Matches(string.Join("\n", template.Paragraphs.Prepend(template.Subject))))
            {
                var name = placeholder.Groups["name"].Value;
                Assert.True(FunctionFor.TryGetValue(name, out var function), $"{kind} ({language}) links {{{name}}}, which no test knows the route of.");
                Assert.Equal(AuthorizationLevel.Anonymous, AuthorizationOf(function));
            }
        }
    }

    [Fact]
    public void The_routes_staff_tools_use_need_a_key_and_no_template_reaches_them()
    {
        Assert.Equal(AuthorizationLevel.Function, AuthorizationOf("GetCaseForStaff"));
        Assert.Equal(AuthorizationLevel.Function, AuthorizationOf("GetCaseFile"));
        Assert.DoesNotContain(FunctionFor.Values, f => AuthorizationOf(f) != AuthorizationLevel.Anonymous);
    }

    static AuthorizationLevel AuthorizationOf(string function)
    {
        var method = typeof(ComplaintPipelineServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == function);
        var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;
        return trigger.AuthLevel;
    }

    [GeneratedRegex(@"\{(?<name>\w+Url)\}")]
    private static partial Regex LinkPlaceholder();
}
