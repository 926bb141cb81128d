using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Intake;

namespace ComplaintFunctions.Domain.Disputes;

/// <summary>
/// The external dispute bodies per country, kept as dated data staff edit
/// (<c>Data/dispute-bodies.json</c>, copied next to the app), and the rules for which of them a
/// customer may use after the ombudsman's decision. The closed EU online dispute resolution
/// platform is kept only as a notice: no body may point at it, and none is ever offered for it.
/// </summary>
public sealed class DisputeBodyRegistry
{
    public const string RelativePath = "Data/dispute-bodies.json";
    const string English = "en";

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // Characters that end a link written in running text.
    static readonly char[] LinkEnds = [' ', '\t', '\r', '\n', '"', '\'', '(', ')', '<', '>', '[', ']', '{', '}', ',', ';'];

    readonly List<DisputeBody> bodies;
    readonly Dictionary<string, DisputeBody> byId;
    readonly List<string> problems;

    DisputeBodyRegistry(string? about, EuOdrPlatform? euOdr, List<DisputeBody> bodies, List<string> problems)
    {
        About = about;
        EuOdr = euOdr;
        this.bodies = bodies;
        this.problems = problems;
        byId = new Dictionary<string, DisputeBody>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            byId.TryAdd(body.Id, body);
        }
    }

    /// <summary>The file's own note on what it is and what to check.</summary>
    public string? About { get; }

    /// <summary>The notice on the closed EU platform; null only when the file lacks it (a problem).</summary>
    public EuOdrPlatform? EuOdr { get; }

    /// <summary>Every body in the file, in file order.</summary>
    public IReadOnlyList<DisputeBody> Bodies => bodies;

    /// <summary>The registry shipped with the app, from the app's own folder.</summary>
    public static DisputeBodyRegistry LoadFromAppFolder() => Load(Path.Combine(AppContext.BaseDirectory, RelativePath));

    public static DisputeBodyRegistry Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a readable dispute body registry: {e.Message}", e);
        }
    }

    public static DisputeBodyRegistry Parse(string json)
    {
        var file = JsonSerializer.Deserialize<RegistryFile>(json, JsonOptions)
            ?? throw new JsonException("The dispute body registry is empty.");
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(file.About))
        {
            problems.Add("about: missing; say what the file is and that every entry must be re-checked.");
        }
        else if (LinksToEuOdr(file.About))
        {
            problems.Add("about: links to the closed EU ODR platform; remove the link.");
        }

        var euOdr = ToEuOdr(file.EuOdr, problems);

        var bodies = new List<DisputeBody>();
        foreach (var (entry, index) in (file.Bodies ?? []).Select((b, i) => (b, i)))
        {
            var body = ToBody(entry, $"bodies[{index}]", problems);
            if (body is null)
            {
                continue;
            }

            if (bodies.Any(b => b.Id == body.Id))
            {
                problems.Add($"bodies[{index}] ({body.Id}): the id is used twice; requiresFirst could not tell them apart.");
                continue;
            }

            bodies.Add(body);
        }

        CheckSteps(bodies, problems);

        foreach (var country in Enum.GetValues<Country>().Where(c => !bodies.Any(b => b.Country == c)))
        {
            problems.Add($"bodies: none for {country}; customers there would be told of no dispute body.");
        }

        return new DisputeBodyRegistry(file.About, euOdr, bodies, problems);
    }

    /// <summary>
    /// What is wrong with the file: entries without a checked date, bodies without texts in English
    /// and in their country's language(s), an unknown or circular <c>requiresFirst</c>, any link to the
    /// EU ODR platform, bad amounts, periods, languages or addresses. Empty when all is well.
    /// </summary>
    public IReadOnlyList<string> Problems() => problems;

    /// <summary>Bodies last checked before <paramref name="date"/> (or never): the list to re-check.</summary>
    public IReadOnlyList<DisputeBody> CheckedBefore(DateOnly date) =>
        [.. bodies.Where(b => b.Checked is not { } d || d < date)];

    /// <summary>The body with this id, or null.</summary>
    public DisputeBody? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The notice that the EU ODR platform is closed, in the customer's language, else in English.</summary>
    public string EuOdrNotice(string language)
    {
        var texts = EuOdr?.Texts ?? throw new InvalidOperationException("The dispute body registry has no euOdr notice.");
        return texts.TryGetValue(NormaliseLanguage(language), out var text) || texts.TryGetValue(English, out text)
            ? text
            : throw new InvalidOperationException("The euOdr notice has no English text.");
    }

    /// <summary>The body's texts in the customer's language, else in its country's main language, else in English.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Read through the registry callers hold, like EuOdrNotice.")]
    public BodyText TextFor(DisputeBody body, string language)
    {
        ArgumentNullException.ThrowIfNull(body);
        var wanted = NormaliseLanguage(language);
        foreach (var candidate in (string[])[wanted, .. NordicCountries.Languages(body.Country).Take(1), English])
        {
            if (body.Texts.TryGetValue(candidate, out var text))
            {
                return text;
            }
        }

        return body.Texts.Values.FirstOrDefault()
            ?? throw new InvalidOperationException($"The dispute body {body.Id} has no texts.");
    }

    /// <summary>
    /// Every body, with whether the customer may turn to it now: the customer's country first.
    /// A body of another country is not offered; nothing is offered when the ombudsman found fully for
    /// the customer; a body that must come after another is not offered yet, and the first body's
    /// notes say what comes after it.
    /// </summary>
    public IReadOnlyList<BodyOffer> OffersFor(DisputeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(facts.RetailerEstablishedIn);

        var assessed = bodies.ToDictionary(b => b.Id, b => Assess(b, facts), StringComparer.Ordinal);

        foreach (var later in bodies.Where(b => b.RequiresFirst is not null))
        {
            var laterAssessment = assessed[later.Id];
            if (laterAssessment.Excluded)
            {
                continue;
            }

            if (!byId.TryGetValue(later.RequiresFirst!, out var first))
            {
                laterAssessment.Reasons.Insert(0, $"comes after '{later.RequiresFirst}', which is not in the registry: fix the file");
                continue;
            }

            laterAssessment.Reasons.Insert(0, $"comes after {first.StaffLabel}: the customer starts with {first.ShortName}");

            var firstAssessment = assessed[first.Id];
            var within = later.DeadlineAfterPrevious is { } after ? $"; the customer has {after.Describe()} after {first.ShortName} ends to take the case there" : string.Empty;
            if (laterAssessment.Reasons.Count == 1)
            {
                firstAssessment.Notes.Add($"if {first.ShortName} does not settle the case, {later.StaffLabel} comes next ({Describe(later.Does)}){within}");
                firstAssessment.Notes.AddRange(laterAssessment.Notes.Select(n => $"for {later.ShortName} later: {n}"));
            }
            else
            {
                firstAssessment.Notes.Add($"{later.StaffLabel}, which comes next, would not take this case: {string.Join("; ", laterAssessment.Reasons.Skip(1))}");
            }
        }

        return
        [
            .. bodies
                .OrderBy(b => b.Country == facts.Country ? 0 : 1)
                .Select(b =>
                {
                    var a = assessed[b.Id];
                    var offered = a.Reasons.Count == 0;
                    return new BodyOffer(b, offered, [.. a.Reasons], offered ? [.. a.Notes] : []);
                }),
        ];
    }

    // The body's own rules, leaving out the order of steps (OffersFor adds that).
    static Assessment Assess(DisputeBody body, DisputeFacts facts)
    {
        var result = new Assessment();
        if (LinksToEuOdr(body.Web))
        {
            result.Reasons.Add("points at the closed EU online dispute resolution platform; customers are never sent there");
            result.Excluded = true;
            return result;
        }

        if (body.Country != facts.Country)
        {
            result.Reasons.Add($"only for customers in {NordicCountries.EnglishName(body.Country)}");
            result.Excluded = true;
            return result;
        }

        if (facts.Outcome == OmbudsmanOutcome.Overturned)
        {
            result.Reasons.Add("the ombudsman found fully for the customer, so there is no dispute left to take on");
            result.Excluded = true;
            return result;
        }

        // Upheld and PartlySettled both mean the retailer has said no to (part of) the claim.
        if (body.CompanyMustHaveRefused && facts.Outcome is not (OmbudsmanOutcome.Upheld or OmbudsmanOutcome.PartlySettled))
        {
            result.Reasons.Add("the company must have refused the claim first, and it has not");
        }

        if (body.DeadlineFromFirstComplaint is { } period)
        {
            var deadline = period.From(facts.FirstComplaintDate);
            var when = $"{period.Describe()} from the first complaint";
            if (facts.Today > deadline)
            {
                result.Reasons.Add($"filing deadline passed on {Iso(deadline)} ({when})");
            }
            else
            {
                result.Notes.Add($"file by {Iso(deadline)} ({when})");
            }
        }

        var (minClaim, maxClaim) = (body.MinClaim, body.MaxClaim);
        if (body.LimitsByYear is { Count: > 0 } years)
        {
            // Limits that change every year: this year's, or none and a "check" when the file has no value for it.
            var year = facts.Today.Year;
            if (years.FirstOrDefault(y => y.Year == year) is { } limits)
            {
                (minClaim, maxClaim) = (limits.Min, limits.Max);
                if (limits.LowerMin is { } lower)
                {
                    result.Notes.Add($"price limits for {year}: {Limits(limits.Min, limits.Max)} ({lower} for {limits.LowerMinFor})");
                }

                if (limits.Checked is null)
                {
                    result.Notes.Add($"check: the price limits for {year} could not be checked from here; verify them before telling the customer");
                }
            }
            else
            {
                (minClaim, maxClaim) = (null, null);
                var last = years.MaxBy(y => y.Year)!;
                var lower = last.LowerMin is { } l ? $", {l} for {last.LowerMinFor}" : string.Empty;
                var when = last.Checked is { } c ? $"checked {Iso(c)}" : "not checked";
                result.Notes.Add($"check: the registry has no price limits for {year}; the last known are for {last.Year} ({Limits(last.Min, last.Max)}{lower}; {when}): look up this year's before telling the customer");
            }
        }

        if (facts.DisputedAmount is { } amount)
        {
            if (minClaim is { } min && amount < min.Amount)
            {
                result.Reasons.Add($"the claim of {new Money(amount, min.Currency)} is below the minimum of {min}");
            }

            if (maxClaim is { } max && amount > max.Amount)
            {
                result.Reasons.Add($"the claim of {new Money(amount, max.Currency)} is above the maximum of {max}");
            }
        }
        else if (minClaim is not null || maxClaim is not null)
        {
            result.Notes.Add($"the claim amount is not known: check the limits ({Limits(minClaim, maxClaim)})");
        }

        result.Notes.AddRange((body.NotChecked ?? []).Select(n => $"check: {n}"));

        if (body.TraderMustBeEstablishedIn is { } home && !facts.RetailerEstablishedIn.Contains(home))
        {
            result.Reasons.Add($"only for traders established in {NordicCountries.EnglishName(home)}, and the retailer is not established there");
        }

        result.Notes.AddRange(body.BeforeFiling.Select(step => $"before filing: {step}"));
        if (!body.Fee.IsFree)
        {
            result.Notes.Add($"fee {body.Fee}");
        }

        if (body.Checked is not { } checkedOn)
        {
            result.Notes.Add("this entry has no checked date: verify it before telling the customer");
        }
        else if (checkedOn < facts.Today.AddYears(-1))
        {
            result.Notes.Add($"this entry was last checked on {Iso(checkedOn)}: re-check it before relying on it");
        }

        return result;
    }

    static string Limits(Money? min, Money? max) => (min, max) switch
    {
        ({ } low, { } high) when low.Currency == high.Currency =>
            $"{low.Amount.ToString(low.Amount == decimal.Truncate(low.Amount) ? "N0" : "N2", CultureInfo.InvariantCulture)}–{high}",
        ({ } low, { } high) => $"at least {low}, at most {high}",
        ({ } low, null) => $"at least {low}",
        (null, { } high) => $"at most {high}",
        _ => "none",
    };

    static string Describe(DisputeProcedure does) => does switch
    {
        DisputeProcedure.Mediation => "mediation",
        DisputeProcedure.Decision => "a decision",
        _ => "a recommendation",
    };

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"nb-NO", "NO", "nn" → "nb"; "sv-FI" → "sv"; otherwise the lower-case code.</summary>
    static string NormaliseLanguage(string? language)
    {
        var code = (language ?? string.Empty).Trim().ToLowerInvariant();
        var cut = code.IndexOfAny(['-', '_']);
        if (cut >= 0)
        {
            code = code[..cut];
        }

        return code is "no" or "nn" ? "nb" : code;
    }

    /// <summary>
    /// Whether the text holds a link to the EU online dispute resolution platform
    /// (ec.europa.eu/consumers/odr, webgate.ec.europa.eu/odr and the like): any link-like word on a
    /// europa.eu address that mentions odr.
    /// </summary>
    public static bool LinksToEuOdr(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        var at = 0;
        while ((at = lower.IndexOf("europa.eu", at, StringComparison.Ordinal)) >= 0)
        {
            var start = lower.LastIndexOfAny(LinkEnds, at) + 1;
            var end = lower.IndexOfAny(LinkEnds, at);
            var word = end < 0 ? lower[start..] : lower[start..end];
            if (word.Contains("odr", StringComparison.Ordinal))
            {
                return true;
            }

            at += "europa.eu".Length;
        }

        return false;
    }

    static EuOdrPlatform? ToEuOdr(EuOdrEntry? entry, List<string> problems)
    {
        if (entry is null)
        {
            problems.Add("euOdr: missing; the registry must explain that the EU ODR platform is closed, in every language.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(entry.RepealedBy))
        {
            problems.Add("euOdr: 'repealedBy' is missing (Regulation (EU) 2024/3228).");
        }

        var checkedOn = ReadDate(entry.Checked, "euOdr", "checked", required: true, problems);
        var noNew = ReadDate(entry.NoNewComplaintsFrom, "euOdr", "noNewComplaintsFrom", required: true, problems);
        var closed = ReadDate(entry.ClosedOn, "euOdr", "closedOn", required: true, problems);

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in entry.Texts ?? [])
        {
            var language = key.Trim().ToLowerInvariant();
            if (!ComplaintSubmissionRules.Languages.Contains(language))
            {
                problems.Add($"euOdr.texts.{key}: '{key}' is not one of our languages (nb, sv, da, fi, en).");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"euOdr.texts.{key}: empty.");
            }
            else
            {
                texts[language] = text.Trim();
            }
        }

        foreach (var language in ComplaintSubmissionRules.Languages.Where(l => !texts.ContainsKey(l)))
        {
            problems.Add($"euOdr.texts: no text in '{language}'; every customer language needs the notice.");
        }

        foreach (var (language, text) in texts.Where(t => LinksToEuOdr(t.Value)))
        {
            problems.Add($"euOdr.texts.{language}: links to the closed EU ODR platform; name the national body instead.");
        }

        if (LinksToEuOdr(entry.StaffNote))
        {
            problems.Add("euOdr.staffNote: links to the closed EU ODR platform.");
        }

        return new EuOdrPlatform(entry.RepealedBy?.Trim() ?? string.Empty, noNew, closed, checkedOn, entry.StaffNote?.Trim() ?? string.Empty, texts);
    }

    static DisputeBody? ToBody(BodyEntry? entry, string where, List<string> problems)
    {
        if (entry is null)
        {
            problems.Add($"{where}: the entry is empty.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(entry.Id))
        {
            problems.Add($"{where}: no id.");
            return null;
        }

        var id = entry.Id.Trim();
        where = $"{where} ({id})";
        if (!TryCountry(entry.Country, out var country))
        {
            problems.Add($"{where}: the country '{entry.Country}' is not one of NO, SE, DK, FI.");
            return null;
        }

        var doesText = entry.Does?.Trim() ?? string.Empty;
        if (doesText.Length == 0 || !doesText.All(char.IsAsciiLetter) || !Enum.TryParse<DisputeProcedure>(doesText, ignoreCase: true, out var does))
        {
            problems.Add($"{where}: 'does' is '{entry.Does}', not one of mediation, decision, recommendation.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(entry.ShortName))
        {
            problems.Add($"{where}: no shortName (what staff call the body).");
        }

        var checkedOn = ReadDate(entry.Checked, where, "checked", required: true, problems);

        if (string.IsNullOrWhiteSpace(entry.Binding))
        {
            problems.Add($"{where}: no 'binding' note; say how far the outcome binds.");
        }

        var currency = NordicCountries.Currency(country);
        var fee = new DisputeFee(0, currency, false);
        if (entry.Fee?.Amount is not { } feeAmount || feeAmount < 0)
        {
            problems.Add($"{where}: 'fee.amount' is missing or negative; write 0 for a free body.");
        }
        else
        {
            CheckCurrency(entry.Fee.Currency, currency, $"{where}: fee", problems);
            fee = new DisputeFee(feeAmount, currency, entry.Fee.RefundedIfConsumerWins ?? false);
        }

        var min = ToMoney(entry.MinClaim, currency, $"{where}: minClaim", problems);
        var max = ToMoney(entry.MaxClaim, currency, $"{where}: maxClaim", problems);
        if (min is not null && max is not null && min.Amount > max.Amount)
        {
            problems.Add($"{where}: minClaim {min} is above maxClaim {max}.");
        }

        DatePeriod? deadline = null;
        if (!string.IsNullOrWhiteSpace(entry.DeadlineFromFirstComplaint))
        {
            if (DatePeriod.TryParse(entry.DeadlineFromFirstComplaint, out var period) && period != default)
            {
                deadline = period;
            }
            else
            {
                problems.Add($"{where}: 'deadlineFromFirstComplaint' is '{entry.DeadlineFromFirstComplaint}', not an ISO 8601 period such as P1Y or P6M (or null for none).");
            }
        }

        if (entry.CompanyMustHaveRefused is null)
        {
            problems.Add($"{where}: 'companyMustHaveRefused' is missing; write true or false.");
        }

        Country? trader = null;
        if (!string.IsNullOrWhiteSpace(entry.TraderMustBeEstablishedIn))
        {
            if (TryCountry(entry.TraderMustBeEstablishedIn, out var home))
            {
                trader = home;
            }
            else
            {
                problems.Add($"{where}: 'traderMustBeEstablishedIn' is '{entry.TraderMustBeEstablishedIn}', not one of NO, SE, DK, FI (or null).");
            }
        }

        var languages = (entry.Languages ?? []).Select(l => l.Trim().ToLowerInvariant()).ToList();
        if (languages.Count == 0)
        {
            problems.Add($"{where}: no languages; list the ones the body works in.");
        }

        foreach (var language in languages.Where(l => !ComplaintSubmissionRules.Languages.Contains(l)))
        {
            problems.Add($"{where}: the language '{language}' is not one of nb, sv, da, fi, en.");
        }

        if (string.IsNullOrWhiteSpace(entry.TypicalDuration))
        {
            problems.Add($"{where}: no 'typicalDuration'.");
        }

        var web = entry.Web?.Trim() ?? string.Empty;
        if (LinksToEuOdr(web))
        {
            problems.Add($"{where}: the web address '{web}' points at the closed EU ODR platform; use the national body's own site.");
        }
        else if (!Uri.TryCreate(web, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{where}: the web address '{web}' is not an https address.");
        }

        var beforeFiling = (entry.BeforeFiling ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        foreach (var note in (string?[])[entry.Binding, entry.TypicalDuration, .. beforeFiling])
        {
            if (LinksToEuOdr(note))
            {
                problems.Add($"{where}: a staff note links to the closed EU ODR platform.");
            }
        }

        var texts = ToTexts(entry.Texts, country, where, problems);

        var limitsByYear = new List<YearLimits>();
        foreach (var (year, index) in (entry.PriceLimitsByYear ?? []).Select((y, i) => (y, i)))
        {
            var at = $"{where}.priceLimitsByYear[{index}]";
            if (year is null || year.Year is not (>= 2000 and <= 2100) || limitsByYear.Any(y => y.Year == year.Year))
            {
                problems.Add($"{at}: needs a 'year' (2000-2100), each year once.");
                continue;
            }

            var (low, high) = (ToMoney(year.MinClaim, currency, $"{at}.minClaim", problems), ToMoney(year.MaxClaim, currency, $"{at}.maxClaim", problems));
            var lowerMin = ToMoney(year.LowerMinClaim, currency, $"{at}.lowerMinClaim", problems);
            if (lowerMin is not null && string.IsNullOrWhiteSpace(year.LowerMinFor))
            {
                problems.Add($"{at}: 'lowerMinClaim' needs 'lowerMinFor' (which goods it is for).");
            }

            // A year may say it was not checked (null): staff are told to check it; a badly written date is a problem.
            var checkedYear = ReadDate(year.Checked, at, "checked", required: false, problems);
            limitsByYear.Add(new YearLimits(year.Year.Value, low, high, lowerMin, year.LowerMinFor?.Trim(), checkedYear));
        }

        if (limitsByYear.Count > 0 && (min is not null || max is not null))
        {
            problems.Add($"{where}: give the price limits either per year ('priceLimitsByYear') or once ('minClaim', 'maxClaim'), not both.");
        }

        DatePeriod? afterPrevious = null;
        if (!string.IsNullOrWhiteSpace(entry.DeadlineAfterPrevious))
        {
            if (DatePeriod.TryParse(entry.DeadlineAfterPrevious, out var period) && period != default && !string.IsNullOrWhiteSpace(entry.RequiresFirst))
            {
                afterPrevious = period;
            }
            else
            {
                problems.Add($"{where}: 'deadlineAfterPrevious' is '{entry.DeadlineAfterPrevious}'; it needs an ISO 8601 period such as P4W and a 'requiresFirst' to count from.");
            }
        }

        var notChecked = (entry.NotChecked ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();

        return new DisputeBody(
            id,
            entry.ShortName?.Trim() ?? id,
            country,
            checkedOn,
            does,
            entry.Binding?.Trim() ?? string.Empty,
            fee,
            min,
            max,
            deadline,
            entry.CompanyMustHaveRefused ?? false,
            string.IsNullOrWhiteSpace(entry.RequiresFirst) ? null : entry.RequiresFirst.Trim(),
            trader,
            beforeFiling,
            languages,
            entry.TypicalDuration?.Trim() ?? string.Empty,
            web,
            texts,
            limitsByYear.Count > 0 ? limitsByYear : null,
            afterPrevious,
            notChecked.Count > 0 ? notChecked : null);
    }

    static Dictionary<string, BodyText> ToTexts(Dictionary<string, TextEntry?>? entries, Country country, string where, List<string> problems)
    {
        var texts = new Dictionary<string, BodyText>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries ?? [])
        {
            var language = key.Trim().ToLowerInvariant();
            var path = $"{where}.texts.{key}";
            if (!ComplaintSubmissionRules.Languages.Contains(language))
            {
                problems.Add($"{path}: '{key}' is not one of our languages (nb, sv, da, fi, en).");
                continue;
            }

            if (entry is null)
            {
                problems.Add($"{path}: empty.");
                continue;
            }

            var fields = new (string Name, string? Value)[]
            {
                ("name", entry.Name),
                ("whatItDoes", entry.WhatItDoes),
                ("cost", entry.Cost),
                ("howLong", entry.HowLong),
                ("needsFirst", entry.NeedsFirst),
                ("howToFile", entry.HowToFile),
            };
            foreach (var (name, value) in fields)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"{path}: no '{name}'.");
                }
                else if (LinksToEuOdr(value))
                {
                    problems.Add($"{path}.{name}: links to the closed EU ODR platform; customers must not be sent there.");
                }
            }

            texts[language] = new BodyText(
                entry.Name?.Trim() ?? string.Empty,
                entry.WhatItDoes?.Trim() ?? string.Empty,
                entry.Cost?.Trim() ?? string.Empty,
                entry.HowLong?.Trim() ?? string.Empty,
                entry.NeedsFirst?.Trim() ?? string.Empty,
                entry.HowToFile?.Trim() ?? string.Empty);
        }

        foreach (var language in NordicCountries.Languages(country).Append(English).Where(l => !texts.ContainsKey(l)))
        {
            problems.Add($"{where}: no text in '{language}'; a body in {NordicCountries.EnglishName(country)} needs texts in {string.Join(", ", NordicCountries.Languages(country).Append(English))}.");
        }

        return texts;
    }

    // requiresFirst must name another body of the same country, and the steps must not go round in a circle.
    static void CheckSteps(List<DisputeBody> bodies, List<string> problems)
    {
        var byId = bodies.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var body in bodies.Where(b => b.RequiresFirst is not null))
        {
            var where = $"bodies ({body.Id}).requiresFirst";
            if (!byId.TryGetValue(body.RequiresFirst!, out var first))
            {
                problems.Add($"{where}: '{body.RequiresFirst}' is not the id of any body.");
                continue;
            }

            if (first.Country != body.Country)
            {
                problems.Add($"{where}: '{first.Id}' is a body in {first.Country}, not {body.Country}.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { body.Id };
            for (var step = first; step is not null; step = step.RequiresFirst is { } next ? byId.GetValueOrDefault(next) : null)
            {
                if (!seen.Add(step.Id))
                {
                    problems.Add($"{where}: the steps go round in a circle through '{step.Id}'.");
                    break;
                }
            }
        }
    }

    static Money? ToMoney(MoneyEntry? entry, string currency, string where, List<string> problems)
    {
        if (entry is null)
        {
            return null;
        }

        if (entry.Amount is not { } amount || amount < 0)
        {
            problems.Add($"{where}: the amount is missing or negative; write null for no limit.");
            return null;
        }

        CheckCurrency(entry.Currency, currency, where, problems);
        return new Money(amount, currency);
    }

    // Claims are compared in the customer's currency, so every amount must be in the body's country's currency.
    static void CheckCurrency(string? written, string expected, string where, List<string> problems)
    {
        if (!string.Equals(written?.Trim(), expected, StringComparison.Ordinal))
        {
            problems.Add($"{where}: the currency is '{written}'; amounts for this country are in {expected}.");
        }
    }

    static DateOnly? ReadDate(string? text, string where, string field, bool required, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add($"{where}: no '{field}' date; write it as yyyy-MM-dd.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{where}: '{field}' is '{text}', not a date written yyyy-MM-dd.");
        return null;
    }

    static bool TryCountry(string? key, out Country country)
    {
        country = default;
        var trimmed = key?.Trim();
        return trimmed is { Length: 2 } && trimmed.All(char.IsAsciiLetter) && Enum.TryParse(trimmed, ignoreCase: true, out country);
    }

    sealed class Assessment
    {
        public List<string> Reasons { get; } = [];

        public List<string> Notes { get; } = [];

        // Another country, nothing left in dispute, or the closed EU platform: no other rule matters.
        public bool Excluded { get; set; }
    }

    sealed class RegistryFile
    {
        public string? About { get; set; }

        public EuOdrEntry? EuOdr { get; set; }

        public List<BodyEntry?>? Bodies { get; set; }
    }

    // Dates are kept as text so a badly written one is reported, not a parse failure of the whole file.
    sealed class EuOdrEntry
    {
        public string? Checked { get; set; }

        public string? RepealedBy { get; set; }

        public string? NoNewComplaintsFrom { get; set; }

        public string? ClosedOn { get; set; }

        public string? StaffNote { get; set; }

        public Dictionary<string, string?>? Texts { get; set; }
    }

    sealed class BodyEntry
    {
        public string? Id { get; set; }

        public string? ShortName { get; set; }

        public string? Country { get; set; }

        public string? Checked { get; set; }

        public string? Does { get; set; }

        public string? Binding { get; set; }

        public FeeEntry? Fee { get; set; }

        public MoneyEntry? MinClaim { get; set; }

        public MoneyEntry? MaxClaim { get; set; }

        public string? DeadlineFromFirstComplaint { get; set; }

        public bool? CompanyMustHaveRefused { get; set; }

        public string? RequiresFirst { get; set; }

        public string? TraderMustBeEstablishedIn { get; set; }

        public List<string>? BeforeFiling { get; set; }

        public List<string>? Languages { get; set; }

        public string? TypicalDuration { get; set; }

        public string? Web { get; set; }

        public Dictionary<string, TextEntry?>? Texts { get; set; }

        public List<YearLimitsEntry?>? PriceLimitsByYear { get; set; }

        public string? DeadlineAfterPrevious { get; set; }

        public List<string>? NotChecked { get; set; }
    }

    sealed class YearLimitsEntry
    {
        public int? Year { get; set; }

        public MoneyEntry? MinClaim { get; set; }

        public MoneyEntry? MaxClaim { get; set; }

        public MoneyEntry? LowerMinClaim { get; set; }

        public string? LowerMinFor { get; set; }

        public string? Checked { get; set; }
    }

    sealed class FeeEntry
    {
        public decimal? Amount { get; set; }

        public string? Currency { get; set; }

        public bool? RefundedIfConsumerWins { get; set; }
    }

    sealed class MoneyEntry
    {
        public decimal? Amount { get; set; }

        public string? Currency { get; set; }
    }

    sealed class TextEntry
    {
        public string? Name { get; set; }

        public string? WhatItDoes { get; set; }

        public string? Cost { get; set; }

        public string? HowLong { get; set; }

        public string? NeedsFirst { get; set; }

        public string? HowToFile { get; set; }
    }
}
