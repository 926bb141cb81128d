using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Actions;

/// <summary>The words on the pages customers reach from our links, per language. Staff links' pages are in the staff language (<see cref="ActionLinkPages"/>).</summary>
public sealed record ActionPageTexts(
    IReadOnlyDictionary<string, (string Title, string Explanation, string Button, string? TextLabel)> Steps,
    string Done,
    string Invalid,
    string Expired,
    string Used,
    string NotNow,
    string TextRequired)
{
    /// <summary>The titles of the pages that say a link cannot be used, and what a customer reads when a step is no longer possible.</summary>
    public required LinkRefusalTexts Refusals { get; init; }

    /// <summary>What a customer reads after answering the satisfaction survey (the case is closed: nothing happens next).</summary>
    public required string SurveyThanks { get; init; }

    /// <summary>Under the button of a customer's page: opening a link did nothing (scanners open links too).</summary>
    public required string NothingYet { get; init; }

    /// <summary>The language a customer's browser asks for (its Accept-Language), for a page that knows no case to take it from.</summary>
    public static string LanguageOf(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var part in request.Headers.AcceptLanguage.ToString().Split(','))
        {
            var tag = part.Split(';')[0].Trim().ToLowerInvariant();
            var primary = tag.Split('-')[0];
            var language = primary switch
            {
                "nb" or "no" or "nn" => "nb",
                "sv" => "sv",
                "da" => "da",
                "fi" => "fi",
                "en" => "en",
                _ => null,
            };
            if (language is not null)
            {
                return language;
            }
        }

        return "en";
    }

    /// <summary>The words in <paramref name="language"/> (a customer's language, else English), from <c>Resources/Actions/ActionPageTexts.resx</c> and the files beside it.</summary>
    public static ActionPageTexts For(string? language) => TextRecords.Load<ActionPageTexts>(TextRecords.CustomerLanguage(language));
}

/// <summary>Titles and words of the pages that refuse a link, in one language.</summary>
/// <param name="MovedOn">What a customer reads when the step is no longer possible (the process's own reason is for staff).</param>
public sealed record LinkRefusalTexts(string InvalidTitle, string ExpiredTitle, string UsedTitle, string NotNowTitle, string NotAllowedTitle, string NotAllowed, string MovedOn, string NotFoundTitle, string NotFound);
