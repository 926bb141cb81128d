using System.Text.RegularExpressions;
using ComplaintFunctions.Actions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Intake;
using ComplaintFunctions.Notifications;

namespace ComplaintFunctions.Domain.Tests.Notifications;

/// <summary>
/// Every text people read is there in every language its readers are served in, and every placeholder in it
/// is one the app fills: a translation that names a placeholder differently (or drops one) would leave a gap
/// in a mail or page that no other test reads.
/// </summary>
public partial class TextCompletenessTests
{
    static readonly string[] CustomerLanguages = ["nb", "sv", "da", "fi", "en"];

    /// <summary>What the mail composer fills: the case's values, its links and view links, its times, and what the process adds.</summary>
    static readonly HashSet<string> FilledByTheComposer = new(StringComparer.Ordinal)
    {
        "case", "greeting", "statusUrl", "phone", "email", "customer", "category", "channel", "country", "product", "deliveryDate", "description", "amount",
        "answer", "reply", "reason", "recommendation", "step", "refusal", "actor", "stage", "error", "otherCase", "body", "bodyAbout", "decision", "reasons",
        "odrNotice", "bodies", "doaDays", "checks", "manufacturer", "contact",
        "dueAt", "deadline", "replyDueAt",
        "answerUrl", "askUrl", "finalUrl", "approveUrl", "sendBackUrl", "acceptUrl", "ombudsmanUrl", "solvedUrl", "helpUrl", "acceptDecisionUrl",
        "survey1Url", "survey2Url", "survey3Url", "survey4Url", "survey5Url", "decideUrl", "outcomeUrl", "complyUrl", "notComplyUrl", "repliedUrl", "complexUrl", "retryUrl", "caseUrl", "caseFileUrl",
    };

    public static TheoryData<MailKind> Kinds => new(Enum.GetValues<MailKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_mail_names_the_same_placeholders_in_every_language_and_each_is_one_the_app_fills(MailKind kind)
    {
        var english = Placeholders(MailTexts.For(kind, "en"));
        Assert.Empty(english.Except(FilledByTheComposer));
        string[] languages = MailKinds.ToStaff(kind) ? ["nb"] : CustomerLanguages;
        foreach (var language in languages)
        {
            var template = MailTexts.For(kind, language);
            var theirs = Placeholders(template);
            Assert.True(english.SetEquals(theirs), $"{kind} in {language} names {{{string.Join("}, {", theirs.Order())}}}; in English {{{string.Join("}, {", english.Order())}}}.");
            Assert.Contains("{case}", template.Subject + string.Join(string.Empty, template.Paragraphs), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_mail_filled_with_every_value_leaves_no_placeholder_and_a_link_is_a_paragraph_of_its_own(MailKind kind)
    {
        foreach (var language in CustomerLanguages)
        {
            var template = MailTexts.For(kind, language);
            var all = Placeholders(template).ToDictionary(p => p, p => (string?)$"<{p}>", StringComparer.Ordinal);
            var (subject, body) = template.Fill(all);
            Assert.DoesNotMatch(PlaceholderPattern(), subject + body.Text);

            // A paragraph with a link holds links only: a recipient not given the link (the ombudsman's copy of a
            // filing notice) then gets no paragraph at all, never a "record it here:" with nothing after it.
            foreach (var paragraph in template.Paragraphs)
            {
                // The status link is in every customer mail that has it, so it may stand in a sentence.
                var names = Placeholders(paragraph).Where(n => n != "statusUrl").ToHashSet();
                Assert.False(names.Any(n => n.EndsWith("Url", StringComparison.Ordinal)) && names.Any(n => !n.EndsWith("Url", StringComparison.Ordinal)),
                    $"{kind} in {language}: \"{paragraph}\" mixes a link with other values, so without the link its words are left hanging.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_web_form_has_every_label_and_every_category_in_each_language(string language)
    {
        var english = FormTexts.For("en");
        var texts = FormTexts.For(language);
        Assert.True(english.Labels.Keys.ToHashSet().SetEquals(texts.Labels.Keys), $"{language} labels differ from English");
        Assert.All(texts.Labels.Values, v => Assert.False(string.IsNullOrWhiteSpace(v)));
        foreach (var category in ComplaintCategoryNames.All)
        {
            Assert.True(texts.Categories.TryGetValue(category, out var words) && !string.IsNullOrWhiteSpace(words), $"{language} does not explain {category}");
        }

        AllStringsFilled(texts, language);
        Assert.Contains("x@example.no", texts.ReceiptMailSent("x@example.no"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_pages_behind_the_customers_links_have_every_step_and_the_status_page_every_stage_in_each_language(string language)
    {
        var english = ActionPageTexts.For("en");
        var texts = ActionPageTexts.For(language);
        Assert.True(english.Steps.Keys.ToHashSet().SetEquals(texts.Steps.Keys), $"{language} steps differ from English");
        foreach (var (step, words) in texts.Steps)
        {
            Assert.False(string.IsNullOrWhiteSpace(words.Title) || string.IsNullOrWhiteSpace(words.Explanation) || string.IsNullOrWhiteSpace(words.Button), $"{language} lacks words for {step}");
        }

        AllStringsFilled(texts, language);
        AllStringsFilled(texts.Refusals, language);
        if (language != "en")
        {
            Assert.NotEqual(ActionPageTexts.For("en").Refusals.MovedOn, texts.Refusals.MovedOn);
        }

        foreach (var stage in CaseStageNames.All)
        {
            var status = StatusTexts.For(language, stage);
            Assert.All(new[] { status.Title, status.Reported, status.LastChange, status.Stage, status.Next }, s => Assert.False(string.IsNullOrWhiteSpace(s), $"{language} status page lacks words at {stage}"));
            if (language != "en")
            {
                Assert.NotEqual(StatusTexts.For("en", stage).Next, status.Next);
            }
        }

        Assert.False(string.IsNullOrWhiteSpace(StatusTexts.Erased(language).Message), $"{language} lacks the erased case's status page");
        if (language != "en")
        {
            Assert.NotEqual(StatusTexts.Erased("en").Message, StatusTexts.Erased(language).Message);
        }

        var withdrawal = WithdrawalTexts.For(language);
        AllStringsFilled(withdrawal, language);
        Assert.True(Placeholders(WithdrawalTexts.For("en").Explanation).SetEquals(Placeholders(withdrawal.Explanation)), $"{language} withdrawal page names other placeholders than English");
    }

    public static TheoryData<string> Languages => new(CustomerLanguages);

    static void AllStringsFilled(object texts, string language)
    {
        foreach (var property in texts.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(texts)), $"{language} has no {texts.GetType().Name}.{property.Name}");
        }
    }

    static HashSet<string> Placeholders(MailTemplate template) => Placeholders(string.Join("\n", template.Paragraphs.Prepend(template.Subject)));

    static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();
}
