using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Service;

/// <summary>Where a new case goes, and the checks staff see beside triage's.</summary>
public sealed record RoutingDecision(TriageRoute Route, IReadOnlyList<TriageCheck> Checks);

/// <summary>
/// Decides the route of a new case from triage, who set its category, and whether a manufacturer's
/// support contact is known. Sending a case away from people (to the manufacturer's support, where
/// it closes by itself when the customer's window runs out) needs a category a person chose and a
/// real manufacturer contact; anything less goes to the team, which sees why.
/// </summary>
public static class CaseRouting
{
    /// <param name="manufacturerContactKnown">
    /// The directory has a support contact of the case's manufacturer for the customer's country
    /// (not our own customer service standing in for an unknown manufacturer).
    /// </param>
    public static RoutingDecision Decide(TriageResult triage, ComplaintDetails details, bool manufacturerContactKnown)
    {
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(details);
        var checks = new List<TriageCheck>();
        if (details.CategorySource == CategorySource.Suggested && details.Category != ComplaintCategory.Other)
        {
            checks.Add(new TriageCheck(
                TriageCodes.CategorySuggested,
                TriageVerdict.Unknown,
                details.SuggestedFrom is { Length: > 0 } words
                    ? new(
                        $"The category '{details.Category.ToWire()}' was suggested from the words \"{words}\" in the mail; the customer did not choose it. Read the mail and confirm or change it.",
                        $"Kategorien «{details.Category.StaffName("nb")}» ble foreslått ut fra ordene «{words}» i e-posten; kunden valgte den ikke selv. Les e-posten og bekreft eller endre kategorien.")
                    : new(
                        $"The category '{details.Category.ToWire()}' was suggested from the mail; the customer did not choose it. Read the mail and confirm or change it.",
                        $"Kategorien «{details.Category.StaffName("nb")}» ble foreslått ut fra e-posten; kunden valgte den ikke selv. Les e-posten og bekreft eller endre kategorien.")));
        }

        if (triage.Route != TriageRoute.ManufacturerSupport)
        {
            return new RoutingDecision(triage.Route, checks);
        }

        if (details.CategorySource == CategorySource.Suggested)
        {
            checks.Add(new TriageCheck(
                TriageCodes.Routing,
                TriageVerdict.Warning,
                new(
                    "Not sent to the manufacturer's support: the category was only suggested from words, so a person decides. If it is a service or support question, give the customer the manufacturer's contact in your answer.",
                    "Ikke sendt til produsentens support: kategorien ble bare foreslått ut fra ord i e-posten, så en person avgjør. Er det et service- eller supportspørsmål, gi kunden produsentens kontaktinformasjon i svaret ditt.")));
            return new RoutingDecision(TriageRoute.CustomerService, checks);
        }

        if (!manufacturerContactKnown)
        {
            checks.Add(new TriageCheck(
                TriageCodes.Routing,
                TriageVerdict.Warning,
                string.IsNullOrWhiteSpace(details.Purchase.Manufacturer)
                    ? new(
                        "Not sent to the manufacturer's support: the customer did not say who made the product. Ask, or answer the question here.",
                        "Ikke sendt til produsentens support: kunden har ikke sagt hvem som har laget produktet. Spør, eller svar på spørsmålet her.")
                    : new(
                        $"Not sent to the manufacturer's support: the directory has no support contact of {details.Purchase.Manufacturer.Trim()} for {details.Customer.Country}. Find it and give it to the customer, or answer the question here.",
                        $"Ikke sendt til produsentens support: produsentoversikten har ingen supportkontakt hos {details.Purchase.Manufacturer.Trim()} for {details.Customer.Country}. Finn den og gi den til kunden, eller svar på spørsmålet her.")));
            return new RoutingDecision(TriageRoute.CustomerService, checks);
        }

        return new RoutingDecision(TriageRoute.ManufacturerSupport, checks);
    }
}
