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
    public const string Warranty = "warranty";
    public const string ManufacturerSupport = "manufacturer-support";
    public const string Delivery = "delivery";
    public const string Category = "category";
    public const string Dates = "dates";
    public const string CategorySuggested = "category-suggested";
    public const string Routing = "routing";
}

/// <summary>One thing the agent should know about the case, in plain English.</summary>
/// <param name="Deadline">The last day something can be done (DOA exchange, a claim), when there is one.</param>
public sealed record TriageCheck(string Code, TriageVerdict Verdict, string Explanation, DateOnly? Deadline = null);

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
    public static TriageResult Assess(ComplaintDetails details, DateOnly today, TriageOptions? options = null, bool? longLivedGoods = null)
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
                    AddClaimChecks(checks, purchase, country, today, options, longLivedGoods);
                }

                break;
            case ComplaintCategory.Claim:
                AddClaimChecks(checks, purchase, country, today, options, longLivedGoods);
                break;
            case ComplaintCategory.Warranty:
                checks.Add(new TriageCheck(
                    TriageCodes.Warranty,
                    TriageVerdict.Unknown,
                    $"A warranty is {Maker(purchase)}'s voluntary promise: its length, what it covers and where the product goes are the manufacturer's terms, so check them. " +
                    "The customer's legal claim right against us, the seller, exists beside the warranty and does not depend on it; the claim checks below say whether it still runs."));
                AddClaimChecks(checks, purchase, country, today, options, longLivedGoods);
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
                    "The customer did not pick one of the process's kinds of complaint. Read the description and set the category (claim, DOA, warranty, service, support or delivery) to get the right checks."));
                break;
        }

        return new TriageResult(route, checks);
    }

    static TriageCheck DoaCheck(Purchase purchase, DateOnly today, TriageOptions options)
    {
        if (purchase.DeliveryDate is not { } delivered || delivered > today)
        {
            return new TriageCheck(
                TriageCodes.Doa,
                TriageVerdict.Unknown,
                $"No usable delivery date: ask the customer when the product was delivered. Within {options.DoaDays} days of delivery a product broken on arrival is exchanged; after that it is handled as a claim.");
        }

        var age = today.DayNumber - delivered.DayNumber;
        var lastDay = delivered.AddDays(options.DoaDays);
        return age <= options.DoaDays
            ? new TriageCheck(
                TriageCodes.Doa,
                TriageVerdict.Ok,
                $"Delivered on {Show(delivered)}, {Days(age)} ago: inside the {options.DoaDays}-day window for products dead on arrival (until {Show(lastDay)}). Exchange the product.",
                lastDay)
            : new TriageCheck(
                TriageCodes.Doa,
                TriageVerdict.Fails,
                $"Delivered on {Show(delivered)}, {Days(age)} ago: past the {options.DoaDays}-day window for products dead on arrival (it ended on {Show(lastDay)}), so this is not a DOA exchange. Handle it as a claim.",
                lastDay);
    }

    static void AddClaimChecks(List<TriageCheck> checks, Purchase purchase, Country country, DateOnly today, TriageOptions options, bool? longLivedGoods)
    {
        checks.Add(ClaimWindowCheck(purchase, country, today, options, longLivedGoods));
        checks.Add(new TriageCheck(
            TriageCodes.ClaimDiscovery,
            TriageVerdict.Unknown,
            $"Ask when the customer discovered the defect: a claim made within {Months(options.DiscoveryMonths)} of discovering it is always in time under {Law(country)}; " +
            "later than that it must still be within reasonable time of the discovery."));
    }

    static TriageCheck ClaimWindowCheck(Purchase purchase, Country country, DateOnly today, TriageOptions options, bool? longLivedGoods)
    {
        var years = options.ClaimYearsFor(country);
        var (basis, fromPurchase) = purchase.DeliveryDate is { } d ? (d, false) : purchase.PurchaseDate is { } p ? (p, true) : (default(DateOnly?), false);
        if (basis is not { } start)
        {
            return new TriageCheck(
                TriageCodes.ClaimWindow,
                TriageVerdict.Unknown,
                years is { } y
                    ? $"Neither a delivery nor a purchase date is given: ask for the delivery date (or look up the order) to see whether the claim is inside the {Years(y)} limit of {Law(country)}."
                    : $"Neither a delivery nor a purchase date is given: ask for the delivery date (or look up the order); {Law(country)} sets no fixed limit, but the product's age matters for what counts as reasonable.");
        }

        var counted = fromPurchase
            ? $"Bought on {Show(start)} (no delivery date given, so counted from the purchase; the limit runs from delivery, which may be later)"
            : $"Delivered on {Show(start)}";

        if (years is not { } limit)
        {
            return new TriageCheck(
                TriageCodes.ClaimWindow,
                TriageVerdict.Ok,
                $"{counted}. {Law(country)} sets no fixed time limit: the customer may claim as long as they do so within reasonable time of discovering the defect. Weigh the product's age against how long such a product is expected to last.");
        }

        var deadline = start.AddYears(limit);
        if (today <= deadline)
        {
            return new TriageCheck(
                TriageCodes.ClaimWindow,
                TriageVerdict.Ok,
                $"{counted}: inside the {Years(limit)} limit of {Law(country)}, which runs until {Show(deadline)}.",
                deadline);
        }

        var outsideVerdict = fromPurchase ? TriageVerdict.Warning : TriageVerdict.Fails;
        var check = fromPurchase ? " Ask for the delivery date and check again." : string.Empty;
        if (options.LongLivedGoodsYearsFor(country) is { } longer && longer > limit)
        {
            var longDeadline = start.AddYears(longer);
            if (today <= longDeadline)
            {
                return longLivedGoods switch
                {
                    true => new TriageCheck(
                        TriageCodes.ClaimWindow,
                        TriageVerdict.Ok,
                        $"{counted}: past the {Years(limit)} limit (ended {Show(deadline)}), but the product is judged as meant to last substantially longer than usual, so the {Years(longer)} limit of {Law(country)} applies: it runs until {Show(longDeadline)}.",
                        longDeadline),
                    false => new TriageCheck(
                        TriageCodes.ClaimWindow,
                        outsideVerdict,
                        $"{counted}: the {Years(limit)} limit of {Law(country)} ended on {Show(deadline)}, and the product is judged not to be meant to last substantially longer, so the {Years(longer)} limit does not apply. The legal claim right has lapsed unless we promised more; a manufacturer's warranty may still cover it.{check}",
                        deadline),
                    null => new TriageCheck(
                        TriageCodes.ClaimWindow,
                        TriageVerdict.Warning,
                        $"{counted}: past the {Years(limit)} limit (ended {Show(deadline)}), but inside the {Years(longer)} limit (until {Show(longDeadline)}) that {Law(country)} gives goods meant to last substantially longer than usual. Decide whether this product is such goods.{check}",
                        longDeadline),
                };
            }

            return new TriageCheck(
                TriageCodes.ClaimWindow,
                outsideVerdict,
                $"{counted}: outside both the {Years(limit)} limit (ended {Show(deadline)}) and the {Years(longer)} limit for goods meant to last substantially longer (ended {Show(longDeadline)}) of {Law(country)}. The legal claim right has lapsed unless we promised more; a manufacturer's warranty may still cover it.{check}",
                longDeadline);
        }

        return new TriageCheck(
            TriageCodes.ClaimWindow,
            outsideVerdict,
            $"{counted}: the {Years(limit)} limit of {Law(country)} ended on {Show(deadline)}. The legal claim right has lapsed unless we promised more; a manufacturer's warranty may still cover it.{check}",
            deadline);
    }

    static TriageCheck ManufacturerCheck(ComplaintCategory category, Purchase purchase)
    {
        var what = category == ComplaintCategory.Service
            ? "Service (an authorised technician working on the product, sent in or on site)"
            : "Support (advice on using, connecting or troubleshooting the product)";
        var tail = " Keep the case open until the customer confirms it is solved. If the product turns out to be defective, the customer's claim right against us still applies.";
        return string.IsNullOrWhiteSpace(purchase.Manufacturer)
            ? new TriageCheck(
                TriageCodes.ManufacturerSupport,
                TriageVerdict.Unknown,
                $"{what} is given by the manufacturer, but the customer did not say which one made the product: ask, then send the customer the manufacturer's support contact from the directory.{tail}")
            : new TriageCheck(
                TriageCodes.ManufacturerSupport,
                TriageVerdict.Ok,
                $"{what} is given by {purchase.Manufacturer.Trim()}: send the customer the manufacturer's support contact from the directory.{tail}");
    }

    static TriageCheck DeliveryCheck(Purchase purchase, DateOnly today, TriageOptions options)
    {
        const string risk = "We carry the risk until the customer has the goods, so a lost, late or damaged delivery is ours to solve, not the carrier's or the customer's.";
        if (purchase.DeliveryDate is not { } delivered || delivered > today)
        {
            return new TriageCheck(
                TriageCodes.Delivery,
                TriageVerdict.Unknown,
                $"No delivery date: check the order's shipment and tracking with the carrier. {risk}");
        }

        var age = today.DayNumber - delivered.DayNumber;
        return new TriageCheck(
            TriageCodes.Delivery,
            TriageVerdict.Ok,
            age <= options.DoaDays
                ? $"Delivered on {Show(delivered)}, {Days(age)} ago: check the carrier's delivery record. A product damaged in transit is exchanged as dead on arrival within {options.DoaDays} days of delivery. {risk}"
                : $"Delivered on {Show(delivered)}, {Days(age)} ago: check the carrier's delivery record; damage found now is handled as a claim. {risk}");
    }

    static string? DateProblems(Purchase purchase, DateOnly today)
    {
        var problems = new List<string>();
        if (purchase.PurchaseDate is { } bought && bought > today)
        {
            problems.Add($"the purchase date {Show(bought)} is in the future");
        }

        if (purchase.DeliveryDate is { } delivered && delivered > today)
        {
            problems.Add($"the delivery date {Show(delivered)} is in the future");
        }

        if (purchase is { PurchaseDate: { } p, DeliveryDate: { } d } && d < p)
        {
            problems.Add($"the delivery date {Show(d)} comes before the purchase date {Show(p)}");
        }

        return problems.Count == 0 ? null : $"Check the dates with the customer or the order: {string.Join("; ", problems)}.";
    }

    static string Law(Country country) => country switch
    {
        Country.NO => "Norwegian consumer law (forbrukerkjøpsloven)",
        Country.SE => "Swedish consumer law (konsumentköplagen)",
        Country.DK => "Danish consumer law (købeloven)",
        Country.FI => "Finnish consumer law (kuluttajansuojalaki)",
        _ => "consumer law",
    };

    static string Maker(Purchase purchase) =>
        string.IsNullOrWhiteSpace(purchase.Manufacturer) ? "the manufacturer" : purchase.Manufacturer.Trim();

    static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    static string Days(int days) => days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");

    static string Months(int months) => months == 1 ? "1 month" : string.Create(CultureInfo.InvariantCulture, $"{months} months");

    static string Years(int years) => string.Create(CultureInfo.InvariantCulture, $"{years}-year");
}
