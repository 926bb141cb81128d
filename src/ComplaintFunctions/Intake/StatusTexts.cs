using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Intake;

/// <summary>The status page's words per language: where the case is and what happens next.</summary>
public static class StatusTexts
{
    /// <summary>The status page of a case whose personal data was erased (on request, or when its retention period ran out).</summary>
    public static (string Title, string Message) Erased(string? language)
    {
        var t = TextsIn(language);
        return (t.ErasedTitle, t.ErasedMessage);
    }

    public static (string Title, string Reported, string LastChange, string Stage, string Next) For(string? language, CaseStage stage)
    {
        var t = TextsIn(language);
        return (t.Title, t.Reported, t.LastChange, t.Stages[stage], t.Next[stage]);
    }

    // From Resources/Intake/StatusTexts.resx and the files beside it.
    static StatusPageTexts TextsIn(string? language) => TextRecords.Load<StatusPageTexts>(typeof(StatusTexts), TextRecords.CustomerLanguage(language));
}

/// <summary>The status page's words in one language; a stage's line and what happens next by the stage's name.</summary>
/// <param name="ErasedMessage">What the status page of an erased case says.</param>
public sealed record StatusPageTexts(
    string Title,
    string Reported,
    string LastChange,
    IReadOnlyDictionary<CaseStage, string> Stages,
    IReadOnlyDictionary<CaseStage, string> Next,
    string ErasedTitle,
    string ErasedMessage);
