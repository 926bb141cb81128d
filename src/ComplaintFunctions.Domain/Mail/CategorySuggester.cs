using System.Text;
using System.Text.RegularExpressions;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Mail;

/// <summary>
/// A suggested category for staff to confirm. <see cref="Confidence"/> is 0 to 1: near 1 when
/// strong words point one way only, low when few or mixed words matched. <see cref="Words"/>
/// are the words as the customer wrote them (lower case), strongest first.
/// </summary>
public sealed record CategorySuggestion(
    ComplaintCategory Category,
    int Score,
    double Confidence,
    IReadOnlyList<string> Words,
    IReadOnlyDictionary<ComplaintCategory, int> Scores)
{
    public bool IsOther => Category == ComplaintCategory.Other;
}

/// <summary>
/// Suggests a complaint category from free text in Norwegian, Swedish, Danish, Finnish and
/// English by weighted key words and phrases. Phrases win over the words inside them ("virket
/// ikke ved levering" is dead on arrival, not a delivery problem and a defect), words match
/// whole (a trailing * in the table allows endings, a leading * allows a compound's first half),
/// and nothing found means <see cref="ComplaintCategory.Other"/>.
/// </summary>
public static class CategorySuggester
{
    const int MaxTextLength = 20_000;

    // When scores tie, the category with more at stake for the customer wins.
    static readonly ComplaintCategory[] Precedence =
    [
        ComplaintCategory.Doa,
        ComplaintCategory.Claim,
        ComplaintCategory.Delivery,
        ComplaintCategory.Warranty,
        ComplaintCategory.Service,
        ComplaintCategory.Support,
    ];

    static readonly Keyword[] Keywords = Build(
        // Said about us, not about the product: consumed first so "service" and "support" inside them do not count.
        (null, 0, ["customer service", "customer support", "customer care", "service desk"]),

        (ComplaintCategory.Doa, 4,
        [
            "doa", "dead on arrival", "broken on arrival", "arrived broken", "arrived damaged", "arrived defective",
            "did not work on arrival", "didn't work on arrival", "never worked", "broken out of the box", "did not work out of the box",
            "virket ikke ved levering", "fungerte ikke ved levering", "død ved levering", "ødelagt ved levering", "defekt ved levering",
            "i stykker ved levering", "knust ved levering", "skadet ved levering", "kom ødelagt", "kom i stykker", "virket aldri", "fungerte aldri",
            "virket ikke da den kom", "virket ikke ut av esken",
            "död vid leverans", "trasig vid leverans", "defekt vid leverans", "sönder vid leverans", "skadad vid leverans",
            "fungerade inte vid leverans", "fungerade inte när den kom", "kom trasig", "fungerade aldrig",
            "virkede ikke ved levering", "virkede aldrig", "beskadiget ved levering",
            "ei toiminut toimitettaessa", "rikki toimitettaessa", "viallinen toimitettaessa", "saapui rikki*", "tuli rikki*",
            "ei toiminut alusta*", "ei ole koskaan toiminut",
        ]),

        (ComplaintCategory.Claim, 3,
        [
            "*reklamasjon*", "reklamere*", "reklamerer", "*reklamation*", "reklamera*", "reklamaatio*", "reklamoi*",
            "stopped working", "sluttet å virke", "sluttet å fungere", "gått sönder", "gick sönder", "slutat fungera",
            "holdt op med at virke", "gået i stykker", "lakkasi toimimasta",
        ]),
        (ComplaintCategory.Claim, 2,
        [
            "defekt*", "defect*", "faulty", "malfunction*", "viallinen", "viallise*", "hajos*", "hajon*",
        ]),
        (ComplaintCategory.Claim, 1,
        [
            "feil", "feilen", "fel", "felet", "fejl*", "vika", "vikaa", "vikoja", "vian", "viasta", "vikaantu*", "broken", "does not work", "doesn't work", "not working",
            "virker ikke", "fungerer ikke", "ødelagt*", "i stykker", "knust", "fungerar inte", "trasig*", "sönder", "ei toimi", "rikki",
        ]),

        (ComplaintCategory.Warranty, 3,
        [
            "*garanti*", "*takuu*", "warrant*",
        ]),
        (ComplaintCategory.Warranty, 2, ["guarantee*"]),

        (ComplaintCategory.Service, 3,
        [
            "repara*", "korjau*", "*huolto*", "repair*", "servicesenter*", "servicecenter*", "serviceverksted*",
        ]),
        (ComplaintCategory.Service, 2,
        [
            "service", "korjaa*", "korjat*", "verksted*", "verkstad*", "værksted*", "technician*", "tekniker*", "fix",
        ]),

        (ComplaintCategory.Support, 3,
        [
            "how do i", "how can i", "hur gör jag", "hur gör man", "hvordan gjør jeg", "hvordan gør jeg", "miten saan", "kuinka saan",
        ]),
        (ComplaintCategory.Support, 2,
        [
            "hvordan", "miten", "how to", "support", "tuki", "*tuen", "installer*", "installasjon*", "installation*", "asenn*",
            "koble til", "koble opp", "kople til", "anslut*", "tilslut*", "yhdist*", "oppsett*", "sette opp", "setup", "set up",
            "konfigur*", "bruksanvisning*", "brugsanvisning*", "käyttöohje*", "manual",
        ]),
        (ComplaintCategory.Support, 1,
        [
            "hur", "kuinka", "innstilling*", "inställning*", "indstilling*", "asetu*", "driver*", "drivrutin*",
            "oppdater*", "uppdater*", "opdater*", "päivit*", "update*", "passord", "lösenord", "adgangskode", "salasana*", "password",
        ]),

        (ComplaintCategory.Delivery, 3,
        [
            "not arrived", "hasn't arrived", "has not arrived", "never arrived", "not received", "not been delivered", "wrong item",
            "ikke kommet", "ikke mottatt", "ikke levert", "feil vare", "feil produkt",
            "inte kommit", "inte fått", "inte levererats", "inte levererat", "fel vara", "fel produkt",
            "ikke modtaget", "ikke ankommet", "ikke leveret", "forkert vare",
            "ei ole tullut", "ei ole saapunut", "ei saapunut", "ei ole toimitettu", "väärä tuote",
        ]),
        (ComplaintCategory.Delivery, 2,
        [
            "levering*", "leverans*", "toimitu*", "delivery", "shipping", "shipment", "pakke*", "paket*", "sendingen", "forsendelse*",
            "försändelse*", "lähetys*", "sporing*", "spårning*", "tracking", "seuranta*", "forsinket", "försenad*", "myöhässä", "ikke fått",
        ]),
        (ComplaintCategory.Delivery, 1,
        [
            "delivered", "levert", "levererad", "leveret", "toimitettu", "postnord", "hentested*", "utleveringssted*", "ombud*", "noutopiste*",
        ]));

