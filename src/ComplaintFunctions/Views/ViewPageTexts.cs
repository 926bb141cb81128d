using ComplaintFunctions.Domain.Complaints;

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

    public static ViewPageTexts For(string? language) => language switch
    {
        "nb" => Norwegian,
        _ => English,
    };

    static readonly ViewPageTexts English = new(
        "en",
        "Case {case}",
        "This page only shows the case; nothing here changes it. Act on the case from the links in the mails about it.",
        "Stage",
        "Customer",
        "Category",
        "Reported via",
        "Country",
        "Product",
        "Reported",
        "Last change",
        "What the customer wrote",
        "What happened, in order",
        "When (UTC)",
        "Who",
        "Through",
        "What",
        new Dictionary<CaseStage, string>
        {
            [CaseStage.CustomerService] = "with customer service",
            [CaseStage.WaitingForCustomer] = "waiting for the customer",
            [CaseStage.FinalAnswer] = "final answer given, waiting for the customer to accept it or ask for the ombudsman",
            [CaseStage.OmbudsmanReview] = "under review by the customer ombudsman",
            [CaseStage.ExternalBody] = "with an external dispute body",
            [CaseStage.Closed] = "closed",
        },
        "Link not valid",
        "This link is not valid. It may have been cut short when it was copied. Use the link in the latest mail about the case, or look the case up in the staff tools by its case number.",
        "Link expired",
        "This link has expired. Use the link in a newer mail about the case, or look the case up in the staff tools by its case number.",
        "Not for you",
        "This link does not show this page to you. Use the link in your own mail about the case.",
        "No case file yet",
        "The case file has not been prepared yet. It is prepared when the case goes to the ombudsman or an external body; try again in a moment, or look the case up in the staff tools.");

    static readonly ViewPageTexts Norwegian = new(
        "nb",
        "Sak {case}",
        "Denne siden viser bare saken; ingenting her endrer den. Handle i saken fra lenkene i e-postene om den.",
        "Trinn",
        "Kunde",
        "Kategori",
        "Meldt via",
        "Land",
        "Produkt",
        "Meldt",
        "Sist endret",
        "Kunden skrev",
        "Hva som har skjedd, i rekkefølge",
        "Når (UTC)",
        "Hvem",
        "Gjennom",
        "Hva",
        new Dictionary<CaseStage, string>
        {
            [CaseStage.CustomerService] = "hos kundeservice",
            [CaseStage.WaitingForCustomer] = "venter på kunden",
            [CaseStage.FinalAnswer] = "endelig svar er gitt, venter på at kunden godtar det eller ber om kundeombudsmannen",
            [CaseStage.OmbudsmanReview] = "til vurdering hos kundeombudsmannen",
            [CaseStage.ExternalBody] = "hos et eksternt tvisteløsningsorgan",
            [CaseStage.Closed] = "avsluttet",
        },
        "Lenken er ikke gyldig",
        "Denne lenken er ikke gyldig. Den kan ha blitt kuttet da den ble kopiert. Bruk lenken i den nyeste e-posten om saken, eller slå opp saken i saksverktøyet med saksnummeret.",
        "Lenken er utløpt",
        "Denne lenken er utløpt. Bruk lenken i en nyere e-post om saken, eller slå opp saken i saksverktøyet med saksnummeret.",
        "Ikke for deg",
        "Denne lenken viser ikke denne siden for deg. Bruk lenken i din egen e-post om saken.",
        "Ingen saksdokumenter ennå",
        "Saksdokumentene er ikke laget ennå. De lages når saken går til kundeombudsmannen eller et eksternt organ; prøv igjen om litt, eller slå opp saken i saksverktøyet.");
}
