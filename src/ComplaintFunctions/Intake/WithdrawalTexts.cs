using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Intake;

/// <summary>The words of the withdrawal page, per language the customers are served in.</summary>
public sealed record WithdrawalTexts(string Link, string Title, string Explanation, string ReasonLabel, string Button, string Done, string Closed, string Unreadable)
{
    public static IReadOnlyList<string> Languages { get; } = ["nb", "sv", "da", "fi", "en"];

    /// <summary>The words in <paramref name="language"/> (a customer's language, else English), from <c>Resources/Intake/WithdrawalTexts.resx</c> and the files beside it.</summary>
    public static WithdrawalTexts For(string? language) => TextRecords.Load<WithdrawalTexts>(TextRecords.CustomerLanguage(language));
}
