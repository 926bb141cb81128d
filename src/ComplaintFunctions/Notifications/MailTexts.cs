using System.Collections.Concurrent;
using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Notifications;

/// <summary>
/// What the pipeline says, per language: customers in nb, sv, da, fi or en; staff in the team's
/// language (nb or en). Plain words, one place to change the tone. Subjects end with the case token
/// so replies thread.
/// </summary>
/// <remarks>
/// The words are in <c>Resources/Notifications/MailTexts.resx</c> (English) and its nb, sv, da and fi files:
/// a mail under <c>&lt;MailKind&gt;.Subject</c> and <c>&lt;MailKind&gt;.P1</c>…<c>Pn</c> (its paragraphs, in order),
/// the helpers' words under <c>BodyLabel.*</c>, <c>Decision.&lt;outcome&gt;</c>, <c>ConsoleLink</c> and <c>Greeting.*</c>.
/// </remarks>
public static class MailTexts
{
    static readonly ConcurrentDictionary<string, Words> Loaded = new(StringComparer.Ordinal);

    public static MailTemplate For(MailKind kind, string? language)
    {
        if (WordsIn(language).Templates.TryGetValue(kind, out var template))
        {
            return template;
        }

        // Staff mails exist in nb and en; other languages fall back to English.
        return WordsIn("en").Templates[kind];
    }

    /// <summary>The labels of the list of external bodies in the decision mail.</summary>
    public static (string Cost, string HowLong, string NeedsFirst, string HowToFile, string TakeIt) BodyLabels(string? language) => WordsIn(language).BodyLabels;

    /// <summary>The ombudsman's outcome in the customer's words.</summary>
    public static string DecisionWord(string? language, string outcome)
    {
        var words = WordsIn(language);

        // Any outcome but the two named ones is a partial settlement, as the ombudsman's form offers no other.
        return outcome is "upheld" or "overturned" ? words.Decisions[outcome] : words.Decisions["partly-settled"];
    }

    /// <summary>The last line of every staff mail: the case in the staff console (after sign-in, no function key).</summary>
    public static string ConsoleLink(string? language, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return WordsIn(language is "nb" ? "nb" : "en").ConsoleLink.Replace("{url}", url, StringComparison.Ordinal);
    }

    public static string Greeting(string? language, string? name)
    {
        var words = WordsIn(language);
        return string.IsNullOrWhiteSpace(name) ? words.GreetingAnonymous : words.GreetingNamed.Replace("{name}", name, StringComparison.Ordinal);
    }

    // A language the customer texts have no file for reads English, as the tables in code did.
    static Words WordsIn(string? language) => Loaded.GetOrAdd(language is "nb" or "sv" or "da" or "fi" ? language : "en", Load);

    // Read once per language: a mail is in that language when its file holds the mail's subject (then all of its
    // paragraphs from there), else it is the English one, the same object, so callers can tell a fallback.
    static Words Load(string language)
    {
        var owner = typeof(MailTexts);
        string Text(string key) => TextCatalog.Get(owner, language, key);

        var templates = new Dictionary<MailKind, MailTemplate>();
        foreach (var kind in Enum.GetValues<MailKind>())
        {
            var name = kind.ToString();
            if (language != "en" && !TextCatalog.Holds(owner, language, $"{name}.Subject"))
            {
                continue;
            }

            var paragraphs = new List<string>();
            for (var i = 1; TextCatalog.Holds(owner, language, $"{name}.P{i}"); i++)
            {
                paragraphs.Add(Text($"{name}.P{i}"));
            }

            templates[kind] = new MailTemplate(Text($"{name}.Subject"), [.. paragraphs]);
        }

        return new Words(
            templates,
            (Text("BodyLabel.Cost"), Text("BodyLabel.HowLong"), Text("BodyLabel.NeedsFirst"), Text("BodyLabel.HowToFile"), Text("BodyLabel.TakeIt")),
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["upheld"] = Text("Decision.upheld"),
                ["overturned"] = Text("Decision.overturned"),
                ["partly-settled"] = Text("Decision.partly-settled"),
            },
            Text("ConsoleLink"),
            Text("Greeting.Anonymous"),
            Text("Greeting.Named"));
    }

    sealed record Words(
        IReadOnlyDictionary<MailKind, MailTemplate> Templates,
        (string Cost, string HowLong, string NeedsFirst, string HowToFile, string TakeIt) BodyLabels,
        IReadOnlyDictionary<string, string> Decisions,
        string ConsoleLink,
        string GreetingAnonymous,
        string GreetingNamed);
}
