using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ComplaintFunctions.Settings;

/// <summary>A configuration section the app binds (<c>CustomerService</c>, <c>BusinessHours:NO</c>), and the options class it binds to.</summary>
public sealed record SettingsSection(string Path, Type OptionsType);

/// <summary>A configuration key no options class reads, and the known key it most likely meant (null when none is close).</summary>
public sealed record UnknownSetting(string Key, string? Suggestion)
{
    /// <summary>What the start-up warning says.</summary>
    public override string ToString() => Suggestion is null
        ? $"{Key} is not a setting and is ignored"
        : $"{Key} is not a setting and is ignored; did you mean {Suggestion}?";
}

/// <summary>
/// Finds configuration keys under the app's own sections that no options class has a property for,
/// so a misspelt or outdated setting is reported instead of silently ignored. It walks the
/// configuration below each section against the options class's properties, recursively: nested
/// classes by property, dictionaries by key (enum keys such as <c>Triage:ClaimYears:SE</c> must be a
/// known value), lists by index (<c>BusinessHours:NO:ExtraClosedDates:0</c>). A section name one or
/// two letters off a known one (<c>CustomerServices</c>) is reported too; other top-level keys
/// (environment variables, the host's settings) are not the app's and are left alone.
/// </summary>
public sealed class SettingsCheck
{
    readonly IConfiguration configuration;
    readonly SectionShape root = new();
    readonly List<(string Path, string Name)> everyKnownName = [];

