using System.Text.RegularExpressions;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Reports;
using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Tests.Texts;

/// <summary>
/// Each resource file, read language by language without English behind it: a text is in every language its
/// readers are served in, no language has a text English lacks (a key spelt otherwise would never be read), and
/// every translation names the placeholders English names (one named otherwise leaves a gap no other test sees).
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    /// <summary>
    /// The mails to the ombudsman, the dispute contact and management have English words only so far: staff in nb
    /// read them in English. Listed, so a translation (or half of one) shows here and the list shrinks.
    /// </summary>
    static readonly HashSet<MailKind> EnglishOnlySoFar =
    [
        MailKind.OmbudsmanCaseFile, MailKind.OmbudsmanReminder, MailKind.OmbudsmanEscalation, MailKind.BodyFilingNotice,
        MailKind.BodyReminder, MailKind.ComplianceRequest, MailKind.ComplianceEscalation,
    ];

    /// <summary>Each text class with its file, and the languages a key of it is served in.</summary>
    static readonly Dictionary<string, (Type Owner, Func<string, IReadOnlyList<string>> ServedIn)> Files = new(StringComparer.Ordinal)
    {
        ["MailTexts"] = (typeof(MailTexts), MailServedIn),
        ["ReportTexts"] = (typeof(ReportTexts), _ => TextCatalog.StaffLanguages),
    };

    public static TheoryData<string, string> FilesAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var file in Files.Keys)
            {
                foreach (var language in TextCatalog.CustomerLanguages.Where(l => l != "en"))
                {
                    data.Add(file, language);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FilesAndLanguages))]
    public void A_language_has_every_text_it_is_served_in_and_no_other(string file, string language)
    {
        var (owner, servedIn) = Files[file];
        var english = TextCatalog.Own(owner, "en");
        var own = TextCatalog.Own(owner, language);
        Assert.NotEmpty(english);

        var missing = english.Keys.Where(key => servedIn(key).Contains(language) && !own.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{file}.{language}.resx lacks {string.Join(", ", missing)}.");
        var unknown = own.Keys.Where(key => !english.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, $"{file}.{language}.resx has keys English lacks: {string.Join(", ", unknown)}.");
        var notServed = own.Keys.Where(key => !servedIn(key).Contains(language)).Order(StringComparer.Ordinal).ToList();
        Assert.True(notServed.Count == 0, $"{file}.{language}.resx has texts no reader in {language} is served: {string.Join(", ", notServed)}.");
    }

    [Theory]
    [MemberData(nameof(FilesAndLanguages))]
    public void A_translation_names_the_placeholders_English_names(string file, string language)
    {
        var owner = Files[file].Owner;
        var english = TextCatalog.Own(owner, "en");
        foreach (var (key, text) in TextCatalog.Own(owner, language))
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{file}.{language}.resx: {key} is empty.");
            var theirs = Placeholders(text);
            var ours = Placeholders(english.GetValueOrDefault(key) ?? string.Empty);
            Assert.True(ours.SetEquals(theirs), $"{file}.{language}.resx: {key} names {{{string.Join("}, {", theirs.Order())}}}; English {{{string.Join("}, {", ours.Order())}}}.");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_mail_in_a_file_has_a_subject_and_its_paragraphs_numbered_from_one_without_a_gap(string language)
    {
        var own = TextCatalog.Own(typeof(MailTexts), language);
        foreach (var kind in Enum.GetValues<MailKind>())
        {
            var name = kind.ToString();
            var numbers = own.Keys.Where(key => key.StartsWith(name + ".P", StringComparison.Ordinal)).Select(key => int.Parse(key[(name.Length + 2)..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            if (language == "en" || numbers.Count > 0 || own.ContainsKey($"{name}.Subject"))
            {
                Assert.True(own.ContainsKey($"{name}.Subject"), $"MailTexts {language}: {kind} has paragraphs but no subject.");
                Assert.True(numbers.Count > 0, $"MailTexts {language}: {kind} has a subject but no paragraph.");

                // The loader reads P1, P2, … up to the first gap: a paragraph after one would never be sent.
                Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
            }
        }
    }

    [Fact]
    public void Every_kind_of_mail_has_English_words_and_the_English_only_ones_have_no_other()
    {
        var english = TextCatalog.Own(typeof(MailTexts), "en");
        Assert.All(Enum.GetValues<MailKind>(), kind => Assert.True(english.ContainsKey($"{kind}.Subject"), $"{kind} has no English subject."));
        foreach (var kind in EnglishOnlySoFar)
        {
            Assert.True(MailKinds.ToStaff(kind), $"{kind} goes to the customer, who is served in every language.");
            foreach (var language in TextCatalog.CustomerLanguages.Where(l => l != "en"))
            {
                Assert.DoesNotContain(TextCatalog.Own(typeof(MailTexts), language).Keys, key => key.StartsWith($"{kind}.", StringComparison.Ordinal));
            }
        }
    }

    public static TheoryData<string> Languages => new(TextCatalog.CustomerLanguages);

    // A mail's words are served where its reader is: the customer in any customer language, staff in nb or en
    // (whether a mail goes to staff is its kind's). The console link closes staff mails only; the rest are the customer's.
    static IReadOnlyList<string> MailServedIn(string key)
    {
        var prefix = key.Split('.')[0];
        if (Enum.GetNames<MailKind>().Contains(prefix, StringComparer.Ordinal))
        {
            var kind = Enum.Parse<MailKind>(prefix);
            return EnglishOnlySoFar.Contains(kind) ? ["en"] : MailKinds.ToStaff(kind) ? TextCatalog.StaffLanguages : TextCatalog.CustomerLanguages;
        }

        return key == "ConsoleLink" ? TextCatalog.StaffLanguages : TextCatalog.CustomerLanguages;
    }

    static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();
}
