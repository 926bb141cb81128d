using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Intake;

/// <summary>The status page's words per language: where the case is and what happens next.</summary>
public static class StatusTexts
{
    /// <summary>The status page of a case whose personal data was erased (on request, or when its retention period ran out).</summary>
    public static (string Title, string Message) Erased(string? language) => language switch
    {
        "nb" => ("Klagen din", "Personopplysningene i denne saken er slettet: navnet ditt, kontaktopplysningene dine og det du skrev til oss. Vi har bare beholdt anonyme fakta om saken, som kategori og datoer. Har du spørsmål, kontakter du kundeservice med saksnummeret."),
        "sv" => ("Ditt klagomål", "Personuppgifterna i det här ärendet har raderats: ditt namn, dina kontaktuppgifter och det du skrev till oss. Vi har bara sparat anonyma fakta om ärendet, som kategori och datum. Har du frågor kontaktar du kundservice med ärendenumret."),
        "da" => ("Din klage", "Personoplysningerne i denne sag er slettet: dit navn, dine kontaktoplysninger og det, du skrev til os. Vi har kun gemt anonyme fakta om sagen, som kategori og datoer. Har du spørgsmål, kontakter du kundeservice med sagsnummeret."),
        "fi" => ("Reklamaatiosi", "Tämän asian henkilötiedot on poistettu: nimesi, yhteystietosi ja se, mitä kirjoitit meille. Olemme säilyttäneet asiasta vain nimettömiä tietoja, kuten luokan ja päivämäärät. Jos sinulla on kysyttävää, ota yhteyttä asiakaspalveluun asianumerolla."),
        _ => ("Your complaint", "The personal data of this case has been erased: your name, your contact details and what you wrote to us. We have kept only anonymous facts about the case, such as its category and dates. If you have questions, contact customer service with the case number."),
    };

