namespace ComplaintFunctions.Reports;

/// <summary>The reports' words, in the staff language (<c>Staff:Language</c>, nb or en).</summary>
public sealed class ReportTexts
{
    public static IReadOnlyList<string> Languages { get; } = ["nb", "en"];

    public static ReportTexts For(string? language) => language == "nb" ? Norwegian : English;

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

    static readonly ReportTexts English = new()
    {
        Language = "en",
        Reports = "Reports",
        Title = "Complaint handling report",
        From = "From (date)",
        To = "To (date, inclusive)",
        Show = "Show",
        PeriodHint = "Days in {zone}. Figures count what happened in the period; a duplicate merged into another case counts only as merged.",
        BadPeriodTitle = "The period could not be read",
        BadPeriod = "Give the dates as YYYY-MM-DD, the end not before the start, at most 366 days.",
        NotYoursTitle = "Not your reports",
        NotYours = "The reports are for team leads, management and the customer ombudsman.",
        Csv = "CSV",
        Summary = "Period summary",
        SummaryHint = "In the form financial regulators ask for (UK FCA DISP 1 Annex 1R as the model).",
        AllCases = "All cases",
        Figure = "Figure",
        Value = "Value",
        Charts = "Charts",
        ReceivedByCategory = "Received by category",
        ClosedByTime = "Closed by time to close",
        Scores = "Satisfaction scores (1 = very dissatisfied, 5 = very satisfied)",
        NoCases = "Nothing happened in this period.",
        Notes = "The ombudsman's notes on routines",
        NotesHint = "What the customer ombudsman noted about the retailer's routines in decisions of the period, with their cases.",
        NoNotes = "No notes on routines in this period.",
        Case = "Case",
        Date = "Date",
        Note = "Note",
        None = "—",
        Minutes = "{value} min",
        Hours = "{value} h",
        Days = "{value} days",
        By = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["category"] = "By category", ["channel"] = "By channel", ["manufacturer"] = "By manufacturer", ["country"] = "By country",
        },
        Channels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = "E-mail", ["webform"] = "Web form", ["chat"] = "Chat", ["phone"] = "Phone",
        },
        Figures = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["received"] = "Received",
            ["acknowledged"] = "Acknowledged",
            ["median-to-acknowledge"] = "Median time to acknowledge",
            ["first-responses"] = "First responses",
            ["median-to-first-response"] = "Median time to first response (business hours)",
            ["within-target"] = "First responses within target",
            ["within-target-share"] = "Share within target",
            ["resolved"] = "Resolved",
            ["median-to-resolve"] = "Median time to resolve",
            ["sla-breaches"] = "Cases past the answer target",
            ["reminders"] = "Reminders",
            ["escalations"] = "Escalations",
            ["final-answers"] = "Final answers",
            ["final-accepted"] = "Final answers accepted",
            ["final-taken-further"] = "Final answers taken to the ombudsman",
            ["ombudsman-upheld"] = "Ombudsman: answer upheld",
            ["ombudsman-overturned"] = "Ombudsman: answer overturned",
            ["ombudsman-partly"] = "Ombudsman: settled in part",
            ["referred"] = "Taken to an external body",
            ["body-for-customer"] = "Body found for the customer (wholly or partly)",
            ["body-for-retailer"] = "Body found for the retailer",
            ["complied"] = "Recommendations followed",
            ["complied-on-time"] = "Followed on time",
            ["withdrawn"] = "Withdrawn",
            ["merged"] = "Merged as duplicates",
            ["surveys-sent"] = "Surveys sent",
            ["surveys-answered"] = "Surveys answered",
            ["average-score"] = "Average score (1–5)",
            ["redress"] = "Redress given",
        },
        SummaryRows = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["outstanding-start"] = "Open at the start of the period",
            ["opened"] = "Opened in the period",
            ["closed"] = "Closed in the period",
            ["closed-4w"] = "Closed within 4 weeks",
            ["closed-4-8w"] = "Closed after 4 and within 8 weeks",
            ["closed-8w"] = "Closed after more than 8 weeks",
            ["upheld"] = "Upheld for the customer (of those closed)",
            ["redress-paid"] = "Redress given (of those closed)",
            ["outstanding-end"] = "Open at the end of the period",
        },
    };

    static readonly ReportTexts Norwegian = new()
    {
        Language = "nb",
        Reports = "Rapporter",
        Title = "Rapport om klagebehandling",
        From = "Fra (dato)",
        To = "Til (dato, med)",
        Show = "Vis",
        PeriodHint = "Dager i {zone}. Tallene teller det som skjedde i perioden; et duplikat slått sammen med en annen sak telles bare som sammenslått.",
        BadPeriodTitle = "Perioden kunne ikke leses",
        BadPeriod = "Skriv datoene som ÅÅÅÅ-MM-DD, slutten ikke før starten, høyst 366 dager.",
        NotYoursTitle = "Ikke dine rapporter",
        NotYours = "Rapportene er for teamledere, ledelsen og kundeombudet.",
        Csv = "CSV",
        Summary = "Sammendrag for perioden",
        SummaryHint = "I den formen finanstilsyn ber om (britiske FCA DISP 1 Annex 1R som forbilde).",
        AllCases = "Alle saker",
        Figure = "Tall",
        Value = "Verdi",
        Charts = "Diagrammer",
        ReceivedByCategory = "Mottatt etter kategori",
        ClosedByTime = "Avsluttet etter tid til avslutning",
        Scores = "Tilfredshet (1 = svært misfornøyd, 5 = svært fornøyd)",
        NoCases = "Ingenting skjedde i denne perioden.",
        Notes = "Kundeombudets merknader om rutiner",
        NotesHint = "Det kundeombudet merket seg om butikkens rutiner i avgjørelser i perioden, med sakene.",
        NoNotes = "Ingen merknader om rutiner i denne perioden.",
        Case = "Sak",
        Date = "Dato",
        Note = "Merknad",
        None = "—",
        Minutes = "{value} min",
        Hours = "{value} t",
        Days = "{value} dager",
        By = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["category"] = "Etter kategori", ["channel"] = "Etter kanal", ["manufacturer"] = "Etter produsent", ["country"] = "Etter land",
        },
        Channels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = "E-post", ["webform"] = "Nettskjema", ["chat"] = "Chat", ["phone"] = "Telefon",
        },
        Figures = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["received"] = "Mottatt",
            ["acknowledged"] = "Bekreftet mottatt",
            ["median-to-acknowledge"] = "Mediantid til bekreftelse",
            ["first-responses"] = "Første svar",
            ["median-to-first-response"] = "Mediantid til første svar (åpningstid)",
            ["within-target"] = "Første svar innen målet",
            ["within-target-share"] = "Andel innen målet",
            ["resolved"] = "Løst",
            ["median-to-resolve"] = "Mediantid til løsning",
            ["sla-breaches"] = "Saker over svarfristen",
            ["reminders"] = "Påminnelser",
            ["escalations"] = "Eskaleringer",
            ["final-answers"] = "Endelige svar",
            ["final-accepted"] = "Endelige svar godtatt",
            ["final-taken-further"] = "Endelige svar tatt til kundeombudet",
            ["ombudsman-upheld"] = "Kundeombudet: svaret står",
            ["ombudsman-overturned"] = "Kundeombudet: svaret omgjort",
            ["ombudsman-partly"] = "Kundeombudet: delvis forlik",
            ["referred"] = "Tatt til et eksternt organ",
            ["body-for-customer"] = "Organet ga kunden medhold (helt eller delvis)",
            ["body-for-retailer"] = "Organet ga butikken medhold",
            ["complied"] = "Anbefalinger fulgt",
            ["complied-on-time"] = "Fulgt i tide",
            ["withdrawn"] = "Trukket",
            ["merged"] = "Slått sammen som duplikat",
            ["surveys-sent"] = "Undersøkelser sendt",
            ["surveys-answered"] = "Undersøkelser besvart",
            ["average-score"] = "Gjennomsnitt (1–5)",
            ["redress"] = "Gitt i erstatning",
        },
        SummaryRows = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["outstanding-start"] = "Åpne ved periodens start",
            ["opened"] = "Åpnet i perioden",
            ["closed"] = "Avsluttet i perioden",
            ["closed-4w"] = "Avsluttet innen 4 uker",
            ["closed-4-8w"] = "Avsluttet etter 4 og innen 8 uker",
            ["closed-8w"] = "Avsluttet etter mer enn 8 uker",
            ["upheld"] = "Kunden fikk medhold (av de avsluttede)",
            ["redress-paid"] = "Gitt i erstatning (av de avsluttede)",
            ["outstanding-end"] = "Åpne ved periodens slutt",
        },
    };
}
