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
            ["customer-survey"] = ("How we handled your complaint", "You chose {score} of 5 (1 = very dissatisfied, 5 = very satisfied). If you like, tell us what we could do better, then send your answer. Nothing is sent until you press the button.", "Send my answer", "What could we have done better? (optional)"),
        },
        "Thank you. It is done; you will get a mail about what happens next.",
        "This link is not valid. It may have been cut short when it was copied. Use the link in the latest mail about your case, or contact customer service with your case number.",
        "This link has expired. Contact customer service with your case number, or use the link in a newer mail about your case.",
        "This link has already been used, on {when}. Nothing more needs to be done through it.",
        "This step is not possible any more: {reason}",
        "Please write something here.")
    {
        SurveyThanks = "Thank you for your answer. It helps us handle complaints better.",
        Refusals = new("Link not valid", "Link expired", "Link already used", "Not possible now", "Not allowed",
            "This link does not allow this step. Contact customer service with your case number.",
            "This step is not possible any more: your case has moved on since the mail with this link. The status page in our latest mail shows where it is now.",
            "Case not found",
            "We found no case for this link. Use the link in the latest mail about your case, or contact customer service with your case number."),
    };

    static readonly ActionPageTexts Norwegian = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Godta kundeombudsmannens avgjørelse", "Når du godtar, avsluttes saken din.", "Godta avgjørelsen", null),
            ["customer-external-body"] = ("Ta saken til et eksternt organ", "Vi sier fra internt, lager saksdokumentene og deltar i behandlingen. Send klagen til organet slik e-posten vår beskriver.", "Ja, jeg tar saken dit", null),
            ["customer-accept"] = ("Godta det endelige svaret", "Når du godtar svaret, avsluttes saken din.", "Godta svaret", null),
            ["customer-ombudsman"] = ("Be kundeombudsmannen se på saken", "Den uavhengige kundeombudsmannen, som arbeider atskilt fra kundeservice, vurderer saken din upartisk.", "Send saken til kundeombudsmannen", "Hvorfor er du ikke fornøyd med svaret? (valgfritt)"),
            ["manufacturer-solved"] = ("Problemet er løst", "Når du bekrefter, avsluttes saken din.", "Ja, det er løst", null),
            ["manufacturer-help"] = ("Jeg trenger fortsatt hjelp", "Kundeservice tar saken tilbake og svarer deg.", "Be kundeservice om hjelp", "Hva er fortsatt galt? (valgfritt)"),
            ["customer-survey"] = ("Slik behandlet vi klagen din", "Du valgte {score} av 5 (1 = svært misfornøyd, 5 = svært fornøyd). Fortell oss gjerne hva vi kunne gjort bedre, og send svaret. Ingenting sendes før du trykker på knappen.", "Send svaret mitt", "Hva kunne vi gjort bedre? (valgfritt)"),
        },
        "Takk. Det er gjort; du får en e-post om hva som skjer videre.",
        "Denne lenken er ikke gyldig. Den kan ha blitt kuttet da den ble kopiert. Bruk lenken i den siste e-posten om saken din, eller kontakt kundeservice med saksnummeret.",
        "Denne lenken er utløpt. Kontakt kundeservice med saksnummeret, eller bruk lenken i en nyere e-post om saken.",
        "Denne lenken er allerede brukt, {when}. Det er ikke mer å gjøre med den.",
        "Dette steget er ikke mulig lenger: {reason}",
        "Skriv noe her.")
    {
        SurveyThanks = "Takk for svaret ditt. Det hjelper oss å behandle klager bedre.",
        Refusals = new("Lenken er ikke gyldig", "Lenken er utløpt", "Lenken er allerede brukt", "Ikke mulig nå", "Ikke tillatt",
            "Denne lenken gir ikke adgang til dette steget. Kontakt kundeservice med saksnummeret.",
            "Dette steget er ikke mulig lenger: saken din har gått videre siden e-posten med denne lenken. Statussiden i den siste e-posten vår viser hvor den er nå.",
            "Fant ingen sak",
            "Vi fant ingen sak for denne lenken. Bruk lenken i den siste e-posten om saken din, eller kontakt kundeservice med saksnummeret."),
    };

    static readonly ActionPageTexts Swedish = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Godta kundombudsmannens beslut", "När du godtar avslutas ditt ärende.", "Godta beslutet", null),
            ["customer-external-body"] = ("Ta ärendet till ett externt organ", "Vi meddelar internt, sammanställer ärendet och deltar i prövningen. Anmäl till organet så som vårt mejl beskriver.", "Ja, jag tar ärendet dit", null),
            ["customer-accept"] = ("Godta det slutliga svaret", "När du godtar svaret avslutas ditt ärende.", "Godta svaret", null),
            ["customer-ombudsman"] = ("Be kundombudsmannen granska ärendet", "Den oberoende kundombudsmannen, som arbetar skild från kundservice, bedömer ditt ärende opartiskt.", "Skicka ärendet till kundombudsmannen", "Varför är du inte nöjd med svaret? (valfritt)"),
            ["manufacturer-solved"] = ("Problemet är löst", "När du bekräftar avslutas ditt ärende.", "Ja, det är löst", null),
            ["manufacturer-help"] = ("Jag behöver fortfarande hjälp", "Kundservice tar tillbaka ärendet och svarar dig.", "Be kundservice om hjälp", "Vad är fortfarande fel? (valfritt)"),
            ["customer-survey"] = ("Så hanterade vi ditt klagomål", "Du valde {score} av 5 (1 = mycket missnöjd, 5 = mycket nöjd). Berätta gärna vad vi kunde ha gjort bättre och skicka sedan ditt svar. Inget skickas förrän du trycker på knappen.", "Skicka mitt svar", "Vad kunde vi ha gjort bättre? (valfritt)"),
        },
        "Tack. Det är gjort; du får ett mejl om vad som händer härnäst.",
        "Den här länken är inte giltig. Den kan ha kortats när den kopierades. Använd länken i det senaste mejlet om ditt ärende, eller kontakta kundservice med ärendenumret.",
        "Den här länken har gått ut. Kontakta kundservice med ärendenumret, eller använd länken i ett nyare mejl om ärendet.",
        "Den här länken har redan använts, {when}. Det finns inget mer att göra med den.",
        "Det här steget är inte längre möjligt: {reason}",
        "Skriv något här.")
    {
        SurveyThanks = "Tack för ditt svar. Det hjälper oss att hantera klagomål bättre.",
        Refusals = new("Länken är inte giltig", "Länken har gått ut", "Länken har redan använts", "Inte möjligt nu", "Inte tillåtet",
            "Den här länken ger inte tillgång till det här steget. Kontakta kundservice med ärendenumret.",
            "Det här steget är inte längre möjligt: ditt ärende har gått vidare sedan mejlet med den här länken. Statussidan i vårt senaste mejl visar var det är nu.",
            "Inget ärende hittades",
            "Vi hittade inget ärende för den här länken. Använd länken i det senaste mejlet om ditt ärende, eller kontakta kundservice med ärendenumret."),
    };

    static readonly ActionPageTexts Danish = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Accepter kundeombudsmandens afgørelse", "Når du accepterer, lukkes din sag.", "Accepter afgørelsen", null),
            ["customer-external-body"] = ("Tag sagen til et eksternt organ", "Vi giver besked internt, udarbejder sagsakterne og deltager i behandlingen. Indsend klagen til organet som beskrevet i vores e-mail.", "Ja, jeg tager sagen dertil", null),
            ["customer-accept"] = ("Accepter det endelige svar", "Når du accepterer svaret, lukkes din sag.", "Accepter svaret", null),
            ["customer-ombudsman"] = ("Bed kundeombudsmanden se på sagen", "Den uafhængige kundeombudsmand, som arbejder adskilt fra kundeservice, vurderer din sag upartisk.", "Send sagen til kundeombudsmanden", "Hvorfor er du ikke tilfreds med svaret? (valgfrit)"),
            ["manufacturer-solved"] = ("Problemet er løst", "Når du bekræfter, lukkes din sag.", "Ja, det er løst", null),
            ["manufacturer-help"] = ("Jeg har stadig brug for hjælp", "Kundeservice tager sagen tilbage og svarer dig.", "Bed kundeservice om hjælp", "Hvad er stadig galt? (valgfrit)"),
            ["customer-survey"] = ("Sådan behandlede vi din klage", "Du valgte {score} af 5 (1 = meget utilfreds, 5 = meget tilfreds). Fortæl os gerne, hvad vi kunne have gjort bedre, og send så dit svar. Intet sendes, før du trykker på knappen.", "Send mit svar", "Hvad kunne vi have gjort bedre? (valgfrit)"),
        },
        "Tak. Det er gjort; du får en e-mail om, hvad der sker nu.",
        "Dette link er ikke gyldigt. Det kan være blevet afkortet, da det blev kopieret. Brug linket i den seneste e-mail om din sag, eller kontakt kundeservice med sagsnummeret.",
        "Dette link er udløbet. Kontakt kundeservice med sagsnummeret, eller brug linket i en nyere e-mail om sagen.",
        "Dette link er allerede brugt, {when}. Der er ikke mere at gøre med det.",
        "Dette trin er ikke længere muligt: {reason}",
        "Skriv noget her.")
    {
        SurveyThanks = "Tak for dit svar. Det hjælper os med at behandle klager bedre.",
        Refusals = new("Linket er ikke gyldigt", "Linket er udløbet", "Linket er allerede brugt", "Ikke muligt nu", "Ikke tilladt",
            "Dette link giver ikke adgang til dette trin. Kontakt kundeservice med sagsnummeret.",
            "Dette trin er ikke længere muligt: din sag er gået videre siden e-mailen med dette link. Statussiden i vores seneste e-mail viser, hvor den er nu.",
            "Ingen sag fundet",
            "Vi fandt ingen sag for dette link. Brug linket i den seneste e-mail om din sag, eller kontakt kundeservice med sagsnummeret."),
    };

    static readonly ActionPageTexts Finnish = new(
        new Dictionary<string, (string, string, string, string?)>
        {
            ["customer-accept-decision"] = ("Hyväksy asiakasasiamiehen päätös", "Kun hyväksyt, asiasi suljetaan.", "Hyväksy päätös", null),
            ["customer-external-body"] = ("Vie asia ulkopuoliselle elimelle", "Ilmoitamme asiasta sisäisesti, kokoamme asiakirjat ja osallistumme käsittelyyn. Tee valitus elimelle viestissämme kuvatulla tavalla.", "Kyllä, vien asian sinne", null),
            ["customer-accept"] = ("Hyväksy lopullinen vastaus", "Kun hyväksyt vastauksen, asiasi suljetaan.", "Hyväksy vastaus", null),
            ["customer-ombudsman"] = ("Pyydä asiakasasiamiestä arvioimaan asia", "Riippumaton asiakasasiamies, joka toimii erillään asiakaspalvelusta, arvioi asiasi puolueettomasti.", "Lähetä asia asiakasasiamiehelle", "Miksi et ole tyytyväinen vastaukseen? (vapaaehtoinen)"),
            ["manufacturer-solved"] = ("Ongelma on ratkaistu", "Kun vahvistat, asiasi suljetaan.", "Kyllä, se on ratkaistu", null),
            ["manufacturer-help"] = ("Tarvitsen edelleen apua", "Asiakaspalvelu ottaa asian takaisin ja vastaa sinulle.", "Pyydä apua asiakaspalvelulta", "Mikä on edelleen vialla? (vapaaehtoinen)"),
            ["customer-survey"] = ("Näin käsittelimme valituksesi", "Valitsit {score}/5 (1 = erittäin tyytymätön, 5 = erittäin tyytyväinen). Kerro halutessasi, mitä olisimme voineet tehdä paremmin, ja lähetä vastauksesi. Mitään ei lähetetä ennen kuin painat painiketta.", "Lähetä vastaukseni", "Mitä olisimme voineet tehdä paremmin? (vapaaehtoinen)"),
        },
        "Kiitos. Se on tehty; saat sähköpostin siitä, mitä seuraavaksi tapahtuu.",
        "Tämä linkki ei ole voimassa. Se on voinut katketa kopioitaessa. Käytä asiaasi koskevan viimeisimmän viestin linkkiä tai ota yhteyttä asiakaspalveluun asianumerolla.",
        "Tämä linkki on vanhentunut. Ota yhteyttä asiakaspalveluun asianumerolla tai käytä uudemman viestin linkkiä.",
        "Tätä linkkiä on jo käytetty, {when}. Sillä ei tarvitse tehdä enempää.",
        "Tämä vaihe ei ole enää mahdollinen: {reason}",
        "Kirjoita tähän jotain.")
    {
        SurveyThanks = "Kiitos vastauksestasi. Se auttaa meitä käsittelemään valituksia paremmin.",
        Refusals = new("Linkki ei ole voimassa", "Linkki on vanhentunut", "Linkkiä on jo käytetty", "Ei mahdollista nyt", "Ei sallittu",
            "Tämä linkki ei salli tätä vaihetta. Ota yhteyttä asiakaspalveluun asianumerolla.",
            "Tämä vaihe ei ole enää mahdollinen: asiasi on edennyt sen viestin jälkeen, jossa tämä linkki oli. Viimeisimmän viestimme tilasivu näyttää, missä se on nyt.",
            "Asiaa ei löytynyt",
            "Emme löytäneet asiaa tälle linkille. Käytä asiaasi koskevan viimeisimmän viestin linkkiä tai ota yhteyttä asiakaspalveluun asianumerolla."),
    };
}

/// <summary>Titles and words of the pages that refuse a link, in one language.</summary>
/// <param name="MovedOn">What a customer reads when the step is no longer possible (the process's own reason is for staff).</param>
public sealed record LinkRefusalTexts(string InvalidTitle, string ExpiredTitle, string UsedTitle, string NotNowTitle, string NotAllowedTitle, string NotAllowed, string MovedOn, string NotFoundTitle, string NotFound);
