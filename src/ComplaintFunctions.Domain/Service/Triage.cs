using System.Globalization;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Service;

public enum TriageVerdict
{
    Ok,
    Warning,
    Fails,
    /// <summary>A fact is missing; the explanation says what to ask.</summary>
    Unknown,
}

/// <summary>Where the case goes first. Persisted by name in open cases; the numbers are fixed too (version 1 wrote them).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TriageRoute>))]
public enum TriageRoute
{
    /// <summary>An agent handles it (claims, warranty questions, delivery problems, anything unclear).</summary>
    CustomerService = 0,
    /// <summary>Service and support questions: the customer is sent to the manufacturer's support (process step 2).</summary>
    ManufacturerSupport = 1,
    /// <summary>Broken on arrival and delivered within the DOA window: exchange the product.</summary>
    DoaExchange = 2,
}

/// <summary>The codes of the checks, stable for screens and tests.</summary>
public static class TriageCodes
{
    public const string Doa = "doa";
    public const string ClaimWindow = "claim-window";
    public const string ClaimDiscovery = "claim-discovery";
    public const string ClaimPresumption = "claim-presumption";
    public const string ClaimRepair = "claim-repair";
    public const string Warranty = "warranty";
    public const string ManufacturerSupport = "manufacturer-support";
    public const string Delivery = "delivery";
    public const string Category = "category";
    public const string Dates = "dates";
    public const string CategorySuggested = "category-suggested";
    public const string Routing = "routing";
}

/// <summary>
/// A check's words in each staff language (<c>Staff:Language</c> is nb or en), written side by side
/// so the facts and numbers of the two cannot drift apart.
/// </summary>
public sealed record TriageText(string En, string Nb)
{
    /// <summary>The words in <paramref name="language"/>; anything but nb reads English, as staff mails do.</summary>
    public string In(string? language) => language == "nb" ? Nb : En;
}

/// <summary>One thing the agent should know about the case, in plain words in each staff language.</summary>
/// <param name="Deadline">The last day something can be done (DOA exchange, a claim), when there is one.</param>
public sealed record TriageCheck(string Code, TriageVerdict Verdict, TriageText Text, DateOnly? Deadline = null)
{
    /// <summary>The English words: the case's trail is written in English.</summary>
    public string Explanation => Text.En;

    public string ExplanationIn(string? language) => Text.In(language);
}

public static class TriageVerdictNames
{
    /// <summary>The verdict as staff read it beside a check, in the staff language.</summary>
    public static string StaffWord(this TriageVerdict verdict, string? language) => (language == "nb", verdict) switch
    {
        (true, TriageVerdict.Ok) => "ok",
        (true, TriageVerdict.Warning) => "advarsel",
        (true, TriageVerdict.Fails) => "ikke oppfylt",
        (true, _) => "ukjent",
        (false, TriageVerdict.Ok) => "ok",
        (false, TriageVerdict.Warning) => "warning",
        (false, TriageVerdict.Fails) => "fails",
        _ => "unknown",
    };
}

public sealed record TriageResult(TriageRoute Route, IReadOnlyList<TriageCheck> Checks)
{
    public TriageCheck? Find(string code) => Checks.FirstOrDefault(c => c.Code == code);
}

