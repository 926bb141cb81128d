using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Intake;

namespace ComplaintFunctions.Staff;

/// <summary>Where a customer gets service or support for a product in one country.</summary>
/// <param name="Manufacturer">The manufacturer's name as the directory writes it; null for our own customer service.</param>
/// <param name="Country">The country the contact serves; null for a contact that serves every country.</param>
/// <param name="Checked">The day someone last verified the contact; null means never (the validation refuses that).</param>
public sealed record SupportContact(
    string? Manufacturer,
    Country? Country,
    string Name,
    string Web,
    string? Phone,
    string? Email,
    IReadOnlyList<string> Languages,
    DateOnly? Checked)
{
    /// <summary>Our own customer service: the manufacturer is not in the directory, or has no contact for the country.</summary>
    public bool IsRetailerDefault => Manufacturer is null;
}

/// <summary>
/// The manufacturers' support contacts per country, kept as data staff can edit
/// (<c>Data/manufacturer-support.json</c>, copied next to the app). Lookups forgive how people
/// write company names ("ACME AS", "Acme Inc.", "Acme Norge") and fall back to the manufacturer's
/// contact for every country, then to our own customer service in the customer's country.
/// </summary>
public sealed class ManufacturerDirectory
{
    public const string RelativePath = "Data/manufacturer-support.json";
    const string AnyCountry = "*";

