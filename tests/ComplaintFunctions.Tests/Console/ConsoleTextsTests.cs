using System.Text.RegularExpressions;
using ComplaintFunctions.Actions;
using ComplaintFunctions.Links;
using ComplaintFunctions.StaffConsole;

namespace ComplaintFunctions.Tests.Console;

/// <summary>The console's words are there in both staff languages, with the same placeholders, and every staff step has its own words in each.</summary>
public partial class ConsoleTextsTests
{
    [Fact]
    public void Every_text_of_the_console_is_there_in_nb_and_en_with_the_same_placeholders()
    {
        var english = ConsoleTexts.For("en");
        var norwegian = ConsoleTexts.For("nb");
        foreach (var property in typeof(ConsoleTexts).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            var en = (string?)property.GetValue(english);
            var nb = (string?)property.GetValue(norwegian);
            Assert.False(string.IsNullOrWhiteSpace(en) || string.IsNullOrWhiteSpace(nb), $"{property.Name} is missing in a staff language");
            Assert.True(Placeholders(en!).SetEquals(Placeholders(nb!)), $"{property.Name}: nb names other placeholders than en");
        }

        foreach (var property in typeof(ConsoleTexts).GetProperties().Where(p => p.PropertyType == typeof(string[])))
        {
            Assert.Equal(((string[])property.GetValue(english)!).Length, ((string[])property.GetValue(norwegian)!).Length);
        }
    }

    [Fact]
    public void Every_step_staff_take_has_its_own_words_in_nb_and_every_role_and_owner_a_name()
    {
        var norwegian = ConsoleTexts.For("nb");
        foreach (var step in ActionStepCatalogue.All.Where(s => !s.Roles.SequenceEqual([ActionRoles.Customer])))
        {
            Assert.True(norwegian.Steps.TryGetValue(step.Step, out var words), $"{step.Step} has no nb words");
            Assert.NotEqual(step.Title, words.Title);
            Assert.Equal(step.TextLabel is null, words.TextLabel is null);
            Assert.Equal(step.AmountLabel is null, words.AmountLabel is null);
            Assert.Equal(step.Choices?.Select(c => c.Value).Order(), words.Choices?.Keys.Order());
        }

        foreach (var role in StaffRoles.All)
        {
            Assert.NotEqual(role, norwegian.RoleName(role));
        }

        foreach (var owner in new[] { "customer-service team", ComplaintFunctions.Workflow.Process.CaseProcess.ApprovalOwner, ComplaintFunctions.Workflow.Process.CaseProcess.StageFailedOwner, "customer", "customer ombudsman", "nobody (closed)" })
        {
            Assert.NotEqual(owner, norwegian.Owner(owner));
        }
    }

    static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();
}