/// <summary>
/// The first look at a new case: which path it takes and what the agent should check, from what
/// the customer told us and today's date. Plain facts only; the agent decides.
/// </summary>
public static class Triage
{
    /// <summary>Triage of <paramref name="details"/> on <paramref name="today"/> (the date in the retailer's time zone).</summary>
    /// <param name="longLivedGoods">Whether the agent judged the product as meant to last substantially longer than usual (null: not judged yet).</param>
    /// <param name="repair">A repair under a claim of the same product of the same order, from the repair register (null: none on record).</param>
    public static TriageResult Assess(ComplaintDetails details, DateOnly today, TriageOptions? options = null, bool? longLivedGoods = null, RepairOnRecord? repair = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        options ??= new TriageOptions();
        var purchase = details.Purchase;
        var country = details.Customer.Country;
        var checks = new List<TriageCheck>();
        var route = TriageRoute.CustomerService;

        if (DateProblems(purchase, today) is { } problem)
        {
            checks.Add(new TriageCheck(TriageCodes.Dates, TriageVerdict.Warning, problem));
        }

        switch (details.Category)
        {
            case ComplaintCategory.Doa:
                var doa = DoaCheck(purchase, today, options);
                checks.Add(doa);
                if (doa.Verdict == TriageVerdict.Ok)
                {
                    route = TriageRoute.DoaExchange;
                }
                else
                {
                    AddClaimChecks(checks, purchase, country, today, options, longLivedGoods, repair);
                }

                break;
            case ComplaintCategory.Claim:
                AddClaimChecks(checks, purchase, country, today, options, longLivedGoods, repair);
                break;
            case ComplaintCategory.Warranty:
                var maker = Maker(purchase);
                checks.Add(new TriageCheck(
                    TriageCodes.Warranty,
                    TriageVerdict.Unknown,
                    new(
                        $"A warranty is {maker.En}'s voluntary promise: its length, what it covers and where the product goes are the manufacturer's terms, so check them. " +
                        "The customer's legal claim right against us, the seller, exists beside the warranty and does not depend on it; the claim checks below say whether it still runs.",
                        $"En garanti er et frivillig løfte fra {maker.Nb}: hvor lenge den varer, hva den dekker og hvor produktet skal sendes, står i produsentens vilkår, så sjekk dem. " +
                        "Kundens reklamasjonsrett etter loven overfor oss som selger gjelder ved siden av garantien og er uavhengig av den; reklamasjonskontrollene nedenfor viser om den fortsatt gjelder.")));
                AddClaimChecks(checks, purchase, country, today, options, longLivedGoods, repair);
                break;
            case ComplaintCategory.Service or ComplaintCategory.Support:
                route = TriageRoute.ManufacturerSupport;
                checks.Add(ManufacturerCheck(details.Category, purchase));
                break;
            case ComplaintCategory.Delivery:
                checks.Add(DeliveryCheck(purchase, today, options));
                break;
            default:
                checks.Add(new TriageCheck(
                    TriageCodes.Category,
                    TriageVerdict.Unknown,
                    new(
                        "The customer did not pick one of the process's kinds of complaint. Read the description and set the category (claim, DOA, warranty, service, support or delivery) to get the right checks.",
                        "Kunden valgte ikke en av sakstypene i prosessen. Les beskrivelsen og sett kategori (reklamasjon, DOA, garanti, service, support eller levering), så får du de riktige kontrollene.")));
                break;
        }

        return new TriageResult(route, checks);
    }

    static TriageCheck DoaCheck(Purchase purchase, DateOnly today, TriageOptions options)
    {
        var window = options.DoaDays.ToString(CultureInfo.InvariantCulture);
        if (purchase.DeliveryDate is not { } delivered || delivered > today)
        {
            return new TriageCheck(
                TriageCodes.Doa,
                TriageVerdict.Unknown,
                new(
                    $"No usable delivery date: ask the customer when the product was delivered. Within {window} days of delivery a product broken on arrival is exchanged; after that it is handled as a claim.",
                    $"Ingen brukbar leveringsdato: spør kunden når produktet ble levert. Et produkt som var i stykker ved levering, byttes innen {window} dager etter levering; etter det behandles det som en reklamasjon."));
        }

        var age = today.DayNumber - delivered.DayNumber;
        var lastDay = delivered.AddDays(options.DoaDays);
        var (on, ago, last) = (Show(delivered), Days(age), Show(lastDay));
        return age <= options.DoaDays
            ? new TriageCheck(
                TriageCodes.Doa,
                TriageVerdict.Ok,
                new(
                    $"Delivered on {on.En}, {ago.En} ago: inside the {window}-day window for products dead on arrival (until {last.En}). Exchange the product.",
                    $"Levert {on.Nb}, for {ago.Nb} siden: innenfor fristen på {window} dager for produkter som er døde ved levering (DOA), til og med {last.Nb}. Bytt produktet."),
                lastDay)
            : new TriageCheck(
                TriageCodes.Doa,
                TriageVerdict.Fails,
                new(
                    $"Delivered on {on.En}, {ago.En} ago: past the {window}-day window for products dead on arrival (it ended on {last.En}), so this is not a DOA exchange. Handle it as a claim.",
                    $"Levert {on.Nb}, for {ago.Nb} siden: fristen på {window} dager for produkter som er døde ved levering (DOA), er ute (den gikk ut {last.Nb}), så dette er ikke et DOA-bytte. Behandle saken som en reklamasjon."),
                lastDay);
    }