    public static CategorySuggestion Suggest(params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var text = string.Join("\n", texts.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        text = text.Normalize(NormalizationForm.FormC).Replace('\u2019', '\'');
        var taken = new bool[text.Length];
        var scores = Precedence.ToDictionary(c => c, _ => 0);
        var words = new List<(ComplaintCategory Category, int Weight, string Word)>();

        foreach (var keyword in Keywords)
        {
            var counted = false;
            foreach (Match m in keyword.Pattern.Matches(text))
            {
                if (Overlaps(taken, m.Index, m.Length))
                {
                    continue;
                }

                Array.Fill(taken, true, m.Index, m.Length);
                if (keyword.Category is { } category && !counted)
                {
                    counted = true;
                    scores[category] += keyword.Weight;
                    words.Add((category, keyword.Weight, m.Value.ToLowerInvariant()));
                }
            }
        }

        var best = Precedence.OrderByDescending(c => scores[c]).ThenBy(c => Array.IndexOf(Precedence, c)).First();
        var bestScore = scores[best];
        if (bestScore == 0)
        {
            return new CategorySuggestion(ComplaintCategory.Other, 0, 0, [], scores);
        }

        var runnerUp = Precedence.Where(c => c != best).Max(c => scores[c]);
        var confidence = Math.Round(bestScore / (double)(bestScore + runnerUp) * Math.Min(1.0, bestScore / 4.0), 2);
        var matched = words
            .Where(w => w.Category == best)
            .OrderByDescending(w => w.Weight)
            .Select(w => w.Word)
            .Distinct()
            .ToList();
        return new CategorySuggestion(best, bestScore, confidence, matched, scores);
    }

    static bool Overlaps(bool[] taken, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (taken[i])
            {
                return true;
            }
        }

        return false;
    }

    sealed record Keyword(ComplaintCategory? Category, int Weight, string Text, Regex Pattern);

    // Longer phrases first, so they claim their words before the single words inside them do.
    static Keyword[] Build(params (ComplaintCategory? Category, int Weight, string[] Texts)[] groups) =>
    [
        .. groups
            .SelectMany(g => g.Texts.Select(t => new Keyword(g.Category, g.Weight, t, Compile(t))))
            .OrderBy(k => k.Category is null ? 0 : 1)
            .ThenByDescending(k => k.Text.Count(c => c == ' '))
            .ThenByDescending(k => k.Weight)
            .ThenByDescending(k => k.Text.Length),
    ];

    static Regex Compile(string keyword)
    {
        const string WordChar = @"[\p{L}\p{N}]";
        var parts = keyword.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word =>
        {
            var prefix = word.StartsWith('*') ? WordChar + "*" : string.Empty;
            var suffix = word.EndsWith('*') ? WordChar + "*" : string.Empty;
            return prefix + Regex.Escape(word.Trim('*')) + suffix;
        });
        var pattern = $@"(?<!{WordChar}){string.Join(@"\s+", parts)}(?!{WordChar})";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
