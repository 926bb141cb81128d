using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Intake;

/// <summary>
/// What the form says by a field the checks refused, in the form's language. The checks' own
/// English messages stay for the JSON API; the form says what to do, in words that cover each case.
/// </summary>
public static class FormErrorTexts
{
    /// <summary>The form's words by <paramref name="field"/>, from <c>Resources/Intake/FormErrorTexts.&lt;language&gt;.resx</c>; English has none of its own (its file is empty), so an English form shows the checks' messages.</summary>
    public static string For(string language, string field, string[] englishMessages)
    {
        ArgumentNullException.ThrowIfNull(englishMessages);
        var served = TextRecords.CustomerLanguage(language);
        return served != "en" && TextCatalog.Find(typeof(FormErrorTexts), served, field) is { } text ? text : string.Join(" ", englishMessages);
    }
}