    static void AddClaimChecks(List<TriageCheck> checks, Purchase purchase, Country country, DateOnly today, TriageOptions options, bool? longLivedGoods, RepairOnRecord? repair)
    {
        var extended = repair is not null && RightToRepair.Extends(repair, country) ? RepairedWindowCheck(purchase, country, today, options, repair) : null;
        checks.Add(extended ?? ClaimWindowCheck(purchase, country, today, options, longLivedGoods));
        if (repair is not null && extended is null)
        {
            checks.Add(RepairNotExtendingCheck(repair, country, options));
        }

        checks.Add(PresumptionCheck(purchase, country, today));
        var (months, law) = (Months(options.DiscoveryMonths), Law(country));
        checks.Add(new TriageCheck(
            TriageCodes.ClaimDiscovery,
            TriageVerdict.Unknown,
            new(
                $"Ask when the customer discovered the defect: a claim made within {months.En} of discovering it is always in time under {law.En}; " +
                "later than that it must still be within reasonable time of the discovery.",
                $"Spør når kunden oppdaget mangelen: en reklamasjon innen {months.Nb} etter at mangelen ble oppdaget, er alltid i tide etter {law.Nb}; " +
                "senere enn det må den likevel komme innen rimelig tid etter at mangelen ble oppdaget.")));
    }

    /// <summary>
    /// Who must show the defect was there at delivery. Norway since 1 January 2024: a defect that appears within
    /// 2 years of delivery is presumed to have been there (it was 6 months; docs/process.md, checked December 2026).
    /// For Sweden, Denmark and Finland the national period (the EU rule gives at least one year, a country may give
    /// two) could not be checked from here, so the check says so rather than guess.
    /// </summary>
    static TriageCheck PresumptionCheck(Purchase purchase, Country country, DateOnly today)
    {
        if (country != Country.NO)
        {
            var law = Law(country);
            return new TriageCheck(
                TriageCodes.ClaimPresumption,
                TriageVerdict.Unknown,
                new(
                    $"Check how long {law.En} presumes a defect that appears after delivery to have been there at delivery: the EU rule (Directive 2019/771) gives at least one year and lets a country give two; the figure for this country could not be checked here.",
                    $"Kontroller hvor lenge {law.Nb} regner en mangel som viser seg etter levering, som å ha vært der ved levering: EU-regelen (direktiv 2019/771) gir minst ett år og lar et land gi to; tallet for dette landet kunne ikke kontrolleres herfra."));
        }

        if (purchase.DeliveryDate is not { } delivered)
        {
            return new TriageCheck(
                TriageCodes.ClaimPresumption,
                TriageVerdict.Unknown,
                new(
                    "Ask for the delivery date: a defect that appears within 2 years of delivery is presumed to have been there at delivery (forbrukerkjøpsloven, since 1 January 2024; it was 6 months), so the retailer must show otherwise to refuse.",
                    "Spør etter leveringsdatoen: en mangel som viser seg innen 2 år etter levering, regnes som å ha vært der ved levering (forbrukerkjøpsloven, fra 1. januar 2024; før var det 6 måneder), så forhandleren må vise noe annet for å avvise."));
        }

        var until = delivered.AddYears(2);
        var shown = Show(until);
        return today <= until
            ? new TriageCheck(
                TriageCodes.ClaimPresumption,
                TriageVerdict.Ok,
                new(
                    $"Within 2 years of delivery (until {shown.En}) a defect that appears is presumed to have been there at delivery (forbrukerkjøpsloven, since 1 January 2024; it was 6 months): to refuse, the retailer must show otherwise, or that the presumption does not fit the goods or the defect.",
                    $"Innen 2 år etter levering (til og med {shown.Nb}) regnes en mangel som viser seg, som å ha vært der ved levering (forbrukerkjøpsloven, fra 1. januar 2024; før var det 6 måneder): for å avvise må forhandleren vise noe annet, eller at dette ikke passer med varen eller mangelen."),
                until)
            : new TriageCheck(
                TriageCodes.ClaimPresumption,
                TriageVerdict.Warning,
                new(
                    $"More than 2 years after delivery (the presumption ended on {shown.En}): the customer must show the defect was there at delivery, for instance with a technician's report.",
                    $"Mer enn 2 år etter levering (den lovbestemte formodningen gikk ut {shown.Nb}): kunden må vise at mangelen var der ved levering, for eksempel med en rapport fra en tekniker."),
                until);
    }

