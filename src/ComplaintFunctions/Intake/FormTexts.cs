using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Intake;

/// <summary>The web form's words, per language (nb, sv, da, fi, en). Categories explained in plain words.</summary>
public sealed record FormTexts(
    string Title,
    string Intro,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<ComplaintCategory, string> Categories,
    string Send,
    string FixErrors,
    string ReceiptTitle,
    string ReceiptIntro,
    string ReceiptMailSentTemplate,
    string FollowCase)
{
    public static IReadOnlyList<string> Languages { get; } = ["nb", "sv", "da", "fi", "en"];

    /// <summary>The words in <paramref name="language"/> (a customer's language, else English), from <c>Resources/Intake/FormTexts.resx</c> and the files beside it.</summary>
    public static FormTexts For(string? language) => TextRecords.Load<FormTexts>(TextRecords.CustomerLanguage(language));

    /// <summary>The receipt's line about the confirmation mail sent to <paramref name="email"/>.</summary>
    public string ReceiptMailSent(string email) => ReceiptMailSentTemplate.Replace("{email}", email, StringComparison.Ordinal);
}