    // Company-form words that say nothing about which manufacturer is meant.
    static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "as", "asa", "a/s", "aps", "ab", "publ", "oy", "oyj", "ky", "hf", "ehf",
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc",
        "gmbh", "ag", "kg", "se", "sa", "sas", "srl", "spa", "bv", "nv", "kk", "pty", "pte",
    };

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    readonly List<Maker> makers;
    readonly Dictionary<Country, SupportContact> defaults;
    readonly List<string> problems;

    ManufacturerDirectory(string? about, List<Maker> makers, Dictionary<Country, SupportContact> defaults, List<string> problems)
    {
        About = about;
        this.makers = makers;
        this.defaults = defaults;
        this.problems = problems;
    }

    /// <summary>The file's own note on what its entries are.</summary>
    public string? About { get; }

    /// <summary>Every contact in the file, our own defaults first.</summary>
    public IReadOnlyList<SupportContact> Entries =>
        [.. defaults.Values.OrderBy(c => c.Country), .. makers.SelectMany(m => m.Contacts.Values)];

    public IReadOnlyList<string> Manufacturers => [.. makers.Select(m => m.Name)];

    /// <summary>The directory shipped with the app, from the app's own folder.</summary>
    public static ManufacturerDirectory LoadFromAppFolder() => Load(Path.Combine(AppContext.BaseDirectory, RelativePath));

    public static ManufacturerDirectory Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a readable manufacturer directory: {e.Message}", e);
        }
    }

    public static ManufacturerDirectory Parse(string json)
    {
        var file = JsonSerializer.Deserialize<DirectoryFile>(json, JsonOptions)
            ?? throw new JsonException("The manufacturer directory is empty.");
        var problems = new List<string>();

        var defaults = new Dictionary<Country, SupportContact>();
        foreach (var (key, entry) in file.Default ?? [])
        {
            if (TryCountry(key, out var country))
            {
                defaults[country] = ToContact(null, country, entry, $"default.{key}", problems);
            }
            else
            {
                problems.Add($"default.{key}: '{key}' is not one of the countries NO, SE, DK, FI.");
            }
        }

        foreach (var country in Enum.GetValues<Country>().Where(c => !defaults.ContainsKey(c)))
        {
            problems.Add($"default: there is no entry for {country}; every country needs our own customer service as the fallback.");
        }

        var makers = new List<Maker>();
        var seenKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, index) in (file.Manufacturers ?? []).Select((m, i) => (m, i)))
        {
            var where = $"manufacturers[{index}]";
            if (string.IsNullOrWhiteSpace(entry.Manufacturer))
            {
                problems.Add($"{where}: the manufacturer has no name.");
                continue;
            }

            var name = entry.Manufacturer.Trim();
            var keys = new List<string[]>();
            foreach (var written in (string?[])[name, .. entry.Aliases ?? []])
            {
                var tokens = NameTokens(written);
                if (tokens.Length == 0)
                {
                    problems.Add($"{where} ({name}): the name or alias '{written}' has nothing left after company forms are removed.");
                    continue;
                }

                var key = string.Concat(tokens);
                if (seenKeys.TryGetValue(key, out var owner) && owner != name)
                {
                    problems.Add($"{where} ({name}): '{written}' is also a name of {owner}; a lookup could not tell them apart.");
                }

                seenKeys[key] = name;
                keys.Add(tokens);
            }

            var contacts = new Dictionary<string, SupportContact>(StringComparer.Ordinal);
            foreach (var (countryKey, contact) in entry.Contacts ?? [])
            {
                var path = $"{where} ({name}).contacts.{countryKey}";
                if (countryKey == AnyCountry)
                {
                    contacts[AnyCountry] = ToContact(name, null, contact, path, problems);
                }
                else if (TryCountry(countryKey, out var country))
                {
                    contacts[country.ToString()] = ToContact(name, country, contact, path, problems);
                }
                else
                {
                    problems.Add($"{path}: '{countryKey}' is not one of NO, SE, DK, FI or '*'.");
                }
            }

            if (contacts.Count == 0)
            {
                problems.Add($"{where} ({name}): no contacts.");
            }

            makers.Add(new Maker(name, keys, contacts));
        }

        return new ManufacturerDirectory(file.About, makers, defaults, problems);
    }

    /// <summary>
    /// What is wrong with the file: entries without a checked date, without a name or web page,
    /// with languages we do not serve, countries that are not ours, a missing default. Empty when all is well.
    /// </summary>
    public IReadOnlyList<string> Problems() => problems;

    /// <summary>Entries last checked before <paramref name="date"/> (or never): the list to re-check.</summary>
    public IReadOnlyList<SupportContact> CheckedBefore(DateOnly date) =>
        [.. Entries.Where(e => e.Checked is not { } d || d < date)];

    /// <summary>
    /// The support contact for <paramref name="manufacturer"/> in <paramref name="country"/>: the
    /// manufacturer's contact for the country, else its contact for every country, else our own
    /// customer service in that country (also when the manufacturer is unknown or not given).
    /// </summary>
    public SupportContact Find(string? manufacturer, Country country) =>
        FindManufacturerContact(manufacturer, country)
        ?? (defaults.TryGetValue(country, out var ours)
            ? ours
            : throw new InvalidOperationException($"The manufacturer directory has no default entry for {country}."));

    /// <summary>
    /// The manufacturer's own support contact for <paramref name="country"/> (or for every country),
    /// or null when the directory does not know the manufacturer or has no contact of it there.
    /// </summary>
    public SupportContact? FindManufacturerContact(string? manufacturer, Country country)
    {
        var maker = FindMaker(manufacturer);
        if (maker is null)
        {
            return null;
        }

        return maker.Contacts.TryGetValue(country.ToString(), out var local) ? local
            : maker.Contacts.TryGetValue(AnyCountry, out var everywhere) ? everywhere
            : null;
    }

    /// <summary>The manufacturer's name as the directory writes it, or null when the directory does not know it.</summary>
    public string? Recognise(string? manufacturer) => FindMaker(manufacturer)?.Name;

    Maker? FindMaker(string? written)
    {
        var tokens = NameTokens(written);
        if (tokens.Length == 0)
        {
            return null;
        }

        var key = string.Concat(tokens);
        var exact = makers.FirstOrDefault(m => m.Keys.Any(k => string.Concat(k) == key));
        if (exact is not null)
        {
            return exact;
        }

        // "Acme Norge", "Nordtek Nordic": the manufacturer's name followed by a branch or country.
        return makers
            .SelectMany(m => m.Keys.Select(k => (Maker: m, Key: k)))
            .Where(x => x.Key.Length < tokens.Length && tokens.Take(x.Key.Length).SequenceEqual(x.Key, StringComparer.Ordinal))
            .OrderByDescending(x => x.Key.Length)
            .Select(x => x.Maker)
            .FirstOrDefault();
    }

    /// <summary>The text with what is not text (a lone surrogate, a noncharacter such as U+FFFF) as spaces: normalization refuses those.</summary>
    static string OnlyText(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text, i, 2);
                i++;
            }
            else
            {
                kept.Append(char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || c is >= '\uFDD0' and <= '\uFDEF' ? ' ' : c);
            }
        }

        return kept.ToString();
    }

    /// <summary>The words of a company name that identify it: lower case, accents and punctuation off, company forms at the end dropped.</summary>
    internal static string[] NameTokens(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        // A lone surrogate or a noncharacter (valid JSON, "\ud800", "\uffff", but not text) cannot be normalized: it is no letter anyway.
        var decomposed = OnlyText(name.Trim().ToLowerInvariant()).Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(char.IsLetterOrDigit(c) || c == '/' ? c : ' ');
        }

        var tokens = plain.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('/'))
            .Where(t => t.Length > 0)
            .ToList();
        while (tokens.Count > 1)
        {
            if (LegalForms.Contains(tokens[^1]))
            {
                tokens.RemoveAt(tokens.Count - 1);
            }
            else if (tokens.Count > 2 && tokens[^2] == "a" && tokens[^1] == "s")
            {
                // "A. S." or "A / S" written apart.
                tokens.RemoveRange(tokens.Count - 2, 2);
            }
            else
            {
                break;
            }
        }

        return [.. tokens.Select(t => t.Replace("/", string.Empty, StringComparison.Ordinal))];
    }

    static SupportContact ToContact(string? manufacturer, Country? country, ContactEntry? entry, string where, List<string> problems)
    {
        if (entry is null)
        {
            problems.Add($"{where}: the entry is empty.");
            entry = new ContactEntry();
        }

        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            problems.Add($"{where}: no name.");
        }

        if (!Uri.TryCreate(entry.Web, UriKind.Absolute, out var web) || web.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{where}: the support web page '{entry.Web}' is not an https address.");
        }

        if (entry.Email is { Length: > 0 } email && (email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@')))
        {
            problems.Add($"{where}: '{email}' is not an e-mail address.");
        }

        var languages = (entry.Languages ?? []).Select(l => l.Trim().ToLowerInvariant()).ToList();
        if (languages.Count == 0)
        {
            problems.Add($"{where}: no languages; list the ones the contact answers in (nb, sv, da, fi, en).");
        }

        foreach (var language in languages.Where(l => !ComplaintSubmissionRules.Languages.Contains(l)))
        {
            problems.Add($"{where}: '{language}' is not one of our languages (nb, sv, da, fi, en).");
        }

        DateOnly? checkedOn = null;
        if (string.IsNullOrWhiteSpace(entry.Checked))
        {
            problems.Add($"{where}: no 'checked' date; write the day someone verified the contact (yyyy-MM-dd).");
        }
        else if (DateOnly.TryParseExact(entry.Checked.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            checkedOn = date;
        }
        else
        {
            problems.Add($"{where}: 'checked' is '{entry.Checked}', not a date written yyyy-MM-dd.");
        }

        return new SupportContact(
            manufacturer,
            country,
            entry.Name?.Trim() ?? string.Empty,
            entry.Web?.Trim() ?? string.Empty,
            Blank(entry.Phone),
            Blank(entry.Email),
            languages,
            checkedOn);
    }

    static bool TryCountry(string key, out Country country)
    {
        country = default;
        return key.Length == 2 && key.All(char.IsAsciiLetter) && Enum.TryParse(key, ignoreCase: true, out country);
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    sealed record Maker(string Name, List<string[]> Keys, Dictionary<string, SupportContact> Contacts);

    sealed class DirectoryFile
    {
        public string? About { get; set; }

        public Dictionary<string, ContactEntry?>? Default { get; set; }

        public List<ManufacturerEntry>? Manufacturers { get; set; }
    }

    sealed class ManufacturerEntry
    {
        public string? Manufacturer { get; set; }

        public List<string>? Aliases { get; set; }

        public Dictionary<string, ContactEntry?>? Contacts { get; set; }
    }

    sealed class ContactEntry
    {
        public string? Name { get; set; }

        public string? Web { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public List<string>? Languages { get; set; }

        // Kept as text so a badly written date is reported, not a parse failure of the whole file.
        [JsonPropertyName("checked")]
        public string? Checked { get; set; }
    }
}