    /// <summary>
    /// The claim window of a product we repaired under a claim, where the Right to Repair Directive (EU) 2024/1799
    /// applies: the country's limit plus one year (Directive 2019/771 as amended: the liability period is extended
    /// once by 12 months). Null when the country has no fixed limit or no date to count from: the usual check and
    /// the repair's own note say what to weigh.
    /// </summary>
    static TriageCheck? RepairedWindowCheck(Purchase purchase, Country country, DateOnly today, TriageOptions options, RepairOnRecord repair)
    {
        if (options.ClaimYearsFor(country) is not { } limit || (purchase.DeliveryDate ?? purchase.PurchaseDate) is not { } start)
        {
            return null;
        }

        var law = Law(country);
        var counted = purchase.DeliveryDate is { } d
            ? new TriageText($"Delivered on {Show(d).En}", $"Levert {Show(d).Nb}")
            : new TriageText($"Bought on {Show(start).En} (no delivery date is given, so the limit is counted from the purchase)", $"Kjøpt {Show(start).Nb} (ingen leveringsdato er oppgitt, så fristen er regnet fra kjøpet)");
        var (ended, deadline) = (start.AddYears(limit), start.AddYears(limit + RightToRepair.ExtraYears));
        var (usual, last, on) = (Show(ended), Show(deadline), Show(repair.RepairedOn));
        var repaired = new TriageText(
            $"we repaired this product under a claim on {on.En} (case {repair.CaseNumber}), so the Right to Repair Directive (EU) 2024/1799, applying since 31 July 2026, extends the seller's liability once by one year",
            $"vi reparerte dette produktet under en reklamasjon {on.Nb} (sak {repair.CaseNumber}), så reparasjonsdirektivet (EU) 2024/1799, som gjelder fra 31. juli 2026, forlenger selgeransvaret én gang med ett år");
        if (today <= ended)
        {
            return new TriageCheck(
                TriageCodes.ClaimWindow,
                TriageVerdict.Ok,
                new(
                    $"{counted.En}: inside the {Years(limit)} limit of {law.En} (until {usual.En}); besides, {repaired.En}: the claim is in time until {last.En}.",
                    $"{counted.Nb}: innenfor reklamasjonsfristen på {YearsNb(limit)} etter {law.Nb} (til og med {usual.Nb}); dessuten har {repaired.Nb}: reklamasjonen er i tide til og med {last.Nb}."),
                deadline);
        }

        if (today <= deadline)
        {
            return new TriageCheck(
                TriageCodes.ClaimWindow,
                TriageVerdict.Ok,
                new(
                    $"{counted.En}: past the {Years(limit)} limit of {law.En} (it ended {usual.En}), but {repaired.En}: the claim is in time until {last.En}.",
                    $"{counted.Nb}: reklamasjonsfristen på {YearsNb(limit)} etter {law.Nb} er ute (den gikk ut {usual.Nb}), men {repaired.Nb}: reklamasjonen er i tide til og med {last.Nb}."),
                deadline);
        }

        return new TriageCheck(
            TriageCodes.ClaimWindow,
            purchase.DeliveryDate is null ? TriageVerdict.Warning : TriageVerdict.Fails,
            new(
                $"{counted.En}: the {Years(limit)} limit of {law.En} ended on {usual.En}, and the one more year for our repair of {on.En} (case {repair.CaseNumber}, Right to Repair Directive (EU) 2024/1799) ended on {last.En}. The legal claim right has lapsed unless we promised more; a manufacturer's warranty may still cover it.",
                $"{counted.Nb}: reklamasjonsfristen på {YearsNb(limit)} etter {law.Nb} gikk ut {usual.Nb}, og det ekstra året for reparasjonen vår {on.Nb} (sak {repair.CaseNumber}, reparasjonsdirektivet (EU) 2024/1799) gikk ut {last.Nb}. Reklamasjonsretten etter loven har falt bort med mindre vi har lovet mer; en garanti fra produsenten kan likevel dekke det."),
            deadline);
    }

