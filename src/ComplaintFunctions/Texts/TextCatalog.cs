using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Texts;

/// <summary>
/// The texts people read, from the resource files under <c>Resources/</c> through <see cref="IStringLocalizer"/>:
/// English in the neutral file (<c>X.resx</c>), the other languages beside it (<c>X.nb.resx</c>, <c>X.sv.resx</c>, …).
/// A text class names its file by its own type (<c>Resources/&lt;folder&gt;/&lt;class&gt;.resx</c>) and reads its keys here.
/// </summary>
public static class TextCatalog
{
    /// <summary>The languages a customer is served in; staff read nb or en.</summary>
    public static IReadOnlyList<string> CustomerLanguages { get; } = ["nb", "sv", "da", "fi", "en"];

    /// <summary>The languages staff read (<c>Staff:Language</c>); a staff text in another language is English.</summary>
    public static IReadOnlyList<string> StaffLanguages { get; } = ["nb", "en"];

    static readonly ResourceManagerStringLocalizerFactory Factory = new(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }),
        NullLoggerFactory.Instance);

    static readonly ConcurrentDictionary<Type, IStringLocalizer> Localizers = new();

    static readonly ConcurrentDictionary<(Type Owner, string Language), FrozenDictionary<string, string>> OwnFiles = new();

    /// <summary>The localizer of a text class's resource file.</summary>
    public static IStringLocalizer For(Type owner) => Localizers.GetOrAdd(owner, Factory.Create);

    /// <summary>The text under <paramref name="key"/> in <paramref name="language"/> (its own file, else English); null when no file holds it.</summary>
    public static string? Find(Type owner, string? language, string key)
    {
        var localizer = For(owner);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            // IStringLocalizer reads the UI culture of the calling thread; set it for this one lookup only.
            CultureInfo.CurrentUICulture = CultureOf(language);
            var text = localizer[key];
            return text.ResourceNotFound ? null : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The text under <paramref name="key"/>; a missing key is a defect of the shipped files, so it throws with the key's name.</summary>
    public static string Get(Type owner, string? language, string key) =>
        Find(owner, language, key) ?? throw new InvalidOperationException($"The text '{key}' of {owner.Name} is in no resource file.");

    /// <summary>Whether a language's own file holds <paramref name="key"/> (English behind it not counted): a text class
    /// serves a whole text (a mail's subject and paragraphs) in one language, never a mix of two.</summary>
    public static bool Holds(Type owner, string language, string key) => Own(owner, language).ContainsKey(key);

    /// <summary>The keys and texts that a language's own file holds (without English behind it): what the completeness tests compare.</summary>
    public static IReadOnlyDictionary<string, string> Own(Type owner, string language)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(language);
        return OwnFiles.GetOrAdd((owner, language), key => ReadOwn(key.Owner, key.Language));
    }

    static FrozenDictionary<string, string> ReadOwn(Type owner, string language)
    {
        var baseName = $"{owner.Assembly.GetName().Name}.Resources.{RelativeName(owner)}";
        var assembly = owner.Assembly;
        if (language != "en")
        {
            try
            {
                assembly = assembly.GetSatelliteAssembly(CultureInfo.GetCultureInfo(language));
            }
            catch (FileNotFoundException)
            {
                return FrozenDictionary<string, string>.Empty;
            }
        }

        var resourceName = language == "en" ? $"{baseName}.resources" : $"{baseName}.{language}.resources";
        using var stream = assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return FrozenDictionary<string, string>.Empty;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new System.Resources.ResourceReader(stream);
        var entries = reader.GetEnumerator();
        while (entries.MoveNext())
        {
            texts[(string)entries.Key] = entries.Value as string ?? string.Empty;
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // The type's name below the assembly's root namespace, as the localizer factory looks it up (folder dots included).
    static string RelativeName(Type owner)
    {
        var root = owner.Assembly.GetName().Name + ".";
        var full = owner.FullName ?? owner.Name;
        return full.StartsWith(root, StringComparison.Ordinal) ? full[root.Length..] : full;
    }

    // English is the neutral file: the invariant culture reads it and nothing else.
    static CultureInfo CultureOf(string? language) => language is null or "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
}
