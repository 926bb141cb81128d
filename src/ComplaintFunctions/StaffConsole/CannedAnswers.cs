using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplaintFunctions.StaffConsole;

/// <summary>A prepared answer: its title for staff, the forms that offer it, and its text in each customer language.</summary>
public sealed record CannedAnswer(string Id, IReadOnlyDictionary<string, string> Title, IReadOnlyList<string> Steps, IReadOnlyDictionary<string, string> Text)
{
    public string TitleIn(string staffLanguage) => Title.GetValueOrDefault(staffLanguage) ?? Title.GetValueOrDefault("en") ?? Id;
}

/// <summary>
/// The prepared answers agents start from (<c>Data/canned-answers.json</c>, shipped next to the app and
/// editable like the manufacturer directory). Texts carry no greeting or signature: the mail adds them.
/// </summary>
public sealed class CannedAnswers
{
    public const string RelativePath = "Data/canned-answers.json";

    /// <summary>The languages customers are written to; every answer has each.</summary>
    public static IReadOnlyList<string> CustomerLanguages { get; } = ["nb", "sv", "da", "fi", "en"];

    CannedAnswers(IReadOnlyList<CannedAnswer> all) => All = all;

    public IReadOnlyList<CannedAnswer> All { get; }

    public static CannedAnswers LoadFromAppFolder() => Load(Path.Combine(AppContext.BaseDirectory, RelativePath));

    public static CannedAnswers Load(string path)
    {
        var file = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} holds no prepared answers.");
        return new CannedAnswers(file.Answers.Select(a => new CannedAnswer(a.Id, a.Title, a.Steps, a.Text)).ToList());
    }

    public IEnumerable<CannedAnswer> For(string step) => All.Where(a => a.Steps.Contains(step, StringComparer.Ordinal));

    /// <summary>The answer's text in the customer's language (English when an edit left a language out).</summary>
    public string? TextFor(string id, string language) =>
        All.FirstOrDefault(a => a.Id == id) is { } answer ? answer.Text.GetValueOrDefault(language) ?? answer.Text.GetValueOrDefault("en") : null;

    sealed class FileShape
    {
        [JsonPropertyName("answers")]
        public List<AnswerShape> Answers { get; set; } = [];
    }

    sealed class AnswerShape
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("title")]
        public Dictionary<string, string> Title { get; set; } = [];

        [JsonPropertyName("steps")]
        public List<string> Steps { get; set; } = [];

        [JsonPropertyName("text")]
        public Dictionary<string, string> Text { get; set; } = [];
    }
}