    /// <summary>Why a repair on record gives no extra year here (or, in Finland, what it adds to "reasonable time").</summary>
    static TriageCheck RepairNotExtendingCheck(RepairOnRecord repair, Country country, TriageOptions options)
    {
        var on = Show(repair.RepairedOn);
        var what = new TriageText($"We repaired this product under a claim on {on.En} (case {repair.CaseNumber})", $"Vi reparerte dette produktet under en reklamasjon {on.Nb} (sak {repair.CaseNumber})");
        if (country == Country.NO)
        {
            return new TriageCheck(
                TriageCodes.ClaimRepair,
                TriageVerdict.Warning,
                new(
                    $"{what.En}. The one more year the Right to Repair Directive (EU) 2024/1799 gives repaired goods does not apply in Norway: Norway is outside the EU, and whether the EEA takes the rule in was not known when checked (December 2026). The limits of forbrukerkjøpsloven above stand, unless we promised more.",
                    $"{what.Nb}. Det ekstra året som reparasjonsdirektivet (EU) 2024/1799 gir reparerte varer, gjelder ikke i Norge: Norge er utenfor EU, og om EØS tar regelen inn, var ikke kjent da det ble kontrollert (desember 2026). Fristene i forbrukerkjøpsloven ovenfor gjelder, med mindre vi har lovet mer."));
        }

        if (repair.RepairedOn < RightToRepair.AppliesFrom || !RightToRepair.AppliesIn(repair.Country))
        {
            return new TriageCheck(
                TriageCodes.ClaimRepair,
                TriageVerdict.Warning,
                new(
                    $"{what.En}, a repair {(repair.RepairedOn < RightToRepair.AppliesFrom ? "before 31 July 2026, when" : "of a sale outside Sweden, Denmark and Finland, where")} the Right to Repair Directive (EU) 2024/1799 did not apply, so it gives no extra year: the limit above stands.",
                    $"{what.Nb}, en reparasjon {(repair.RepairedOn < RightToRepair.AppliesFrom ? "før 31. juli 2026, da" : "av et salg utenfor Sverige, Danmark og Finland, der")} reparasjonsdirektivet (EU) 2024/1799 ikke gjaldt, så den gir ikke noe ekstra år: fristen ovenfor gjelder."));
        }

        var law = Law(country);
        return new TriageCheck(
            TriageCodes.ClaimRepair,
            TriageVerdict.Ok,
            options.ClaimYearsFor(country) is null
                ? new(
                    $"{what.En}: the Right to Repair Directive (EU) 2024/1799 extends the seller's liability once by one year. {law.En} sets no fixed limit, so count that year in when weighing reasonable time.",
                    $"{what.Nb}: reparasjonsdirektivet (EU) 2024/1799 forlenger selgeransvaret én gang med ett år. Etter {law.Nb} er det ingen fast frist, så regn med det året når du vurderer rimelig tid.")
                : new(
                    $"{what.En}: the Right to Repair Directive (EU) 2024/1799 extends the seller's liability once by one year; ask for the delivery date to count the extended limit.",
                    $"{what.Nb}: reparasjonsdirektivet (EU) 2024/1799 forlenger selgeransvaret én gang med ett år; spør etter leveringsdatoen for å regne ut den forlengede fristen."));
    }

