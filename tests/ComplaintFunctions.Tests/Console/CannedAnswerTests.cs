using ComplaintFunctions.Actions;
using ComplaintFunctions.LocalHost;
using ComplaintFunctions.StaffConsole;

namespace ComplaintFunctions.Tests.Console;

/// <summary>The prepared answers staff can edit: every one in every customer language, for forms that exist, with nothing a mail adds itself.</summary>
public class CannedAnswerTests
{
    static readonly CannedAnswers Answers = CannedAnswers.Load(Path.Combine(RepositoryRoot.Find(), "src", "ComplaintFunctions", CannedAnswers.RelativePath));

    [Fact]
    public void There_are_prepared_answers_for_each_answer_form()
    {
        foreach (var step in new[] { "agent-answer", "agent-ask", "agent-final" })
        {
            Assert.NotEmpty(Answers.For(step));
        }
    }

    [Fact]
    public void Every_prepared_answer_has_every_customer_language_and_a_title_in_both_staff_languages()
    {
        foreach (var answer in Answers.All)
        {
            foreach (var language in CannedAnswers.CustomerLanguages)
            {
                Assert.False(string.IsNullOrWhiteSpace(answer.Text.GetValueOrDefault(language)), $"'{answer.Id}' has no {language} text.");
            }

            Assert.False(string.IsNullOrWhiteSpace(answer.Title.GetValueOrDefault("nb")), $"'{answer.Id}' has no nb title.");
            Assert.False(string.IsNullOrWhiteSpace(answer.Title.GetValueOrDefault("en")), $"'{answer.Id}' has no en title.");
            Assert.All(answer.Steps, step => Assert.NotNull(ActionStepCatalogue.Find(step).Step));
        }

        Assert.Equal(Answers.All.Count, Answers.All.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_prepared_answer_carries_no_greeting_signature_or_placeholder_because_the_mail_adds_them()
    {
        foreach (var answer in Answers.All)
        {
            foreach (var (language, text) in answer.Text)
            {
                Assert.DoesNotMatch(@"^(Hei|Hej|Hello|Hi|Dear)\b", text);
                Assert.DoesNotContain("{", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Kundeservice", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Customer service", text, StringComparison.Ordinal);
                Assert.True(text.Length < 1000, $"'{answer.Id}' ({language}) is long for a starting point.");
            }
        }
    }
}