    public SettingsCheck(IConfiguration configuration, IEnumerable<SettingsSection> sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sections);
        this.configuration = configuration;
        foreach (var section in sections)
        {
            var shape = Shape.Of(section.OptionsType);
            root.Add(section.Path.Split(':'), shape, section.Path);
            if (shape is ObjectShape options)
            {
                everyKnownName.AddRange(options.Names.Select(name => ($"{section.Path}:{name}", name)));
            }
        }
    }

    /// <summary>Every unknown key, in configuration order; empty when all are known.</summary>
    public IReadOnlyList<UnknownSetting> FindUnknown()
    {
        var found = new List<UnknownSetting>();
        foreach (var top in configuration.GetChildren())
        {
            if (root.Child(top.Key) is { } shape)
            {
                Walk(top, shape, found);
            }
            else if (NearestName(top.Key, root.Names) is { } meant && top.GetChildren().Any())
            {
                // A section name with a typo: every key under it is lost.
                ReportAll(top, meant, found);
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="key"/> (with <c>:</c>) is a setting some options class reads.</summary>
    public bool IsKnown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Shape? shape = root;
        foreach (var part in key.Split(':'))
        {
            shape = shape?.Child(part);
        }

        return shape is not null && shape is not SectionShape;
    }

    /// <summary>Whether <paramref name="key"/> lies under one of the app's sections (so the app, not the host, owns it).</summary>
    public bool IsAppKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return root.Child(key.Split(':')[0]) is not null;
    }

    void Walk(IConfigurationSection section, Shape shape, List<UnknownSetting> found)
    {
        foreach (var child in section.GetChildren())
        {
            if (shape.Child(child.Key) is { } inner)
            {
                Walk(child, inner, found);
            }
            else
            {
                ReportAll(child, Suggest(section.Path, child.Key, shape), found);
            }
        }
    }

    /// <summary>
    /// Reports <paramref name="section"/>, or every key below it (<c>BusinessHours:NOR:Monday</c>),
    /// suggesting the same key under <paramref name="meant"/> where that is a setting (<c>BusinessHours:NO:Monday</c>).
    /// </summary>
    void ReportAll(IConfigurationSection section, string? meant, List<UnknownSetting> found)
    {
        if (!section.GetChildren().Any())
        {
            found.Add(new UnknownSetting(section.Path, meant));
            return;
        }

        foreach (var key in Leaves(section))
        {
            var corrected = meant is null ? null : meant + key[section.Path.Length..];
            found.Add(new UnknownSetting(key, corrected is not null && IsKnown(corrected) ? corrected : meant));
        }
    }

    static IEnumerable<string> Leaves(IConfigurationSection section) =>
        section.GetChildren().SelectMany(child => child.GetChildren().Any() ? Leaves(child) : [child.Path]);

    /// <summary>
    /// A name at the same level within a few edits; else a setting of any section with (nearly) the
    /// same name, or sharing the most words with it (<c>ProgressInterval</c> → <c>CustomerService:ProgressAfter</c>).
    /// </summary>
    string? Suggest(string parentPath, string key, Shape shape)
    {
        var sameLevel = shape.Names.Select(name => (Path: $"{parentPath}:{name}", Name: name, SameLevel: true));
        var elsewhere = everyKnownName.Select(known => (known.Path, known.Name, SameLevel: false));
        var limit = EditLimit(key);
        var words = Words(key);
        return sameLevel.Concat(elsewhere)
            .Select(c => (c.Path, c.SameLevel, Distance: EditDistance(key, c.Name), Shared: Words(c.Name).Intersect(words, StringComparer.OrdinalIgnoreCase).Count()))
            .Where(c => c.Distance <= limit || c.Shared > 0)
            // Near spellings first (fewest edits), then shared words (most first); the same level wins a tie.
            .OrderBy(c => c.Distance <= limit ? (0, c.Distance) : (1, -c.Shared))
            .ThenBy(c => c.SameLevel ? 0 : 1)
            .ThenBy(c => c.Distance)
            .Select(c => c.Path)
            .FirstOrDefault();
    }

    static string? NearestName(string key, IEnumerable<string> names) =>
        names.Select(name => (name, distance: EditDistance(key, name)))
            .Where(c => c.distance > 0 && c.distance <= Math.Min(2, EditLimit(key)))
            .OrderBy(c => c.distance)
            .Select(c => c.name)
            .FirstOrDefault();

    static int EditLimit(string key) => Math.Clamp(key.Length / 4, 1, 3);

    /// <summary>The words of a Pascal-case name of four letters or more ("ProgressAfter" → Progress, After).</summary>
    static List<string> Words(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])))
            {
                if (i - start >= 4)
                {
                    words.Add(name[start..i]);
                }

                start = i;
            }
        }

        return words;
    }

    /// <summary>Edits (insert, delete, replace, swap of neighbours) from one name to the other, ignoring case.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>What may stand below a configuration section: the names it takes and the shape of each.</summary>
    abstract class Shape
    {
        /// <summary>The names known at this level, for suggestions (empty where any name goes, or none).</summary>
        public abstract IEnumerable<string> Names { get; }

        /// <summary>The shape below <paramref name="key"/>, or null when nothing reads that key.</summary>
        public abstract Shape? Child(string key);

        public static Shape Of(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (IsValue(type))
            {
                return ValueShape.Instance;
            }

            if ((GenericArguments(type, typeof(IDictionary<,>)) ?? GenericArguments(type, typeof(IReadOnlyDictionary<,>))) is { } pair)
            {
                return new DictionaryShape(pair[0], pair[1]);
            }

            if (type.IsArray)
            {
                return new ListShape(type.GetElementType()!);
            }

            if (typeof(IEnumerable).IsAssignableFrom(type) && GenericArguments(type, typeof(IEnumerable<>)) is { } element)
            {
                return new ListShape(element[0]);
            }

            return new ObjectShape(type);
        }

        static bool IsValue(Type type) =>
            type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(object)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri)
            || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

        static Type[]? GenericArguments(Type type, Type openInterface) =>
            (type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == openInterface ? type : null)
                ?.GetGenericArguments()
            ?? type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface)?.GetGenericArguments();
    }

    sealed class ValueShape : Shape
    {
        public static readonly ValueShape Instance = new();

        public override IEnumerable<string> Names => [];

        public override Shape? Child(string key) => null;
    }

    /// <summary>An options class: its public properties, by name or <see cref="ConfigurationKeyNameAttribute"/>, ignoring case as the binder does.</summary>
    sealed class ObjectShape(Type type) : Shape
    {
        readonly Dictionary<string, Type> properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name, p => p.PropertyType, StringComparer.OrdinalIgnoreCase);

        public override IEnumerable<string> Names => properties.Keys;

        public override Shape? Child(string key) => properties.TryGetValue(key, out var propertyType) ? Of(propertyType) : null;
    }

    sealed class DictionaryShape(Type keyType, Type valueType) : Shape
    {
        public override IEnumerable<string> Names => keyType.IsEnum ? Enum.GetNames(keyType) : [];

        public override Shape? Child(string key)
        {
            var known = keyType.IsEnum
                ? Enum.GetNames(keyType).Contains(key, StringComparer.OrdinalIgnoreCase)
                : keyType == typeof(string) || TypeDescriptor.GetConverter(keyType).IsValid(key);
            return known ? Of(valueType) : null;
        }
    }

    /// <summary>A list or array: the binder takes its items in key order, whatever the keys are (0, 1, 2 by convention).</summary>
    sealed class ListShape(Type elementType) : Shape
    {
        public override IEnumerable<string> Names => [];

        public override Shape? Child(string key) => Of(elementType);
    }

    /// <summary>The sections themselves: <c>Pipeline</c>, <c>BusinessHours</c> with <c>Default</c>, <c>NO</c> and so on below it.</summary>
    sealed class SectionShape : Shape
    {
        readonly Dictionary<string, Shape> children = new(StringComparer.OrdinalIgnoreCase);

        public override IEnumerable<string> Names => children.Keys;

        public override Shape? Child(string key) => children.GetValueOrDefault(key);

        public void Add(ReadOnlySpan<string> path, Shape shape, string fullPath)
        {
            if (path.Length == 1)
            {
                if (!children.TryAdd(path[0], shape))
                {
                    throw new ArgumentException($"The section {fullPath} is listed twice, or inside another listed section.", nameof(path));
                }

                return;
            }

            if (!children.TryGetValue(path[0], out var next))
            {
                children[path[0]] = next = new SectionShape();
            }

            if (next is not SectionShape inner)
            {
                throw new ArgumentException($"The section {fullPath} lies inside another listed section.", nameof(path));
            }

            inner.Add(path[1..], shape, fullPath);
        }
    }
}