    static TriageCheck ClaimWindowCheck(Purchase purchase, Country country, DateOnly today, TriageOptions options, bool? longLivedGoods)
    {
        var years = options.ClaimYearsFor(country);
        var law = Law(country);
        var (basis, fromPurchase) = purchase.DeliveryDate is { } d ? (d, false) : purchase.PurchaseDate is { } p ? (p, true) : (default(DateOnly?), false);
        if (basis is not { } start)
        {
            return new TriageCheck(
                TriageCodes.ClaimWindow,
                TriageVerdict.Unknown,
                years is { } y
                    ? new(
                        $"Neither a delivery nor a purchase date is given: ask for the delivery date (or look up the order) to see whether the claim is inside the {Years(y)} limit of {law.En}.",
                        $"Verken leverings- eller kjøpsdato er oppgitt: spør etter leveringsdatoen (eller slå opp ordren) for å se om reklamasjonen er innenfor reklamasjonsfristen på {YearsNb(y)} etter {law.Nb}.")
                    : new(
                        $"Neither a delivery nor a purchase date is given: ask for the delivery date (or look up the order); {law.En} sets no fixed limit, but the product's age matters for what counts as reasonable.",
                        $"Verken leverings- eller kjøpsdato er oppgitt: spør etter leveringsdatoen (eller slå opp ordren). Etter {law.Nb} er det ingen fast frist, men produktets alder har betydning for hva som regnes som rimelig tid."));
        }

        var from = Show(start);
        var counted = fromPurchase
            ? new TriageText(
                $"Bought on {from.En} (no delivery date given, so counted from the purchase; the limit runs from delivery, which may be later)",
                $"Kjøpt {from.Nb} (ingen leveringsdato er oppgitt, så fristen er regnet fra kjøpet; den løper fra levering, som kan ha vært senere)")
            : new TriageText($"Delivered on {from.En}", $"Levert {from.Nb}");

        if (years is not { } limit)
        {
            return new TriageCheck(
                TriageCodes.ClaimWindow,
                TriageVerdict.Ok,
                new(
                    $"{counted.En}. {law.En} sets no fixed time limit: the customer may claim as long as they do so within reasonable time of discovering the defect. Weigh the product's age against how long such a product is expected to last.",
                    $"{counted.Nb}. Etter {law.Nb} er det ingen fast reklamasjonsfrist: kunden kan reklamere så lenge det skjer innen rimelig tid etter at mangelen ble oppdaget. Vei produktets alder mot hvor lenge et slikt produkt er forventet å vare."));
        }

        var deadline = start.AddYears(limit);
        var ended = Show(deadline);
        if (today <= deadline)
        {
            return new TriageCheck(
                TriageCodes.ClaimWindow,
                TriageVerdict.Ok,
                new(
                    $"{counted.En}: inside the {Years(limit)} limit of {law.En}, which runs until {ended.En}.",
                    $"{counted.Nb}: innenfor reklamasjonsfristen på {YearsNb(limit)} etter {law.Nb}, som løper til og med {ended.Nb}."),
                deadline);
        }

        var outsideVerdict = fromPurchase ? TriageVerdict.Warning : TriageVerdict.Fails;
        var check = fromPurchase
            ? new TriageText(" Ask for the delivery date and check again.", " Spør etter leveringsdatoen og kontroller på nytt.")
            : new TriageText(string.Empty, string.Empty);
        var lapsed = new TriageText(
            "The legal claim right has lapsed unless we promised more; a manufacturer's warranty may still cover it.",
            "Reklamasjonsretten etter loven har falt bort med mindre vi har lovet mer; en garanti fra produsenten kan likevel dekke det.");
        if (options.LongLivedGoodsYearsFor(country) is { } longer && longer > limit)
        {
            var longDeadline = start.AddYears(longer);
            var longEnd = Show(longDeadline);
            if (today <= longDeadline)
            {
                return longLivedGoods switch
                {
                    true => new TriageCheck(
                        TriageCodes.ClaimWindow,
                        TriageVerdict.Ok,
                        new(
                            $"{counted.En}: past the {Years(limit)} limit (ended {ended.En}), but the product is judged as meant to last substantially longer than usual, so the {Years(longer)} limit of {law.En} applies: it runs until {longEnd.En}.",
                            $"{counted.Nb}: reklamasjonsfristen på {YearsNb(limit)} er ute (den gikk ut {ended.Nb}), men produktet er vurdert som ment å vare vesentlig lenger enn vanlig, så fristen på {YearsNb(longer)} etter {law.Nb} gjelder: den løper til og med {longEnd.Nb}."),
                        longDeadline),
                    false => new TriageCheck(
                        TriageCodes.ClaimWindow,
                        outsideVerdict,
                        new(
                            $"{counted.En}: the {Years(limit)} limit of {law.En} ended on {ended.En}, and the product is judged not to be meant to last substantially longer, so the {Years(longer)} limit does not apply. {lapsed.En}{check.En}",
                            $"{counted.Nb}: reklamasjonsfristen på {YearsNb(limit)} etter {law.Nb} gikk ut {ended.Nb}, og produktet er vurdert som ikke ment å vare vesentlig lenger, så fristen på {YearsNb(longer)} gjelder ikke. {lapsed.Nb}{check.Nb}"),
                        deadline),
                    null => new TriageCheck(
                        TriageCodes.ClaimWindow,
                        TriageVerdict.Warning,
                        new(
                            $"{counted.En}: past the {Years(limit)} limit (ended {ended.En}), but inside the {Years(longer)} limit (until {longEnd.En}) that {law.En} gives goods meant to last substantially longer than usual. Decide whether this product is such goods.{check.En}",
                            $"{counted.Nb}: reklamasjonsfristen på {YearsNb(limit)} er ute (den gikk ut {ended.Nb}), men saken er innenfor fristen på {YearsNb(longer)} (til og med {longEnd.Nb}) som {law.Nb} gir for varer som er ment å vare vesentlig lenger enn vanlig. Avgjør om dette produktet er en slik vare.{check.Nb}"),
                        longDeadline),
                };
            }

            return new TriageCheck(
                TriageCodes.ClaimWindow,
                outsideVerdict,
                new(
                    $"{counted.En}: outside both the {Years(limit)} limit (ended {ended.En}) and the {Years(longer)} limit for goods meant to last substantially longer (ended {longEnd.En}) of {law.En}. {lapsed.En}{check.En}",
                    $"{counted.Nb}: utenfor både reklamasjonsfristen på {YearsNb(limit)} (den gikk ut {ended.Nb}) og fristen på {YearsNb(longer)} for varer som er ment å vare vesentlig lenger (den gikk ut {longEnd.Nb}) etter {law.Nb}. {lapsed.Nb}{check.Nb}"),
                longDeadline);
        }

        return new TriageCheck(
            TriageCodes.ClaimWindow,
            outsideVerdict,
            new(
                $"{counted.En}: the {Years(limit)} limit of {law.En} ended on {ended.En}. {lapsed.En}{check.En}",
                $"{counted.Nb}: reklamasjonsfristen på {YearsNb(limit)} etter {law.Nb} gikk ut {ended.Nb}. {lapsed.Nb}{check.Nb}"),
            deadline);
    }

