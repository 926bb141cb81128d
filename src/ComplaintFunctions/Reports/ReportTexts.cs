using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Reports;

/// <summary>The reports' words, in the staff language (<c>Staff:Language</c>, nb or en).</summary>
public sealed class ReportTexts
{
    public static IReadOnlyList<string> Languages { get; } = ["nb", "en"];

    public static ReportTexts For(string? language) => language == "nb" ? Norwegian.Value : English.Value;

    public required string Language { get; init; }
    public required string Reports { get; init; }
    public required string Title { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Show { get; init; }
    public required string PeriodHint { get; init; }
    public required string BadPeriodTitle { get; init; }
    public required string BadPeriod { get; init; }
    public required string NotYoursTitle { get; init; }
    public required string NotYours { get; init; }
    public required string Csv { get; init; }
    public required string Summary { get; init; }
    public required string SummaryHint { get; init; }
    public required string AllCases { get; init; }
    public required string Figure { get; init; }
    public required string Value { get; init; }
    public required string Charts { get; init; }
    public required string ReceivedByCategory { get; init; }
    public required string ClosedByTime { get; init; }
    public required string Scores { get; init; }
    public required string NoCases { get; init; }
    public required string Notes { get; init; }
    public required string NotesHint { get; init; }
    public required string NoNotes { get; init; }
    public required string Case { get; init; }
    public required string Date { get; init; }
    public required string Note { get; init; }
    public required string None { get; init; }
    public required string Minutes { get; init; }
    public required string Hours { get; init; }
    public required string Days { get; init; }

    /// <summary>The headings of the groupings, by <c>ComplaintReport.By…</c>.</summary>
    public required IReadOnlyDictionary<string, string> By { get; init; }

    /// <summary>The channels' names, by their wire names.</summary>
    public required IReadOnlyDictionary<string, string> Channels { get; init; }

    /// <summary>The figures' names, by <see cref="ReportColumns"/>' keys.</summary>
    public required IReadOnlyDictionary<string, string> Figures { get; init; }

    /// <summary>The period summary's rows, by <see cref="ReportColumns.SummaryRows"/>' keys.</summary>
    public required IReadOnlyDictionary<string, string> SummaryRows { get; init; }

    static readonly Lazy<ReportTexts> English = new(() => Load("en"));

    static readonly Lazy<ReportTexts> Norwegian = new(() => Load("nb"));

    // The words are in Resources/Reports/ReportTexts.resx (English) and .nb.resx: each text under its property's
    // name, each entry of a group as <group>.<key> (By.category, Figures.median-to-acknowledge, ...).
    static ReportTexts Load(string language)
    {
        string Text(string key) => TextCatalog.Get(typeof(ReportTexts), language, key);

        // English names every key of a group; a language's file is checked to name the same.
        IReadOnlyDictionary<string, string> Group(string name) => TextCatalog.Own(typeof(ReportTexts), "en").Keys
            .Where(key => key.StartsWith(name + ".", StringComparison.Ordinal))
            .ToDictionary(key => key[(name.Length + 1)..], Text, StringComparer.Ordinal);

        return new()
        {
            Language = language,
            Reports = Text(nameof(Reports)),
            Title = Text(nameof(Title)),
            From = Text(nameof(From)),
            To = Text(nameof(To)),
            Show = Text(nameof(Show)),
            PeriodHint = Text(nameof(PeriodHint)),
            BadPeriodTitle = Text(nameof(BadPeriodTitle)),
            BadPeriod = Text(nameof(BadPeriod)),
            NotYoursTitle = Text(nameof(NotYoursTitle)),
            NotYours = Text(nameof(NotYours)),
            Csv = Text(nameof(Csv)),
            Summary = Text(nameof(Summary)),
            SummaryHint = Text(nameof(SummaryHint)),
            AllCases = Text(nameof(AllCases)),
            Figure = Text(nameof(Figure)),
            Value = Text(nameof(Value)),
            Charts = Text(nameof(Charts)),
            ReceivedByCategory = Text(nameof(ReceivedByCategory)),
            ClosedByTime = Text(nameof(ClosedByTime)),
            Scores = Text(nameof(Scores)),
            NoCases = Text(nameof(NoCases)),
            Notes = Text(nameof(Notes)),
            NotesHint = Text(nameof(NotesHint)),
            NoNotes = Text(nameof(NoNotes)),
            Case = Text(nameof(Case)),
            Date = Text(nameof(Date)),
            Note = Text(nameof(Note)),
            None = Text(nameof(None)),
            Minutes = Text(nameof(Minutes)),
            Hours = Text(nameof(Hours)),
            Days = Text(nameof(Days)),
            By = Group(nameof(By)),
            Channels = Group(nameof(Channels)),
            Figures = Group(nameof(Figures)),
            SummaryRows = Group(nameof(SummaryRows)),
        };
    }
}
