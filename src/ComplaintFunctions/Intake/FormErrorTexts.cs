namespace ComplaintFunctions.Intake;

/// <summary>
/// What the form says by a field the checks refused, in the form's language. The checks' own
/// English messages stay for the JSON API; the form says what to do, in words that cover each case.
/// </summary>
public static class FormErrorTexts
{
    public static string For(string language, string field, string[] englishMessages)
    {
        ArgumentNullException.ThrowIfNull(englishMessages);
        var texts = language switch
        {
            "nb" => Norwegian,
            "sv" => Swedish,
            "da" => Danish,
            "fi" => Finnish,
            _ => null,
        };
        return texts is not null && texts.TryGetValue(field, out var text) ? text : string.Join(" ", englishMessages);
    }

    static readonly Dictionary<string, string> Norwegian = new(StringComparer.Ordinal)
    {
        ["email"] = "Skriv en e-postadresse vi kan svare til, for eksempel navn@eksempel.no.",
        ["description"] = "Beskriv problemet (høyst 10 000 tegn; lengre tekster kan du sende som vedlegg på e-post).",
        ["phone"] = "Et telefonnummer har 6 til 15 sifre og kan begynne med +.",
        ["purchaseDate"] = "Skriv datoen som ÅÅÅÅ-MM-DD; den kan ikke være fram i tid.",
        ["deliveryDate"] = "Skriv datoen som ÅÅÅÅ-MM-DD; den kan ikke være fram i tid eller før kjøpsdatoen.",
        ["category"] = "Velg hva saken gjelder.",
        ["country"] = "Velg land.",
        ["name"] = "Høyst 200 tegn.",
        ["orderNumber"] = "Høyst 200 tegn.",
        ["product"] = "Høyst 200 tegn.",
        ["manufacturer"] = "Høyst 200 tegn.",
    };

    static readonly Dictionary<string, string> Swedish = new(StringComparer.Ordinal)
    {
        ["email"] = "Skriv en e-postadress vi kan svara till, till exempel namn@exempel.se.",
        ["description"] = "Beskriv problemet (högst 10 000 tecken; längre texter kan du skicka som bilaga via mejl).",
        ["phone"] = "Ett telefonnummer har 6 till 15 siffror och kan börja med +.",
        ["purchaseDate"] = "Skriv datumet som ÅÅÅÅ-MM-DD; det kan inte ligga i framtiden.",
        ["deliveryDate"] = "Skriv datumet som ÅÅÅÅ-MM-DD; det kan inte ligga i framtiden eller före köpdatumet.",
        ["category"] = "Välj vad ärendet gäller.",
        ["country"] = "Välj land.",
        ["name"] = "Högst 200 tecken.",
        ["orderNumber"] = "Högst 200 tecken.",
        ["product"] = "Högst 200 tecken.",
        ["manufacturer"] = "Högst 200 tecken.",
    };

    static readonly Dictionary<string, string> Danish = new(StringComparer.Ordinal)
    {
        ["email"] = "Skriv en e-mailadresse, vi kan svare til, for eksempel navn@eksempel.dk.",
        ["description"] = "Beskriv problemet (højst 10.000 tegn; længere tekster kan du sende som vedhæftet fil på e-mail).",
        ["phone"] = "Et telefonnummer har 6 til 15 cifre og kan begynde med +.",
        ["purchaseDate"] = "Skriv datoen som ÅÅÅÅ-MM-DD; den kan ikke ligge i fremtiden.",
        ["deliveryDate"] = "Skriv datoen som ÅÅÅÅ-MM-DD; den kan ikke ligge i fremtiden eller før købsdatoen.",
        ["category"] = "Vælg, hvad sagen drejer sig om.",
        ["country"] = "Vælg land.",
        ["name"] = "Højst 200 tegn.",
        ["orderNumber"] = "Højst 200 tegn.",
        ["product"] = "Højst 200 tegn.",
        ["manufacturer"] = "Højst 200 tegn.",
    };

    static readonly Dictionary<string, string> Finnish = new(StringComparer.Ordinal)
    {
        ["email"] = "Kirjoita sähköpostiosoite, johon voimme vastata, esimerkiksi nimi@esimerkki.fi.",
        ["description"] = "Kuvaile ongelma (enintään 10 000 merkkiä; pidemmät tekstit voit lähettää sähköpostin liitteenä).",
        ["phone"] = "Puhelinnumerossa on 6–15 numeroa, ja se voi alkaa +-merkillä.",
        ["purchaseDate"] = "Kirjoita päivämäärä muodossa VVVV-KK-PP; se ei voi olla tulevaisuudessa.",
        ["deliveryDate"] = "Kirjoita päivämäärä muodossa VVVV-KK-PP; se ei voi olla tulevaisuudessa eikä ennen ostopäivää.",
        ["category"] = "Valitse, mitä asia koskee.",
        ["country"] = "Valitse maa.",
        ["name"] = "Enintään 200 merkkiä.",
        ["orderNumber"] = "Enintään 200 merkkiä.",
        ["product"] = "Enintään 200 merkkiä.",
        ["manufacturer"] = "Enintään 200 merkkiä.",
    };
}
