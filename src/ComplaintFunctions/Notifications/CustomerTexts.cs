namespace ComplaintFunctions.Notifications;

/// <summary>What we say to customers, per language. Plain words; one place to change the tone.</summary>
public sealed record CustomerTexts(
    string AcknowledgementSubject,
    string ProgressSubject,
    Func<string?, string> Greeting,
    Func<string, string> Received,
    Func<string, string> StillWorking,
    string WhatHappensNext,
    Func<string, string> StatusLink,
    Func<string, string, string> HowToReachUs,
    string SignOff)
{
    public static CustomerTexts For(string? language) => language switch
    {
        "nb" => Norwegian,
        "sv" => Swedish,
        "da" => Danish,
        "fi" => Finnish,
        _ => English,
    };

    static readonly CustomerTexts English = new(
        "We have received your complaint",
        "Your complaint is still being handled",
        name => string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},",
        number => $"Thank you for contacting us. We have received your complaint and given it the case number {number}.",
        number => $"This is a short update on case {number}: customer service is still working on it, and you have not been forgotten.",
        "What happens next: customer service reads every complaint and answers as fast as it can. If we cannot solve it at once, we will write to you as the case moves on.",
        url => $"See the status of your case: {url}",
        (phone, email) => $"To add something, reply to this mail and keep the case number in the subject. You can also call customer service on {phone} or write to {email}.",
        "Best regards\nCustomer service");

    static readonly CustomerTexts Norwegian = new(
        "Vi har mottatt klagen din",
        "Klagen din er fortsatt under behandling",
        name => string.IsNullOrWhiteSpace(name) ? "Hei," : $"Hei {name},",
        number => $"Takk for at du kontaktet oss. Vi har mottatt klagen din og gitt den saksnummeret {number}.",
        number => $"Dette er en kort oppdatering om sak {number}: kundeservice arbeider fortsatt med den, og du er ikke glemt.",
        "Hva skjer nå: Kundeservice leser alle klager og svarer så raskt vi kan. Hvis vi ikke kan løse saken med en gang, holder vi deg orientert underveis.",
        url => $"Se status for saken din: {url}",
        (phone, email) => $"Vil du legge til noe, svarer du på denne e-posten og beholder saksnummeret i emnefeltet. Du kan også ringe kundeservice på {phone} eller skrive til {email}.",
        "Vennlig hilsen\nKundeservice");

    static readonly CustomerTexts Swedish = new(
        "Vi har tagit emot ditt klagomål",
        "Ditt klagomål behandlas fortfarande",
        name => string.IsNullOrWhiteSpace(name) ? "Hej," : $"Hej {name},",
        number => $"Tack för att du kontaktade oss. Vi har tagit emot ditt klagomål och gett det ärendenumret {number}.",
        number => $"Det här är en kort uppdatering om ärende {number}: kundservice arbetar fortfarande med det, och du är inte bortglömd.",
        "Vad händer nu: Kundservice läser alla klagomål och svarar så snabbt vi kan. Om vi inte kan lösa ärendet direkt håller vi dig informerad om hur det går.",
        url => $"Se status för ditt ärende: {url}",
        (phone, email) => $"Vill du lägga till något svarar du på det här mejlet och behåller ärendenumret i ämnesraden. Du kan också ringa kundservice på {phone} eller skriva till {email}.",
        "Vänliga hälsningar\nKundservice");

    static readonly CustomerTexts Danish = new(
        "Vi har modtaget din klage",
        "Din klage er stadig under behandling",
        name => string.IsNullOrWhiteSpace(name) ? "Hej," : $"Hej {name},",
        number => $"Tak fordi du kontaktede os. Vi har modtaget din klage og givet den sagsnummeret {number}.",
        number => $"Dette er en kort opdatering om sag {number}: kundeservice arbejder stadig på den, og du er ikke glemt.",
        "Hvad sker der nu: Kundeservice læser alle klager og svarer så hurtigt vi kan. Hvis vi ikke kan løse sagen med det samme, holder vi dig orienteret undervejs.",
        url => $"Se status for din sag: {url}",
        (phone, email) => $"Vil du tilføje noget, så svar på denne e-mail og behold sagsnummeret i emnefeltet. Du kan også ringe til kundeservice på {phone} eller skrive til {email}.",
        "Venlig hilsen\nKundeservice");

    static readonly CustomerTexts Finnish = new(
        "Olemme vastaanottaneet valituksesi",
        "Valituksesi käsittely jatkuu",
        name => string.IsNullOrWhiteSpace(name) ? "Hei," : $"Hei {name},",
        number => $"Kiitos yhteydenotostasi. Olemme vastaanottaneet valituksesi ja antaneet sille asianumeron {number}.",
        number => $"Tämä on lyhyt tilannekatsaus asiaan {number}: asiakaspalvelu käsittelee sitä edelleen, etkä ole unohtunut.",
        "Mitä seuraavaksi tapahtuu: Asiakaspalvelu lukee jokaisen valituksen ja vastaa niin nopeasti kuin voimme. Jos asiaa ei voida ratkaista heti, kerromme sinulle, miten käsittely etenee.",
        url => $"Katso asiasi tila: {url}",
        (phone, email) => $"Jos haluat lisätä jotain, vastaa tähän viestiin ja säilytä asianumero otsikossa. Voit myös soittaa asiakaspalveluun numeroon {phone} tai kirjoittaa osoitteeseen {email}.",
        "Ystävällisin terveisin\nAsiakaspalvelu");
}
