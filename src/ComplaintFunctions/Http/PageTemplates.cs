using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace ComplaintFunctions.Http;

/// <summary>A view model a page template reads: its public properties are what the template may see.</summary>
public interface IPageModel;

/// <summary>
/// The pages' Liquid templates (<c>Templates/**/*.liquid</c>, embedded in this assembly), each parsed on
/// first use and kept for the life of the process. Every value a template writes is HTML-encoded unless
/// the template says <c>| raw</c>, which only the frame does for markup another template made, so a
/// customer's text can never become markup.
/// </summary>
public static class PageTemplates
{
    const string Prefix = "Templates/";

    static readonly Assembly Assembly = typeof(PageTemplates).Assembly;

    // Only what HTML needs is encoded (& < > " ' +); Nordic letters stay readable in the page source.
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    static readonly FluidParser Parser = new();

    static readonly TemplateOptions Options = CreateOptions();

    static readonly ConcurrentDictionary<string, Lazy<IFluidTemplate>> Parsed = new(StringComparer.Ordinal);

    /// <summary>Every embedded template, by its name under <c>Templates/</c> without <c>.liquid</c> (<c>layout</c>, <c>intake/form</c>).</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".liquid", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".liquid".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The markup template <paramref name="name"/> makes of <paramref name="model"/>.</summary>
    public static string Render(string name, IPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = Parsed.GetOrAdd(name, n => new Lazy<IFluidTemplate>(() => Parse(n))).Value;
        // A template file ends with a newline like every file; the page does not need it.
        return template.Render(new TemplateContext(model, Options), Encoder).TrimEnd('\n');
    }

    /// <summary>Parses a template; a broken one names itself and where it breaks (a test parses them all).</summary>
    public static IFluidTemplate Parse(string name)
    {
        var source = Source(name);
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The page template {name} does not parse: {error}");
    }

    static string Source(string name)
    {
        var resource = Assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == Prefix + name + ".liquid")
            ?? throw new InvalidOperationException($"No page template {name} is embedded in the app.");
        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { CultureInfo = System.Globalization.CultureInfo.InvariantCulture };
        // Only the view models' own properties are readable, never an arbitrary object handed in by mistake.
        foreach (var type in Assembly.GetTypes().Where(t => typeof(IPageModel).IsAssignableFrom(t) && !t.IsInterface))
        {
            options.MemberAccessStrategy.Register(type);
        }

        // A text's lines, each encoded, with a <br> between them (Liquid's newline_to_br would leave the newlines in).
        options.Filters.AddFilter("lines", (input, _, _) =>
            new StringValue(string.Join("<br>", input.ToStringValue().Split('\n').Select(Encoder.Encode)), encode: false));
        return options;
    }
}
