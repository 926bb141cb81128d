namespace ComplaintFunctions.Intake;

/// <summary>The words of the withdrawal page, per language the customers are served in.</summary>
public sealed record WithdrawalTexts(string Link, string Title, string Explanation, string ReasonLabel, string Button, string Done, string Closed, string Unreadable)
{
    public static IReadOnlyList<string> Languages { get; } = ["nb", "sv", "da", "fi", "en"];

    public static WithdrawalTexts For(string? language) => language switch
    {
        "nb" => new("Trekk klagen", "Trekk klagen din",
            "Trekker du klagen, avsluttes sak {case}: kundeservice, kundeombudsmannen og et eventuelt tvisteløsningsorgan gjør ikke mer i den. Ingenting skjer før du trykker på knappen.",
            "Hvorfor trekker du klagen? (valgfritt)", "Trekk klagen",
            "Klagen er trukket, og sak {case} er avsluttet. Du får en bekreftelse på e-post.",
            "Sak {case} er allerede avsluttet.",
            "Skjemaet kunne ikke leses, så ingenting er trukket. Åpne siden fra lenken i e-posten og prøv igjen."),
        "sv" => new("Dra tillbaka klagomålet", "Dra tillbaka ditt klagomål",
            "Drar du tillbaka klagomålet avslutas ärende {case}: kundservice, kundombudsmannen och ett eventuellt tvistlösningsorgan gör inget mer i det. Inget händer förrän du trycker på knappen.",
            "Varför drar du tillbaka klagomålet? (frivilligt)", "Dra tillbaka klagomålet",
            "Klagomålet är tillbakadraget och ärende {case} är avslutat. Du får en bekräftelse via mejl.",
            "Ärende {case} är redan avslutat.",
            "Formuläret kunde inte läsas, så inget har dragits tillbaka. Öppna sidan från länken i mejlet och försök igen."),
        "da" => new("Træk klagen tilbage", "Træk din klage tilbage",
            "Trækker du klagen tilbage, lukkes sag {case}: kundeservice, kundeombudsmanden og et eventuelt klageorgan gør ikke mere i den. Der sker intet, før du trykker på knappen.",
            "Hvorfor trækker du klagen tilbage? (valgfrit)", "Træk klagen tilbage",
            "Klagen er trukket tilbage, og sag {case} er lukket. Du får en bekræftelse på e-mail.",
            "Sag {case} er allerede lukket.",
            "Formularen kunne ikke læses, så intet er trukket tilbage. Åbn siden fra linket i e-mailen, og prøv igen."),
        "fi" => new("Peru valitus", "Peru valituksesi",
            "Jos perut valituksen, asia {case} suljetaan: asiakaspalvelu, asiakasasiamies tai mahdollinen riidanratkaisuelin eivät enää käsittele sitä. Mitään ei tapahdu ennen kuin painat painiketta.",
            "Miksi perut valituksen? (vapaaehtoinen)", "Peru valitus",
            "Valitus on peruttu ja asia {case} on suljettu. Saat vahvistuksen sähköpostitse.",
            "Asia {case} on jo suljettu.",
            "Lomaketta ei voitu lukea, joten mitään ei ole peruttu. Avaa sivu sähköpostin linkistä ja yritä uudelleen."),
        _ => new("Withdraw the complaint", "Withdraw your complaint",
            "If you withdraw the complaint, case {case} closes: customer service, the customer ombudsman and any dispute body do nothing more on it. Nothing happens until you press the button.",
            "Why are you withdrawing it? (optional)", "Withdraw the complaint",
            "The complaint is withdrawn and case {case} is closed. You will get a confirmation by mail.",
            "Case {case} is already closed.",
            "The form could not be read, so nothing has been withdrawn. Open the page from the link in the mail and try again."),
    };
}
