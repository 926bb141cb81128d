using System.Globalization;
using System.Text;

namespace ComplaintFunctions.Domain.Complaints;

/// <summary>The currency a case's amounts are in: the one of the customer's country.</summary>
public static class CaseCurrency
{
    public static string For(Country country) => country switch
    {
        Country.NO => "NOK",
        Country.SE => "SEK",
        Country.DK => "DKK",
        Country.FI => "EUR",
        _ => throw new ArgumentOutOfRangeException(nameof(country)),
    };
}

/// <summary>An amount read from a person's writing, or why it could not be read.</summary>
public sealed record AmountReading(decimal? Amount, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Reads an amount as people in the Nordics write it: "8 499,00", "8499", "8 499", "8.499,00",
/// "8499.50", "8 499,-", with a space, no-break space or narrow no-break space between thousands,
/// and an optional currency ("kr", "NOK", "SEK", "DKK", "EUR", "€") before or after. It refuses what
/// could mean two amounts ("8.499", "8,499": thousands or decimals?), negative amounts, more than two
/// decimals, and a currency other than the case's, each with a message saying what to write.
/// </summary>
public static class AmountParser
{
    const int MaxDigits = 12;

    public static AmountReading Read(string? text, string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var example = $"for example 8499,50 or 8 499 ({currency})";
        if (string.IsNullOrWhiteSpace(text))
        {
            return Refuse($"Write an amount, {example}.");
        }

        var s = Spaces(text.Trim());
        if (s.StartsWith('-') || s.StartsWith('−') || (s.EndsWith('-') && !s.EndsWith(",-", StringComparison.Ordinal) && !s.EndsWith(".-", StringComparison.Ordinal) && !s.EndsWith(":-", StringComparison.Ordinal)))
        {
            return Refuse("The amount cannot be negative. Write the refund as a positive number, or leave the field empty.");
        }

        if (StripCurrency(ref s, currency) is { } wrongCurrency)
        {
            return Refuse($"This case's amounts are in {currency}, not {wrongCurrency}. Write the amount in {currency}.");
        }

        // "8 499,-": whole kroner.
        if (s.EndsWith(",-", StringComparison.Ordinal) || s.EndsWith(".-", StringComparison.Ordinal))
        {
            s = s[..^2].TrimEnd();
        }

        if (s.Length == 0 || s.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or ',' or '.')))
        {
            return Refuse($"'{text.Trim()}' is not an amount. Write digits only, {example}.");
        }

        if (s.StartsWith(' ') || s.StartsWith(',') || s.StartsWith('.'))
        {
            return Refuse($"'{text.Trim()}' is not an amount. Write digits only, {example}.");
        }

        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        string whole;
        string fraction = string.Empty;
        char? group;
        if (lastComma >= 0 && lastDot >= 0)
        {
            // Both marks: the last is the decimal mark, the other separates thousands.
            var decimalMark = lastComma > lastDot ? ',' : '.';
            group = decimalMark == ',' ? '.' : ',';
            var at = Math.Max(lastComma, lastDot);
            whole = s[..at];
            fraction = s[(at + 1)..];
            if (whole.Contains(decimalMark, StringComparison.Ordinal))
            {
                return Refuse($"'{text.Trim()}' has more than one decimal mark. Write it {example}.");
            }
        }
        else if (lastComma >= 0 || lastDot >= 0)
        {
            var mark = lastComma >= 0 ? ',' : '.';
            var count = s.Count(c => c == mark);
            var after = s[(s.LastIndexOf(mark) + 1)..];
            if (count > 1)
            {
                // "8.499.000": a mark used more than once separates thousands.
                group = mark;
                whole = s;
            }
            else if (after.Length == 3 && !s.Contains(' ', StringComparison.Ordinal))
            {
                var joined = s.Replace(mark.ToString(), string.Empty, StringComparison.Ordinal);
                return Refuse($"'{text.Trim()}' is unclear: {joined} with a thousands mark, or a little over {s[..s.IndexOf(mark)]} with three decimals? Write {joined} or {joined},00 for the whole amount, with no thousands mark, or use at most two decimals.");
            }
            else
            {
                group = null;
                var at = s.LastIndexOf(mark);
                whole = s[..at];
                fraction = s[(at + 1)..];
            }
        }
        else
        {
            group = null;
            whole = s;
        }

        if (fraction.Length > 2 || fraction.Contains(' ', StringComparison.Ordinal))
        {
            return Refuse($"'{text.Trim()}' has more than two decimals. Write at most two, {example}.");
        }

        if (fraction.Length == 0 && (lastComma == s.Length - 1 || lastDot == s.Length - 1))
        {
            return Refuse($"'{text.Trim()}' ends with a decimal mark. Write it {example}.");
        }

        // Thousands may be separated by spaces or by the group mark, never both, always in threes.
        var groups = whole.Split(group is { } g ? [' ', g] : [' ']);
        if (group is not null && whole.Contains(' ', StringComparison.Ordinal))
        {
            return Refuse($"'{text.Trim()}' mixes two thousands separators. Write it {example}.");
        }

        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(p => p.Length != 3)))
        {
            return Refuse($"'{text.Trim()}' does not group its thousands in threes. Write it {example}.");
        }

        var digits = string.Concat(groups);
        if (digits.Length == 0 || digits.Length > MaxDigits)
        {
            return Refuse($"'{text.Trim()}' is not an amount we can take. Write it {example}.");
        }

        var value = decimal.Parse(fraction.Length > 0 ? $"{digits}.{fraction}" : digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new AmountReading(value, null);
    }

    static AmountReading Refuse(string error) => new(null, error);

    /// <summary>Every kind of space becomes ' ', runs of them one.</summary>
    static string Spaces(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = c is ' ' or '\u00A0' or '\u202F' or '\u2009' or '\u2007' || char.IsWhiteSpace(c);
            if (space)
            {
                if (b.Length > 0 && b[^1] != ' ')
                {
                    b.Append(' ');
                }
            }
            else
            {
                b.Append(c);
            }
        }

        return b.ToString().Trim();
    }

    /// <summary>Removes a currency before or after the number; returns the currency written when it is not the case's.</summary>
    static string? StripCurrency(ref string s, string currency)
    {
        string[] marks = ["NOK", "SEK", "DKK", "EUR", "kr.", "kr", ":-", "€"];
        foreach (var mark in marks)
        {
            string? rest = null;
            if (s.EndsWith(mark, StringComparison.OrdinalIgnoreCase))
            {
                rest = s[..^mark.Length].Trim();
            }
            else if (s.StartsWith(mark, StringComparison.OrdinalIgnoreCase))
            {
                rest = s[mark.Length..].Trim();
            }

            if (rest is null)
            {
                continue;
            }

            var named = mark switch
            {
                "€" => "EUR",
                "kr." or "kr" or ":-" => currency is "NOK" or "SEK" or "DKK" ? currency : "kr",
                _ => mark.ToUpperInvariant(),
            };
            if (named != currency)
            {
                return named;
            }

            s = rest;
            return null;
        }

        return null;
    }
}

/// <summary>An amount with its currency as a reader of each language writes it ("8 499,00 NOK", "8.499,00 DKK", "8,499.00 NOK").</summary>
public static class AmountFormat
{
    public static string Format(decimal amount, string currency, string language)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var (group, decimalMark) = language switch
        {
            "en" => (",", "."),
            "da" => (".", ","),
            _ => ("\u00A0", ","), // nb, sv, fi: a space that keeps the number on one line
        };
        var numbers = new NumberFormatInfo { NumberGroupSeparator = group, NumberDecimalSeparator = decimalMark, NumberGroupSizes = [3] };
        return amount.ToString("N2", numbers) + "\u00A0" + currency;
    }
}
