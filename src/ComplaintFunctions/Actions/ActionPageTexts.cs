namespace ComplaintFunctions.Actions;

/// <summary>The words on the pages customers reach from our links, per language. Staff pages are in English.</summary>
public sealed record ActionPageTexts(
    IReadOnlyDictionary<string, (string Title, string Explanation, string Button, string? TextLabel)> Steps,
    string Done,
    string Invalid,
    string Expired,
    string Used,
    string NotNow,
    string TextRequired)
{
    public static ActionPageTexts For(string? language) => language switch
    {
        "nb" => Norwegian,
        "sv" => Swedish,
        "da" => Danish,
        "fi" => Finnish,
        _ => English,
    };

    static readonly ActionPageTexts English = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Accept the ombudsman's decision", "When you accept, your case is closed.", "Accept the decision", null),
            ["customer-external-body"] = ("Take the case to an external body", "We will tell the body's contact at the retailer, prepare the case file and take part in the process. File your complaint with the body as described in our mail.", "Yes, I am taking the case there", null),
            ["customer-accept"] = ("Accept the final answer", "When you accept, your case is closed.", "Accept the answer", null),
            ["customer-ombudsman"] = ("Ask the customer ombudsman", "The independent customer ombudsman, who works apart from customer service, will review your case impartially.", "Send my case to the ombudsman", "Why are you not satisfied with the answer? (optional)"),
            ["manufacturer-solved"] = ("The problem is solved", "When you confirm, your case is closed.", "Yes, it is solved", null),
            ["manufacturer-help"] = ("I still need help", "Customer service takes your case back and answers you.", "Ask customer service for help", "What is still wrong? (optional)"),
        },
        "Thank you. It is done; you will get a mail about what happens next.",
        "This link is not valid. It may have been cut short when it was copied. Use the link in the latest mail about your case, or contact customer service with your case number.",
        "This link has expired. Contact customer service with your case number, or use the link in a newer mail about your case.",
        "This link has already been used, on {when}. Nothing more needs to be done through it.",
        "This step is not possible any more: {reason}",
        "Please write something here.");

    static readonly ActionPageTexts Norwegian = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Godta kundeombudsmannens avgjørelse", "Når du godtar, avsluttes saken din.", "Godta avgjørelsen", null),
            ["customer-external-body"] = ("Ta saken til et eksternt organ", "Vi sier fra internt, lager saksdokumentene og deltar i behandlingen. Send klagen til organet slik e-posten vår beskriver.", "Ja, jeg tar saken dit", null),
            ["customer-accept"] = ("Godta det endelige svaret", "Når du godtar svaret, avsluttes saken din.", "Godta svaret", null),
            ["customer-ombudsman"] = ("Be kundeombudsmannen se på saken", "Den uavhengige kundeombudsmannen, som arbeider atskilt fra kundeservice, vurderer saken din upartisk.", "Send saken til kundeombudsmannen", "Hvorfor er du ikke fornøyd med svaret? (valgfritt)"),
            ["manufacturer-solved"] = ("Problemet er løst", "Når du bekrefter, avsluttes saken din.", "Ja, det er løst", null),
            ["manufacturer-help"] = ("Jeg trenger fortsatt hjelp", "Kundeservice tar saken tilbake og svarer deg.", "Be kundeservice om hjelp", "Hva er fortsatt galt? (valgfritt)"),
        },
        "Takk. Det er gjort; du får en e-post om hva som skjer videre.",
        "Denne lenken er ikke gyldig. Den kan ha blitt kuttet da den ble kopiert. Bruk lenken i den siste e-posten om saken din, eller kontakt kundeservice med saksnummeret.",
        "Denne lenken er utløpt. Kontakt kundeservice med saksnummeret, eller bruk lenken i en nyere e-post om saken.",
        "Denne lenken er allerede brukt, {when}. Det er ikke mer å gjøre med den.",
        "Dette steget er ikke mulig lenger: {reason}",
        "Skriv noe her.");

    static readonly ActionPageTexts Swedish = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Godta kundombudsmannens beslut", "När du godtar avslutas ditt ärende.", "Godta beslutet", null),
            ["customer-external-body"] = ("Ta ärendet till ett externt organ", "Vi meddelar internt, sammanställer ärendet och deltar i prövningen. Anmäl till organet så som vårt mejl beskriver.", "Ja, jag tar ärendet dit", null),
            ["customer-accept"] = ("Godta det slutliga svaret", "När du godtar svaret avslutas ditt ärende.", "Godta svaret", null),
            ["customer-ombudsman"] = ("Be kundombudsmannen granska ärendet", "Den oberoende kundombudsmannen, som arbetar skild från kundservice, bedömer ditt ärende opartiskt.", "Skicka ärendet till kundombudsmannen", "Varför är du inte nöjd med svaret? (valfritt)"),
            ["manufacturer-solved"] = ("Problemet är löst", "När du bekräftar avslutas ditt ärende.", "Ja, det är löst", null),
            ["manufacturer-help"] = ("Jag behöver fortfarande hjälp", "Kundservice tar tillbaka ärendet och svarar dig.", "Be kundservice om hjälp", "Vad är fortfarande fel? (valfritt)"),
        },
        "Tack. Det är gjort; du får ett mejl om vad som händer härnäst.",
        "Den här länken är inte giltig. Den kan ha kortats när den kopierades. Använd länken i det senaste mejlet om ditt ärende, eller kontakta kundservice med ärendenumret.",
        "Den här länken har gått ut. Kontakta kundservice med ärendenumret, eller använd länken i ett nyare mejl om ärendet.",
        "Den här länken har redan använts, {when}. Det finns inget mer att göra med den.",
        "Det här steget är inte längre möjligt: {reason}",
        "Skriv något här.");

    static readonly ActionPageTexts Danish = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Accepter kundeombudsmandens afgørelse", "Når du accepterer, lukkes din sag.", "Accepter afgørelsen", null),
            ["customer-external-body"] = ("Tag sagen til et eksternt organ", "Vi giver besked internt, udarbejder sagsakterne og deltager i behandlingen. Indsend klagen til organet som beskrevet i vores e-mail.", "Ja, jeg tager sagen dertil", null),
            ["customer-accept"] = ("Accepter det endelige svar", "Når du accepterer svaret, lukkes din sag.", "Accepter svaret", null),
            ["customer-ombudsman"] = ("Bed kundeombudsmanden se på sagen", "Den uafhængige kundeombudsmand, som arbejder adskilt fra kundeservice, vurderer din sag upartisk.", "Send sagen til kundeombudsmanden", "Hvorfor er du ikke tilfreds med svaret? (valgfrit)"),
            ["manufacturer-solved"] = ("Problemet er løst", "Når du bekræfter, lukkes din sag.", "Ja, det er løst", null),
            ["manufacturer-help"] = ("Jeg har stadig brug for hjælp", "Kundeservice tager sagen tilbage og svarer dig.", "Bed kundeservice om hjælp", "Hvad er stadig galt? (valgfrit)"),
        },
        "Tak. Det er gjort; du får en e-mail om, hvad der sker nu.",
        "Dette link er ikke gyldigt. Det kan være blevet afkortet, da det blev kopieret. Brug linket i den seneste e-mail om din sag, eller kontakt kundeservice med sagsnummeret.",
        "Dette link er udløbet. Kontakt kundeservice med sagsnummeret, eller brug linket i en nyere e-mail om sagen.",
        "Dette link er allerede brugt, {when}. Der er ikke mere at gøre med det.",
        "Dette trin er ikke længere muligt: {reason}",
        "Skriv noget her.");

    static readonly ActionPageTexts Finnish = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Hyväksy asiakasasiamiehen päätös", "Kun hyväksyt, asiasi suljetaan.", "Hyväksy päätös", null),
            ["customer-external-body"] = ("Vie asia ulkopuoliselle elimelle", "Ilmoitamme asiasta sisäisesti, kokoamme asiakirjat ja osallistumme käsittelyyn. Tee valitus elimelle viestissämme kuvatulla tavalla.", "Kyllä, vien asian sinne", null),
            ["customer-accept"] = ("Hyväksy lopullinen vastaus", "Kun hyväksyt vastauksen, asiasi suljetaan.", "Hyväksy vastaus", null),
            ["customer-ombudsman"] = ("Pyydä asiakasasiamiestä arvioimaan asia", "Riippumaton asiakasasiamies, joka toimii erillään asiakaspalvelusta, arvioi asiasi puolueettomasti.", "Lähetä asia asiakasasiamiehelle", "Miksi et ole tyytyväinen vastaukseen? (vapaaehtoinen)"),
            ["manufacturer-solved"] = ("Ongelma on ratkaistu", "Kun vahvistat, asiasi suljetaan.", "Kyllä, se on ratkaistu", null),
            ["manufacturer-help"] = ("Tarvitsen edelleen apua", "Asiakaspalvelu ottaa asian takaisin ja vastaa sinulle.", "Pyydä apua asiakaspalvelulta", "Mikä on edelleen vialla? (vapaaehtoinen)"),
        },
        "Kiitos. Se on tehty; saat sähköpostin siitä, mitä seuraavaksi tapahtuu.",
        "Tämä linkki ei ole voimassa. Se on voinut katketa kopioitaessa. Käytä asiaasi koskevan viimeisimmän viestin linkkiä tai ota yhteyttä asiakaspalveluun asianumerolla.",
        "Tämä linkki on vanhentunut. Ota yhteyttä asiakaspalveluun asianumerolla tai käytä uudemman viestin linkkiä.",
        "Tätä linkkiä on jo käytetty, {when}. Sillä ei tarvitse tehdä enempää.",
        "Tämä vaihe ei ole enää mahdollinen: {reason}",
        "Kirjoita tähän jotain.");
}
