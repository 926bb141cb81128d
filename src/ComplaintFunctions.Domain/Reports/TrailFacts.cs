using System.Globalization;
using System.Text;

namespace ComplaintFunctions.Domain.Reports;

/// <summary>
/// The anonymised facts of a trail line that the reports count (an outcome, an amount, a score), kept in
/// their own column beside the line's readable summary. Erasing a case's personal data blanks the summary
/// and keeps these, so a report reads the same before and after. Written as <c>key=value;key=value</c>:
/// keys and values are fixed words, numbers and currency codes, never a person's text.
/// </summary>
public sealed class TrailFacts : IEquatable<TrailFacts>
{
    readonly SortedDictionary<string, string> values;

    TrailFacts(SortedDictionary<string, string> values) => this.values = values;

    public static TrailFacts None { get; } = new(new SortedDictionary<string, string>(StringComparer.Ordinal));

    public static TrailFacts Of(params (string Key, string? Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (value is null)
            {
                continue;
            }

            Check(key, nameof(pairs));
            Check(value, nameof(pairs));
            map[key] = value;
        }

        return new TrailFacts(map);
    }

    /// <summary>An amount as the facts hold it: invariant, at most two decimals.</summary>
    public static string? Amount(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Reads the column; a column from a later version with words this one does not know keeps them.</summary>
    public static TrailFacts Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && equals < part.Length - 1)
            {
                map[part[..equals]] = part[(equals + 1)..];
            }
        }

        return new TrailFacts(map);
    }

    public bool IsEmpty => values.Count == 0;

    public string? this[string key] => values.TryGetValue(key, out var value) ? value : null;

    public decimal? AmountOf(string key) =>
        this[key] is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    /// <summary>These facts with <paramref name="more"/> added (a key in both takes the later value).</summary>
    public TrailFacts With(TrailFacts more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var map = new SortedDictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var (key, value) in more.values)
        {
            map[key] = value;
        }

        return new TrailFacts(map);
    }

    /// <summary>The column's text; null when there are no facts (the column is then not written).</summary>
    public string? ToColumn()
    {
        if (values.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var (key, value) in values)
        {
            text.Append(text.Length == 0 ? string.Empty : ";").Append(key).Append('=').Append(value);
        }

        return text.ToString();
    }

    public override string ToString() => ToColumn() ?? string.Empty;

    // Facts are values: the process's tests compare the steps it decides, facts and all.
    public bool Equals(TrailFacts? other) => other is not null && string.Equals(ToColumn(), other.ToColumn(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TrailFacts);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    static void Check(string word, string parameter)
    {
        if (string.IsNullOrEmpty(word) || word.Length > 40 || word.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')))
        {
            throw new ArgumentException($"'{word}' is not a fact word (ASCII letters, digits, '-', '.', '_'; at most 40).", parameter);
        }
    }
}

/// <summary>The fact keys the app writes; their names are a contract with every report of the past.</summary>
public static class FactKeys
{
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string Outcome = "outcome";
    public const string Referred = "referred";
    public const string Finding = "finding";
    public const string OnTime = "on-time";
    public const string Score = "score";
    public const string Category = "category";
    public const string Into = "into";
    public const string Survey = "survey";
}
