using System.Globalization;
using System.Net.Mail;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Intake;

/// <summary>A complaint as it arrives from the web form, the JSON API or an agent: raw text, not yet trusted.</summary>
public sealed record ComplaintSubmission
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? OrderNumber { get; init; }
    public string? Product { get; init; }
    public string? Manufacturer { get; init; }
    public string? PurchaseDate { get; init; }
    public string? DeliveryDate { get; init; }
    public string? Category { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public string? Country { get; init; }
    /// <summary>Only agents set this (phone or chat).</summary>
    public string? Channel { get; init; }
}

/// <summary>Either the checked complaint or, per field, what is wrong with it.</summary>
public sealed record SubmissionCheck(ComplaintDetails? Details, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Details is not null && Errors.Count == 0;
}

public static class ComplaintSubmissionRules
{
    public const int MaxDescriptionLength = 10_000;
    public const int MaxShortFieldLength = 200;

    public static IReadOnlyList<string> Languages { get; } = ["nb", "sv", "da", "fi", "en"];

    /// <summary>Checks every field and names each bad one; <paramref name="today"/> is the date in the retailer's time zone.</summary>
    public static SubmissionCheck Check(ComplaintSubmission submission, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var name = Clean(submission.Name);
        var email = Clean(submission.Email);
        var phone = Clean(submission.Phone);
        var description = submission.Description?.Trim();

        if (email is null)
        {
            Fail("email", "An e-mail address is required, so we can send you the case number and answers.");
        }
        else if (!IsEmailAddress(email))
        {
            Fail("email", "This is not an e-mail address we can write to (for example name@example.no).");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            Fail("description", "Please describe the problem.");
        }
        else if (description.Length > MaxDescriptionLength)
        {
            Fail("description", $"The description can be at most {MaxDescriptionLength} characters; attach longer texts to a mail instead.");
        }

        if (phone is not null && !IsPhoneNumber(phone))
        {
            Fail("phone", "A phone number has 6 to 15 digits and may start with +.");
        }

        CheckLength("name", name);
        CheckLength("orderNumber", Clean(submission.OrderNumber));
        CheckLength("product", Clean(submission.Product));
        CheckLength("manufacturer", Clean(submission.Manufacturer));
        CheckLength("email", email);

        var purchaseDate = ParseDate("purchaseDate", submission.PurchaseDate);
        var deliveryDate = ParseDate("deliveryDate", submission.DeliveryDate);
        if (purchaseDate is { } bought && deliveryDate is { } delivered && delivered < bought)
        {
            Fail("deliveryDate", "The delivery date cannot be before the purchase date.");
        }

        var category = ComplaintCategory.Other;
        if (Clean(submission.Category) is { } categoryText && !ComplaintCategoryNames.TryParse(categoryText, out category))
        {
            Fail("category", "Choose one of: claim, doa, warranty, service, support, delivery, other.");
        }

        Country? country = null;
        if (Clean(submission.Country) is { } countryText)
        {
            if (Enum.TryParse<Country>(countryText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && countryText.Length == 2)
            {
                country = parsed;
            }
            else
            {
                Fail("country", "Choose one of: NO, SE, DK, FI.");
            }
        }

        string? language = null;
        if (Clean(submission.Language) is { } languageText)
        {
            language = NormaliseLanguage(languageText);
            if (language is null)
            {
                Fail("language", "Choose one of: nb, sv, da, fi, en.");
            }
        }

        if (errors.Count > 0)
        {
            return new SubmissionCheck(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var resolvedCountry = country ?? CountryForLanguage(language);
        var resolvedLanguage = language ?? LanguageForCountry(resolvedCountry);
        var details = new ComplaintDetails(
            new Customer(name, email!, phone, resolvedLanguage, resolvedCountry),
            new Purchase(Clean(submission.OrderNumber), Clean(submission.Product), Clean(submission.Manufacturer), purchaseDate, deliveryDate),
            category,
            description!);
        return new SubmissionCheck(details, new Dictionary<string, string[]>());

        void CheckLength(string field, string? value)
        {
            if (value is not null && value.Length > MaxShortFieldLength)
            {
                Fail(field, $"At most {MaxShortFieldLength} characters.");
            }
        }

        DateOnly? ParseDate(string field, string? text)
        {
            if (Clean(text) is not { } value)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Fail(field, "Write the date as YYYY-MM-DD, for example 2026-03-14.");
                return null;
            }

            if (date > today)
            {
                Fail(field, "The date cannot be in the future.");
                return null;
            }

            return date;
        }
    }

    public static string? NormaliseLanguage(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "nb" or "no" or "nn" or "nb-no" or "nn-no" => "nb",
        "sv" or "sv-se" or "sv-fi" => "sv",
        "da" or "da-dk" => "da",
        "fi" or "fi-fi" => "fi",
        "en" or "en-gb" or "en-us" => "en",
        _ => null,
    };

    public static string LanguageForCountry(Country country) => country switch
    {
        Complaints.Country.SE => "sv",
        Complaints.Country.DK => "da",
        Complaints.Country.FI => "fi",
        _ => "nb",
    };

    static Country CountryForLanguage(string? language) => language switch
    {
        "sv" => Complaints.Country.SE,
        "da" => Complaints.Country.DK,
        "fi" => Complaints.Country.FI,
        _ => Complaints.Country.NO,
    };

    // Every field but the description is one line: what a customer types there never becomes lines of its own.
    static string? Clean(string? text) => SingleLine(text);

    /// <summary>
    /// A single-line field as one line: each run of control characters (CR, LF, tab, NUL, escape…)
    /// and white space (which takes in the Unicode line and paragraph separators) becomes one space, so a value can never start a line
    /// of its own in a mail or a page (no forged <c>Category:</c> or link lines); null when nothing
    /// but white space is left.
    /// </summary>
    public static string? SingleLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = new System.Text.StringBuilder(text.Length);
        var inBreak = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (!inBreak)
                {
                    folded.Append(' ');
                }

                inBreak = true;
                continue;
            }

            inBreak = false;
            folded.Append(c);
        }

        var line = folded.ToString().Trim();
        return line.Length == 0 ? null : line;
    }

    static bool IsEmailAddress(string text)
    {
        if (text.Length > 254 || text.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var address = new MailAddress(text);
            var domain = address.Host;
            return address.Address == text && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
        }
        catch (FormatException)
        {
            return false;
        }
    }

    static bool IsPhoneNumber(string text)
    {
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '(' or ')' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return digits is >= 6 and <= 15;
    }
}
