using System.Text.RegularExpressions;
using ComplaintFunctions.Actions;
using ComplaintFunctions.Intake;
using ComplaintFunctions.Links;
using ComplaintFunctions.StaffConsole;
using ComplaintFunctions.Texts;
using ComplaintFunctions.Views;

namespace ComplaintFunctions.Tests.Texts;

/// <summary>
/// The page texts' resource files: each language it is served in has its own file with every key of English,
/// no other keys and the same placeholders; the loaders read every key there is; staff texts have no customer languages.
/// </summary>
public sealed partial class PageTextFilesTests
{
    static readonly string[] StaffLanguages = ["nb", "en"];

    public static TheoryData<Type, string[]> Files => new()
    {
        { typeof(ConsoleTexts), StaffLanguages },
        { typeof(ViewPageTexts), StaffLanguages },
        { typeof(ActionPageTexts), [.. TextCatalog.CustomerLanguages] },
        { typeof(FormTexts), [.. TextCatalog.CustomerLanguages] },
        { typeof(StatusTexts), [.. TextCatalog.CustomerLanguages] },
        { typeof(WithdrawalTexts), [.. TextCatalog.CustomerLanguages] },
        // English has no form error texts of its own (the checks' messages are shown), so Norwegian is the reference.
        { typeof(FormErrorTexts), ["nb", "sv", "da", "fi"] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_language_served_has_its_own_file_with_the_same_keys_and_placeholders(Type owner, string[] languages)
    {
        var reference = owner == typeof(FormErrorTexts) ? "nb" : "en";
        var english = TextCatalog.Own(owner, reference);
        Assert.NotEmpty(english);
        foreach (var language in languages.Where(l => l != reference))
        {
            var own = TextCatalog.Own(owner, language);
            Assert.True(own.Count > 0, $"{owner.Name} has no {language} file");
            Assert.Empty(english.Keys.Except(own.Keys).Select(k => $"{language} lacks {k}"));
            Assert.Empty(own.Keys.Except(english.Keys).Select(k => $"{language} has {k}, which English has not"));
            foreach (var (key, text) in english)
            {
                Assert.False(string.IsNullOrWhiteSpace(own[key]), $"{owner.Name}.{language}: {key} is empty");
                Assert.True(Names(text).SetEquals(Names(own[key])), $"{owner.Name}.{language}: {key} names other placeholders than {reference}");
                Assert.True(Indexes(text).SetEquals(Indexes(own[key])), $"{owner.Name}.{language}: {key} has other format indexes than {reference}");
            }
        }

        // Languages the texts are not served in have no file: staff read nb or en only.
        foreach (var language in TextCatalog.CustomerLanguages.Except(languages).Where(l => l != "en"))
        {
            Assert.Empty(TextCatalog.Own(owner, language));
        }
    }

    [Fact]
    public void The_loaders_read_every_key_of_the_files_and_nothing_else()
    {
        foreach (var language in StaffLanguages)
        {
            AssertReads(typeof(ConsoleTexts), language, ConsoleTexts.For(language));
            AssertReads(typeof(ViewPageTexts), language, ViewPageTexts.For(language));
        }

        foreach (var language in TextCatalog.CustomerLanguages)
        {
            AssertReads(typeof(ActionPageTexts), language, ActionPageTexts.For(language));
            AssertReads(typeof(FormTexts), language, FormTexts.For(language));
            AssertReads(typeof(WithdrawalTexts), language, WithdrawalTexts.For(language));
            AssertReads(typeof(StatusTexts), language, TextRecords.Load<StatusPageTexts>(typeof(StatusTexts), language));
        }
    }

    [Fact]
    public void The_form_error_texts_are_by_the_forms_fields_and_an_unknown_language_reads_English()
    {
        Assert.True(TextCatalog.Own(typeof(FormErrorTexts), "nb").Keys.ToHashSet().SetEquals(FormTexts.For("en").Labels.Keys));
        Assert.Equal("Bad e-mail.", FormErrorTexts.For("en", "email", ["Bad e-mail."]));
        Assert.Equal("Bad e-mail.", FormErrorTexts.For("de", "email", ["Bad e-mail."]));
        Assert.Equal(TextCatalog.Own(typeof(FormErrorTexts), "sv")["email"], FormErrorTexts.For("sv", "email", ["Bad e-mail."]));
        Assert.Same(FormTexts.For("en"), FormTexts.For("xx-not-a-language"));
        Assert.Same(ConsoleTexts.For("en"), ConsoleTexts.For("sv"));
    }

    [Fact]
    public void The_consoles_English_step_words_are_the_catalogues()
    {
        var english = ConsoleTexts.For("en");
        foreach (var step in ActionStepCatalogue.All.Where(s => !s.Roles.SequenceEqual([ActionRoles.Customer])))
        {
            Assert.True(english.Steps.TryGetValue(step.Step, out var words), $"{step.Step} is not in the English file");
            Assert.Equal(
                new StepWords(step.Title, step.Explanation, step.Button, step.TextLabel, step.AmountLabel, step.NoteLabel, step.FlagLabel),
                words with { Choices = null });
            Assert.Equal(step.Choices?.ToDictionary(c => c.Value, c => c.Label), words.Choices);
        }

        Assert.All(english.Owners, owner => Assert.Equal(owner.Key, owner.Value));
    }

    static void AssertReads(Type owner, string language, object record)
    {
        var read = TextRecords.Flatten(record);
        var file = TextCatalog.Own(owner, "en").Keys.Union(language == "en" ? [] : TextCatalog.Own(owner, language).Keys).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(file.Except(read.Keys).Select(k => $"{owner.Name}.{language}: {k} is in the file but not read"));
        Assert.Empty(read.Keys.Except(file).Select(k => $"{owner.Name}.{language}: {k} is read but in no file"));
        foreach (var (key, text) in read)
        {
            Assert.Equal(TextCatalog.Get(owner, language, key), text);
        }
    }

    static HashSet<string> Names(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    static HashSet<string> Indexes(string text) => FormatItem().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex Placeholder();

    // A .NET composite format item: {0}, {1,5}, {2:yyyy-MM-dd}.
    [GeneratedRegex(@"\{(\d+)(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex FormatItem();
}