    static TriageCheck ManufacturerCheck(ComplaintCategory category, Purchase purchase)
    {
        var what = category == ComplaintCategory.Service
            ? new TriageText(
                "Service (an authorised technician working on the product, sent in or on site)",
                "Service (en autorisert tekniker som reparerer produktet, innsendt eller på stedet)")
            : new TriageText(
                "Support (advice on using, connecting or troubleshooting the product)",
                "Support (råd om bruk, tilkobling eller feilsøking av produktet)");
        var tail = new TriageText(
            " Keep the case open until the customer confirms it is solved. If the product turns out to be defective, the customer's claim right against us still applies.",
            " Hold saken åpen til kunden bekrefter at det er løst. Viser det seg at produktet har en mangel, gjelder kundens reklamasjonsrett overfor oss fortsatt.");
        if (string.IsNullOrWhiteSpace(purchase.Manufacturer))
        {
            return new TriageCheck(
                TriageCodes.ManufacturerSupport,
                TriageVerdict.Unknown,
                new(
                    $"{what.En} is given by the manufacturer, but the customer did not say which one made the product: ask, then send the customer the manufacturer's support contact from the directory.{tail.En}",
                    $"{what.Nb} gis av produsenten, men kunden har ikke sagt hvem som har laget produktet: spør, og send deretter kunden produsentens supportkontakt fra produsentoversikten.{tail.Nb}"));
        }

        var maker = purchase.Manufacturer.Trim();
        return new TriageCheck(
            TriageCodes.ManufacturerSupport,
            TriageVerdict.Ok,
            new(
                $"{what.En} is given by {maker}: send the customer the manufacturer's support contact from the directory.{tail.En}",
                $"{what.Nb} gis av {maker}: send kunden produsentens supportkontakt fra produsentoversikten.{tail.Nb}"));
    }

