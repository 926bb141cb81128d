using ComplaintFunctions.Domain.Complaints;

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
    Func<string, string> ReceiptMailSent,
    string FollowCase)
{
    public static IReadOnlyList<string> Languages { get; } = ["nb", "sv", "da", "fi", "en"];

    public static FormTexts For(string? language) => language switch
    {
        "nb" => Norwegian,
        "sv" => Swedish,
        "da" => Danish,
        "fi" => Finnish,
        _ => English,
    };

    static Dictionary<string, string> L(params string[] pairs)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            labels[pairs[i]] = pairs[i + 1];
        }

        return labels;
    }

    static readonly FormTexts English = new(
        "Report a complaint",
        "Tell us what is wrong. You get a case number at once and an e-mail with a link to follow your case.",
        L("name", "Your name", "email", "E-mail (required)", "phone", "Phone", "orderNumber", "Order number", "product", "Product",
          "manufacturer", "Manufacturer", "purchaseDate", "Purchase date", "deliveryDate", "Delivery date", "category", "What is it about?",
          "description", "What is wrong? (required)", "country", "Country"),
        new Dictionary<ComplaintCategory, string>
        {
            [ComplaintCategory.Claim] = "Claim: the product has a defect (you may have legal rights)",
            [ComplaintCategory.Doa] = "Dead on arrival: it was broken when it arrived",
            [ComplaintCategory.Warranty] = "Warranty: the manufacturer's promise for faults within a set time",
            [ComplaintCategory.Service] = "Service: a technician needs to repair the product",
            [ComplaintCategory.Support] = "Support: advice on how to set up or use the product",
            [ComplaintCategory.Delivery] = "Delivery: late, missing or wrong delivery",
            [ComplaintCategory.Other] = "Something else",
        },
        "Send complaint",
        "Some fields need another look; see the notes by them.",
        "Complaint received",
        "Thank you. Your complaint is registered with the case number",
        email => $"We have sent a confirmation to {email}. Keep the case number: it is all customer service needs to find your case.",
        "Follow your case");

    static readonly FormTexts Norwegian = new(
        "Meld inn en klage",
        "Fortell oss hva som er galt. Du får et saksnummer med en gang og en e-post med lenke der du kan følge saken.",
        L("name", "Navnet ditt", "email", "E-post (må fylles ut)", "phone", "Telefon", "orderNumber", "Ordrenummer", "product", "Produkt",
          "manufacturer", "Produsent", "purchaseDate", "Kjøpsdato", "deliveryDate", "Leveringsdato", "category", "Hva gjelder det?",
          "description", "Hva er galt? (må fylles ut)", "country", "Land"),
        new Dictionary<ComplaintCategory, string>
        {
            [ComplaintCategory.Claim] = "Reklamasjon: varen har en feil (du kan ha rettigheter etter loven)",
            [ComplaintCategory.Doa] = "Død ved levering: varen var ødelagt da den kom",
            [ComplaintCategory.Warranty] = "Garanti: produsentens løfte om feil innen en viss tid",
            [ComplaintCategory.Service] = "Service: en tekniker må reparere varen",
            [ComplaintCategory.Support] = "Support: råd om hvordan varen kobles til eller brukes",
            [ComplaintCategory.Delivery] = "Levering: forsinket, manglende eller feil levering",
            [ComplaintCategory.Other] = "Noe annet",
        },
        "Send klagen",
        "Noen felt må sees på igjen; se merknadene ved dem.",
        "Klagen er mottatt",
        "Takk. Klagen din er registrert med saksnummeret",
        email => $"Vi har sendt en bekreftelse til {email}. Ta vare på saksnummeret: det er alt kundeservice trenger for å finne saken din.",
        "Følg saken din");

    static readonly FormTexts Swedish = new(
        "Lämna ett klagomål",
        "Berätta vad som är fel. Du får ett ärendenummer direkt och ett mejl med en länk där du kan följa ärendet.",
        L("name", "Ditt namn", "email", "E-post (obligatorisk)", "phone", "Telefon", "orderNumber", "Ordernummer", "product", "Produkt",
          "manufacturer", "Tillverkare", "purchaseDate", "Köpdatum", "deliveryDate", "Leveransdatum", "category", "Vad gäller det?",
          "description", "Vad är fel? (obligatorisk)", "country", "Land"),
        new Dictionary<ComplaintCategory, string>
        {
            [ComplaintCategory.Claim] = "Reklamation: varan har ett fel (du kan ha rättigheter enligt lag)",
            [ComplaintCategory.Doa] = "Trasig vid leverans: varan var sönder när den kom",
            [ComplaintCategory.Warranty] = "Garanti: tillverkarens löfte om fel inom en viss tid",
            [ComplaintCategory.Service] = "Service: en tekniker behöver reparera varan",
            [ComplaintCategory.Support] = "Support: råd om hur varan ansluts eller används",
            [ComplaintCategory.Delivery] = "Leverans: försenad, saknad eller fel leverans",
            [ComplaintCategory.Other] = "Något annat",
        },
        "Skicka klagomålet",
        "Några fält behöver ses över; se anteckningarna vid dem.",
        "Klagomålet är mottaget",
        "Tack. Ditt klagomål är registrerat med ärendenumret",
        email => $"Vi har skickat en bekräftelse till {email}. Spara ärendenumret: det är allt kundservice behöver för att hitta ditt ärende.",
        "Följ ditt ärende");

    static readonly FormTexts Danish = new(
        "Indsend en klage",
        "Fortæl os, hvad der er galt. Du får et sagsnummer med det samme og en e-mail med et link, hvor du kan følge sagen.",
        L("name", "Dit navn", "email", "E-mail (skal udfyldes)", "phone", "Telefon", "orderNumber", "Ordrenummer", "product", "Produkt",
          "manufacturer", "Producent", "purchaseDate", "Købsdato", "deliveryDate", "Leveringsdato", "category", "Hvad drejer det sig om?",
          "description", "Hvad er galt? (skal udfyldes)", "country", "Land"),
        new Dictionary<ComplaintCategory, string>
        {
            [ComplaintCategory.Claim] = "Reklamation: varen har en fejl (du kan have rettigheder efter loven)",
            [ComplaintCategory.Doa] = "Defekt ved levering: varen var i stykker, da den kom",
            [ComplaintCategory.Warranty] = "Garanti: producentens løfte om fejl inden for en vis tid",
            [ComplaintCategory.Service] = "Service: en tekniker skal reparere varen",
            [ComplaintCategory.Support] = "Support: råd om, hvordan varen tilsluttes eller bruges",
            [ComplaintCategory.Delivery] = "Levering: forsinket, manglende eller forkert levering",
            [ComplaintCategory.Other] = "Noget andet",
        },
        "Send klagen",
        "Nogle felter skal ses på igen; se bemærkningerne ved dem.",
        "Klagen er modtaget",
        "Tak. Din klage er registreret med sagsnummeret",
        email => $"Vi har sendt en bekræftelse til {email}. Gem sagsnummeret: det er alt, kundeservice behøver for at finde din sag.",
        "Følg din sag");

    static readonly FormTexts Finnish = new(
        "Tee valitus",
        "Kerro meille, mikä on vialla. Saat asianumeron heti ja sähköpostin, jonka linkistä voit seurata asiaasi.",
        L("name", "Nimesi", "email", "Sähköposti (pakollinen)", "phone", "Puhelin", "orderNumber", "Tilausnumero", "product", "Tuote",
          "manufacturer", "Valmistaja", "purchaseDate", "Ostopäivä", "deliveryDate", "Toimituspäivä", "category", "Mitä asia koskee?",
          "description", "Mikä on vialla? (pakollinen)", "country", "Maa"),
        new Dictionary<ComplaintCategory, string>
        {
            [ComplaintCategory.Claim] = "Reklamaatio: tuotteessa on virhe (sinulla voi olla lakiin perustuvia oikeuksia)",
            [ComplaintCategory.Doa] = "Rikki toimitettaessa: tuote oli rikki, kun se saapui",
            [ComplaintCategory.Warranty] = "Takuu: valmistajan lupaus vioista tietyn ajan sisällä",
            [ComplaintCategory.Service] = "Huolto: teknikon on korjattava tuote",
            [ComplaintCategory.Support] = "Tuki: neuvoja tuotteen kytkemiseen tai käyttöön",
            [ComplaintCategory.Delivery] = "Toimitus: myöhässä, puuttuu tai väärä toimitus",
            [ComplaintCategory.Other] = "Jokin muu",
        },
        "Lähetä valitus",
        "Joitakin kenttiä on tarkistettava; katso huomautukset niiden vierestä.",
        "Valitus on vastaanotettu",
        "Kiitos. Valituksesi on kirjattu asianumerolla",
        email => $"Lähetimme vahvistuksen osoitteeseen {email}. Säilytä asianumero: asiakaspalvelu löytää asiasi sen avulla.",
        "Seuraa asiaasi");
}