    public static (string Title, string Reported, string LastChange, string Stage, string Next) For(string? language, CaseStage stage) => language switch
    {
        "nb" => ("Klagen din", "Meldt", "Sist endret", stage switch
        {
            CaseStage.CustomerService => "Saken din er hos kundeservice.",
            CaseStage.WaitingForCustomer => "Vi venter på svar fra deg.",
            CaseStage.FinalAnswer => "Kundeservice har gitt sitt endelige svar.",
            CaseStage.OmbudsmanReview => "Kundeombudsmannen vurderer saken din.",
            CaseStage.ExternalBody => "Saken din er hos et nasjonalt tvisteløsningsorgan.",
            _ => "Saken er avsluttet.",
        }, stage switch
        {
            CaseStage.CustomerService => "Kundeservice svarer deg på e-post. Tar det tid, skriver vi til deg underveis.",
            CaseStage.WaitingForCustomer => "Se vår siste e-post og svar på den.",
            CaseStage.FinalAnswer => "Godta svaret, eller be den uavhengige kundeombudsmannen se på saken, med lenkene i e-posten.",
            CaseStage.OmbudsmanReview => "Kundeombudsmannen arbeider uavhengig av kundeservice og skriver til deg med en avgjørelse.",
            CaseStage.ExternalBody => "Vi deltar i behandlingen og følger anbefalingen.",
            _ => "Er noe fortsatt galt, kontakter du kundeservice med saksnummeret.",
        }),
        "sv" => ("Ditt klagomål", "Anmält", "Senast ändrat", stage switch
        {
            CaseStage.CustomerService => "Ditt ärende ligger hos kundservice.",
            CaseStage.WaitingForCustomer => "Vi väntar på svar från dig.",
            CaseStage.FinalAnswer => "Kundservice har lämnat sitt slutliga svar.",
            CaseStage.OmbudsmanReview => "Kundombudsmannen granskar ditt ärende.",
            CaseStage.ExternalBody => "Ditt ärende ligger hos ett nationellt tvistlösningsorgan.",
            _ => "Ärendet är avslutat.",
        }, stage switch
        {
            CaseStage.CustomerService => "Kundservice svarar dig via mejl. Tar det tid skriver vi till dig under tiden.",
            CaseStage.WaitingForCustomer => "Läs vårt senaste mejl och svara på det.",
            CaseStage.FinalAnswer => "Godta svaret, eller be den oberoende kundombudsmannen granska ärendet, med länkarna i mejlet.",
            CaseStage.OmbudsmanReview => "Kundombudsmannen arbetar oberoende av kundservice och skriver till dig med ett beslut.",
            CaseStage.ExternalBody => "Vi deltar i prövningen och följer rekommendationen.",
            _ => "Är något fortfarande fel kontaktar du kundservice med ärendenumret.",
        }),
        "da" => ("Din klage", "Indsendt", "Senest ændret", stage switch
        {
            CaseStage.CustomerService => "Din sag ligger hos kundeservice.",
            CaseStage.WaitingForCustomer => "Vi venter på svar fra dig.",
            CaseStage.FinalAnswer => "Kundeservice har givet sit endelige svar.",
            CaseStage.OmbudsmanReview => "Kundeombudsmanden vurderer din sag.",
            CaseStage.ExternalBody => "Din sag ligger hos et nationalt klageorgan.",
            _ => "Sagen er lukket.",
        }, stage switch
        {
            CaseStage.CustomerService => "Kundeservice svarer dig på e-mail. Tager det tid, skriver vi til dig undervejs.",
            CaseStage.WaitingForCustomer => "Læs vores seneste e-mail og svar på den.",
            CaseStage.FinalAnswer => "Accepter svaret, eller bed den uafhængige kundeombudsmand se på sagen, med linkene i e-mailen.",
            CaseStage.OmbudsmanReview => "Kundeombudsmanden arbejder uafhængigt af kundeservice og skriver til dig med en afgørelse.",
            CaseStage.ExternalBody => "Vi deltager i behandlingen og følger anbefalingen.",
            _ => "Er noget stadig galt, så kontakt kundeservice med sagsnummeret.",
        }),
        "fi" => ("Valituksesi", "Jätetty", "Viimeksi muutettu", stage switch
        {
            CaseStage.CustomerService => "Asiasi on asiakaspalvelussa.",
            CaseStage.WaitingForCustomer => "Odotamme vastaustasi.",
            CaseStage.FinalAnswer => "Asiakaspalvelu on antanut lopullisen vastauksensa.",
            CaseStage.OmbudsmanReview => "Asiakasasiamies arvioi asiaasi.",
            CaseStage.ExternalBody => "Asiasi on kansallisen riidanratkaisuelimen käsittelyssä.",
            _ => "Asia on suljettu.",
        }, stage switch
        {
            CaseStage.CustomerService => "Asiakaspalvelu vastaa sinulle sähköpostitse. Jos se vie aikaa, kerromme sinulle tilanteesta.",
            CaseStage.WaitingForCustomer => "Lue viimeisin viestimme ja vastaa siihen.",
            CaseStage.FinalAnswer => "Hyväksy vastaus tai pyydä riippumatonta asiakasasiamiestä arvioimaan asia viestin linkeillä.",
            CaseStage.OmbudsmanReview => "Asiakasasiamies toimii asiakaspalvelusta riippumattomasti ja kirjoittaa sinulle päätöksestään.",
            CaseStage.ExternalBody => "Osallistumme käsittelyyn ja noudatamme suositusta.",
            _ => "Jos jokin on edelleen vialla, ota yhteyttä asiakaspalveluun asianumerolla.",
        }),
        _ => ("Your complaint", "Reported", "Last change", $"Your case is {stage.Describe()}.", stage switch
        {
            CaseStage.CustomerService => "Customer service is looking at your complaint and will answer you by mail. If it takes time, we will write to you on the way.",
            CaseStage.WaitingForCustomer => "We are waiting for an answer from you: see our latest mail.",
            CaseStage.FinalAnswer => "Accept the final answer, or ask the independent customer ombudsman to review the case, with the links in that mail.",
            CaseStage.OmbudsmanReview => "The customer ombudsman, who works independently of customer service, will write to you with a decision.",
            CaseStage.ExternalBody => "Your case is with a national consumer dispute body. We take part and will follow its recommendation.",
            _ => "If something is still wrong, contact customer service with your case number.",
        }),
    };
}
