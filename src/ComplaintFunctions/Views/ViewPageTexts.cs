using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Views;

/// <summary>The words on the pages view links open, in the staff's language (<c>Staff:Language</c>: nb or en); view links go to staff only.</summary>
/// <param name="Language">The language these texts are in, for the page's <c>lang</c>.</param>
public sealed record ViewPageTexts(
    string Language,
    string CaseTitle,
    string ReadOnly,
    string Stage,
    string Customer,
    string Category,
    string Channel,
    string Country,
    string Product,
    string Reported,
    string LastChange,
    string Description,
    string Trail,
    string When,
    string Who,
    string Through,
    string What,
    IReadOnlyDictionary<CaseStage, string> Stages,
    string InvalidTitle,
    string Invalid,
    string ExpiredTitle,
    string Expired,
    string NotAllowedTitle,
    string NotAllowed,
    string NoCaseFileTitle,
    string NoCaseFile)
{
    /// <summary>The staff languages these texts exist in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["nb", "en"];

    /// <summary>The view pages' words in <paramref name="language"/> (nb, else English), from <c>Resources/Views/ViewPageTexts.resx</c> and <c>.nb.resx</c>.</summary>
    public static ViewPageTexts For(string? language) => TextRecords.Load<ViewPageTexts>(TextRecords.StaffLanguage(language));
}
