using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ComplaintFunctions.Texts;

/// <summary>
/// Fills a typed text record (the words of a page, in one language) from its resource file through
/// <see cref="TextCatalog"/>, so callers keep reading properties while the words live in <c>.resx</c>.
/// Keys follow the record's shape: a text under its property's name (<c>Worklist</c>), a list under
/// <c>Name.1</c>…<c>Name.n</c>, a dictionary's entries under <c>Name.&lt;key&gt;</c> (an enum key by its name,
/// never its number), a nested record or a named tuple under <c>Name.&lt;member&gt;</c>, so
/// <c>Steps.agent-answer.Title</c>. A nullable text that is null has no key. A string property named
/// <c>Language</c> is the language's code, not a text. Kept beside the catalogue, which another part owns.
/// </summary>
public static class TextRecords
{
    /// <summary>Between the parts of a key.</summary>
    public const char Separator = '.';

    static readonly ConcurrentDictionary<(Type, string), object> Loaded = new();

    /// <summary>The language a customer's page is in: one of <see cref="TextCatalog.CustomerLanguages"/>, else English.</summary>
    public static string CustomerLanguage(string? language) => language is not null && TextCatalog.CustomerLanguages.Contains(language) ? language : "en";

    /// <summary>The language a staff page is in: nb, else English.</summary>
    public static string StaffLanguage(string? language) => language == "nb" ? "nb" : "en";

    /// <summary>The record <typeparamref name="T"/> in <paramref name="language"/>, from <typeparamref name="T"/>'s own resource file; read once per language.</summary>
    public static T Load<T>(string language) where T : class => Load<T>(typeof(T), language);

    /// <summary>The record <typeparamref name="T"/> in <paramref name="language"/>, from <paramref name="owner"/>'s resource file; read once per language.</summary>
    public static T Load<T>(Type owner, string language) where T : class
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(language);
        return (T)Loaded.GetOrAdd((typeof(T), owner.FullName + "|" + language), _ => new Reader(owner, language).Record(typeof(T), string.Empty));
    }

    /// <summary>A record's texts by key, as <see cref="Load{T}(Type, string)"/> reads them: what the tests compare with the files.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        FlattenRecord(record, string.Empty, texts);
        return texts;
    }

    static void FlattenRecord(object record, string prefix, Dictionary<string, string> texts)
    {
        foreach (var property in TextProperties(record.GetType()))
        {
            FlattenValue(property.GetValue(record), prefix + property.Name, TupleNames(property), texts);
        }
    }

    static void FlattenValue(object? value, string key, IReadOnlyList<string?>? tupleNames, Dictionary<string, string> texts)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                texts[key] = text;
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    FlattenValue(entry.Value, key + Separator + KeyText(entry.Key), tupleNames, texts);
                }

                return;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    FlattenValue(list[i], key + Separator + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), tupleNames, texts);
                }

                return;
            case ITuple tuple:
                for (var i = 0; i < tuple.Length; i++)
                {
                    FlattenValue(tuple[i], key + Separator + TupleName(tupleNames, i), null, texts);
                }

                return;
            default:
                FlattenRecord(value, key + Separator, texts);
                return;
        }
    }

    static string KeyText(object key) => key is Enum e ? e.ToString() : (string)key;

    // What a record holds: its settable public properties (positional records' and init ones), not what it works out.
    static IEnumerable<PropertyInfo> TextProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && !(p.Name == "Language" && p.PropertyType == typeof(string)))
            .OrderBy(p => p.MetadataToken);

    static string?[]? TupleNames(PropertyInfo property) => property.GetCustomAttribute<TupleElementNamesAttribute>()?.TransformNames.ToArray();

    static string TupleName(IReadOnlyList<string?>? names, int index) =>
        names is not null && index < names.Count && names[index] is { } name ? name : "Item" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    sealed class Reader(Type owner, string language)
    {
        // The keys this language can read: its own file's and English's, which stands behind it.
        // Not safe to share between threads, so each reading has its own.
        readonly NullabilityInfoContext nullabilities = new();

        readonly string[] keys = [.. TextCatalog.Own(owner, "en").Keys.Union(language == "en" ? [] : TextCatalog.Own(owner, language).Keys, StringComparer.Ordinal)];

        public object Record(Type type, string prefix)
        {
            var properties = TextProperties(type).ToList();
            var values = properties.ToDictionary(p => p.Name, p => Value(p.PropertyType, prefix + p.Name, nullabilities.Create(p), TupleNames(p)), StringComparer.Ordinal);
            if (type.GetProperty("Language", typeof(string)) is { SetMethod: not null })
            {
                values["Language"] = language;
                properties.Add(type.GetProperty("Language", typeof(string))!);
            }

            // A positional record is made through its constructor; what the constructor does not take is set after.
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(c => c.GetParameters().All(p => values.ContainsKey(p.Name!)))
                .OrderByDescending(c => c.GetParameters().Length)
                .First();
            var record = constructor.Invoke([.. constructor.GetParameters().Select(p => values[p.Name!])]);
            foreach (var property in properties.Where(p => constructor.GetParameters().All(c => c.Name != p.Name)))
            {
                property.SetValue(record, values[property.Name]);
            }

            return record;
        }

        object? Value(Type type, string key, NullabilityInfo nullability, IReadOnlyList<string?>? tupleNames)
        {
            if (type == typeof(string))
            {
                return TextCatalog.Find(owner, language, key) is { } text ? text
                    : nullability.ReadState == NullabilityState.Nullable ? null
                    : throw new InvalidOperationException($"The text '{key}' of {owner.Name} is in no resource file.");
            }

            if (type == typeof(string[]))
            {
                var list = new List<string>();
                while (TextCatalog.Find(owner, language, key + Separator + (list.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } item)
                {
                    list.Add(item);
                }

                return list.ToArray();
            }

            if (type.IsGenericType && type.GetGenericArguments() is [var keyType, var valueType] && typeof(IEnumerable).IsAssignableFrom(type))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(keyType, valueType))!;
                var start = key + Separator;
                var entries = keys.Where(k => k.StartsWith(start, StringComparison.Ordinal))
                    .Select(k => valueType == typeof(string) || valueType == typeof(string[]) ? k[start.Length..] : k[start.Length..].Split(Separator)[0])
                    .Distinct(StringComparer.Ordinal);
                if (keys.Any(k => k.StartsWith(start, StringComparison.Ordinal)) || nullability.ReadState != NullabilityState.Nullable)
                {
                    foreach (var entry in entries)
                    {
                        var entryKey = keyType.IsEnum ? Enum.Parse(keyType, entry) : entry;
                        dictionary[entryKey] = Value(valueType, start + entry, nullability.GenericTypeArguments[1], tupleNames);
                    }

                    return dictionary;
                }

                return null;
            }

            if (typeof(ITuple).IsAssignableFrom(type) && type.IsValueType)
            {
                var items = type.GetGenericArguments();
                var values = new object?[items.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    values[i] = Value(items[i], key + Separator + TupleName(tupleNames, i), nullability.GenericTypeArguments[i], null);
                }

                return Activator.CreateInstance(type, values);
            }

            // A nested record: nullable ones that have no key are null.
            return nullability.ReadState == NullabilityState.Nullable && !keys.Any(k => k.StartsWith(key + Separator, StringComparison.Ordinal))
                ? null
                : Record(type, key + Separator);
        }
    }
}