    static TriageCheck DeliveryCheck(Purchase purchase, DateOnly today, TriageOptions options)
    {
        var risk = new TriageText(
            "We carry the risk until the customer has the goods, so a lost, late or damaged delivery is ours to solve, not the carrier's or the customer's.",
            "Vi har risikoen for varen til kunden har fått den, så en levering som er borte, forsinket eller skadet, er vår sak å løse, ikke transportørens eller kundens.");
        if (purchase.DeliveryDate is not { } delivered || delivered > today)
        {
            return new TriageCheck(
                TriageCodes.Delivery,
                TriageVerdict.Unknown,
                new(
                    $"No delivery date: check the order's shipment and tracking with the carrier. {risk.En}",
                    $"Ingen leveringsdato: sjekk forsendelsen og sporingen av ordren hos transportøren. {risk.Nb}"));
        }

        var age = today.DayNumber - delivered.DayNumber;
        var (on, ago, window) = (Show(delivered), Days(age), options.DoaDays.ToString(CultureInfo.InvariantCulture));
        return new TriageCheck(
            TriageCodes.Delivery,
            TriageVerdict.Ok,
            age <= options.DoaDays
                ? new(
                    $"Delivered on {on.En}, {ago.En} ago: check the carrier's delivery record. A product damaged in transit is exchanged as dead on arrival within {window} days of delivery. {risk.En}",
                    $"Levert {on.Nb}, for {ago.Nb} siden: sjekk transportørens leveringsbekreftelse. Et produkt som er skadet under transport, byttes som DOA (død ved levering) innen {window} dager etter levering. {risk.Nb}")
                : new(
                    $"Delivered on {on.En}, {ago.En} ago: check the carrier's delivery record; damage found now is handled as a claim. {risk.En}",
                    $"Levert {on.Nb}, for {ago.Nb} siden: sjekk transportørens leveringsbekreftelse; skade som oppdages nå, behandles som en reklamasjon. {risk.Nb}"));
    }

    static TriageText? DateProblems(Purchase purchase, DateOnly today)
    {
        var problems = new List<TriageText>();
        if (purchase.PurchaseDate is { } bought && bought > today)
        {
            var on = Show(bought);
            problems.Add(new($"the purchase date {on.En} is in the future", $"kjøpsdatoen {on.Nb} ligger fram i tid"));
        }

        if (purchase.DeliveryDate is { } delivered && delivered > today)
        {
            var on = Show(delivered);
            problems.Add(new($"the delivery date {on.En} is in the future", $"leveringsdatoen {on.Nb} ligger fram i tid"));
        }

        if (purchase is { PurchaseDate: { } p, DeliveryDate: { } d } && d < p)
        {
            var (on, bought2) = (Show(d), Show(p));
            problems.Add(new($"the delivery date {on.En} comes before the purchase date {bought2.En}", $"leveringsdatoen {on.Nb} er før kjøpsdatoen {bought2.Nb}"));
        }

        return problems.Count == 0
            ? null
            : new(
                $"Check the dates with the customer or the order: {string.Join("; ", problems.Select(t => t.En))}.",
                $"Kontroller datoene med kunden eller ordren: {string.Join("; ", problems.Select(t => t.Nb))}.");
    }

    // Each law by its own name, so an agent can look it up; the Norwegian reads after "etter" (under).
    static TriageText Law(Country country) => country switch
    {
        Country.NO => new("Norwegian consumer law (forbrukerkjøpsloven)", "forbrukerkjøpsloven"),
        Country.SE => new("Swedish consumer law (konsumentköplagen)", "svensk forbrukerkjøpslov (konsumentköplagen)"),
        Country.DK => new("Danish consumer law (købeloven)", "dansk kjøpslov (købeloven)"),
        Country.FI => new("Finnish consumer law (kuluttajansuojalaki)", "finsk forbrukervernlov (kuluttajansuojalaki)"),
        _ => new("consumer law", "forbrukerlovgivningen"),
    };

    static TriageText Maker(Purchase purchase) =>
        string.IsNullOrWhiteSpace(purchase.Manufacturer) ? new("the manufacturer", "produsenten") : new(purchase.Manufacturer.Trim(), purchase.Manufacturer.Trim());

    // Month names written out rather than taken from a culture, so the words never depend on the host's ICU data.
    static readonly string[] NorwegianMonths = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    static TriageText Show(DateOnly date) => new(
        date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {NorwegianMonths[date.Month - 1]} {date.Year}"));

    static TriageText Days(int days) => days == 1
        ? new("1 day", "1 dag")
        : new(string.Create(CultureInfo.InvariantCulture, $"{days} days"), string.Create(CultureInfo.InvariantCulture, $"{days} dager"));

    static TriageText Months(int months) => months == 1
        ? new("1 month", "1 måned")
        : new(string.Create(CultureInfo.InvariantCulture, $"{months} months"), string.Create(CultureInfo.InvariantCulture, $"{months} måneder"));

    static string Years(int years) => string.Create(CultureInfo.InvariantCulture, $"{years}-year");

    static string YearsNb(int years) => string.Create(CultureInfo.InvariantCulture, $"{years} år");
}
