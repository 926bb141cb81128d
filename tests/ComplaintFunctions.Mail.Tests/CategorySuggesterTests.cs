using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Mail;

namespace ComplaintFunctions.Mail.Tests;

public class CategorySuggesterTests
{
    public static TheoryData<string, string, ComplaintCategory> Texts => new()
    {
        // Dead on arrival
        { "nb", "Skjermen virket ikke ved levering, den var helt svart.", ComplaintCategory.Doa },
        { "nb", "Kaffemaskinen kom ødelagt, glasskannen var knust.", ComplaintCategory.Doa },
        { "sv", "Dammsugaren var död vid leverans och går inte att starta.", ComplaintCategory.Doa },
        { "da", "Routeren var defekt ved levering.", ComplaintCategory.Doa },
        { "fi", "Kuulokkeet eivät toimineet: laite ei toiminut toimitettaessa lainkaan.", ComplaintCategory.Doa },
        { "fi", "Näyttö saapui rikkinäisenä.", ComplaintCategory.Doa },
        { "en", "The phone was DOA, it never turned on.", ComplaintCategory.Doa },
        // Defect / claim
        { "nb", "Jeg vil sende en reklamasjon på vaskemaskinen, den lekker.", ComplaintCategory.Claim },
        { "nb", "Det er feil på tastaturet, flere taster virker ikke.", ComplaintCategory.Claim },
        { "sv", "Jag vill göra en reklamation, det är fel på skärmen.", ComplaintCategory.Claim },
        { "da", "Der er en fejl i højttaleren, den knitrer.", ComplaintCategory.Claim },
        { "fi", "Haluan tehdä reklamaation, puhelimessa on vika.", ComplaintCategory.Claim },
        { "en", "My laptop is faulty and the fan is broken.", ComplaintCategory.Claim },
        // Warranty
        { "nb", "Gjelder garantien fortsatt etter to år?", ComplaintCategory.Warranty },
        { "sv", "Täcks detta av garantin från tillverkaren?", ComplaintCategory.Warranty },
        { "da", "Jeg vil bruge min garanti på kameraet.", ComplaintCategory.Warranty },
        { "fi", "Onko tuotteella vielä takuu voimassa?", ComplaintCategory.Warranty },
        { "en", "Is this covered by the manufacturer's warranty?", ComplaintCategory.Warranty },
        // Repair / service
        { "nb", "Jeg trenger reparasjon av mobilen, hvor lang tid tar det?", ComplaintCategory.Service },
        { "sv", "Kan ni skicka datorn på reparation till verkstaden?", ComplaintCategory.Service },
        { "da", "Jeg vil have kameraet til service på et værksted.", ComplaintCategory.Service },
        { "fi", "Tarvitsen huollon pesukoneelle, milloin korjaus onnistuu?", ComplaintCategory.Service },
        { "en", "Can you arrange a repair of my TV?", ComplaintCategory.Service },
        // How-to / support
        { "nb", "Hvordan installere skriveren? Jeg får ikke koblet til wifi.", ComplaintCategory.Support },
        { "sv", "Hur ansluter jag hörlurarna till datorn?", ComplaintCategory.Support },
        { "da", "Hvordan tilslutter jeg højttaleren til mit tv?", ComplaintCategory.Support },
        { "fi", "Miten asennan tulostimen? Tarvitsen tukea.", ComplaintCategory.Support },
        { "en", "How do I set up the router? I need support.", ComplaintCategory.Support },
        // Delivery
        { "nb", "Pakken har ikke kommet, sporingen har stått stille i en uke.", ComplaintCategory.Delivery },
        { "sv", "Mitt paket har inte kommit och leveransen är försenad.", ComplaintCategory.Delivery },
        { "da", "Jeg har ikke modtaget min pakke, leveringen er forsinket.", ComplaintCategory.Delivery },
        { "fi", "Paketti ei ole saapunut, toimitus on myöhässä.", ComplaintCategory.Delivery },
        { "en", "My order has not arrived, where is the delivery?", ComplaintCategory.Delivery },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Category_is_suggested_from_the_customers_words(string language, string text, ComplaintCategory expected)
    {
        var suggestion = CategorySuggester.Suggest(text);

        Assert.True(expected == suggestion.Category, $"{language}: '{text}' gave {suggestion.Category} ({string.Join(", ", suggestion.Words)})");
        Assert.NotEmpty(suggestion.Words);
        Assert.InRange(suggestion.Confidence, 0.01, 1);
    }

    [Theory]
    [InlineData("Hei, jeg har et spørsmål om åpningstidene deres.")]
    [InlineData("Tack för snabb hjälp!")]
    [InlineData("")]
    public void Text_with_no_known_words_is_other(string text)
    {
        var suggestion = CategorySuggester.Suggest(text);

        Assert.Equal(ComplaintCategory.Other, suggestion.Category);
        Assert.Equal(0, suggestion.Confidence);
        Assert.Empty(suggestion.Words);
    }

    [Fact]
    public void Matching_ignores_case_also_for_Nordic_capitals()
    {
        var suggestion = CategorySuggester.Suggest("SKJERMEN VAR ØDELAGT VED LEVERING");

        Assert.Equal(ComplaintCategory.Doa, suggestion.Category);
        Assert.Equal(["ødelagt ved levering"], suggestion.Words);
    }

    [Fact]
    public void Phrase_counts_once_not_again_for_the_words_inside_it()
    {
        var suggestion = CategorySuggester.Suggest("Den virket ikke ved levering.");

        Assert.Equal(0, suggestion.Scores[ComplaintCategory.Delivery]);
        Assert.Equal(0, suggestion.Scores[ComplaintCategory.Claim]);
    }

    [Theory]
    [InlineData("Jeg har en feilfri opplevelse med dere.")]
    [InlineData("Felicia hjälper mig.")]
    [InlineData("Vikaari soitti.")]
    public void Words_match_whole_not_inside_other_words(string text)
    {
        Assert.Equal(0, CategorySuggester.Suggest(text).Scores[ComplaintCategory.Claim]);
    }

    [Theory]
    [InlineData("garantisaken min", ComplaintCategory.Warranty)]
    [InlineData("Produsentgarantien gjelder vel?", ComplaintCategory.Warranty)]
    [InlineData("Tehdastakuu on voimassa.", ComplaintCategory.Warranty)]
    [InlineData("Reklamasjonssaken min", ComplaintCategory.Claim)]
    public void Compound_words_count_for_their_key_part(string text, ComplaintCategory expected)
    {
        Assert.Equal(expected, CategorySuggester.Suggest(text).Category);
    }

    [Fact]
    public void Customer_service_is_not_a_service_request()
    {
        var suggestion = CategorySuggester.Suggest("I called customer service twice and nobody answered. Kundeservice svarer ikke.");

        Assert.Equal(0, suggestion.Scores[ComplaintCategory.Service]);
        Assert.Equal(0, suggestion.Scores[ComplaintCategory.Support]);
    }

    [Fact]
    public void Wrong_item_delivered_is_a_delivery_problem_not_a_defect()
    {
        Assert.Equal(ComplaintCategory.Delivery, CategorySuggester.Suggest("Jeg fikk feil vare i pakken.").Category);
    }

    [Fact]
    public void Strong_single_minded_words_give_high_confidence_and_mixed_words_lower()
    {
        var clear = CategorySuggester.Suggest("Skjermen var død ved levering.");
        var mixed = CategorySuggester.Suggest("Garantien og reparasjonen: hvordan gjør jeg det?");

        Assert.Equal(1, clear.Confidence);
        Assert.True(mixed.Confidence < clear.Confidence);
    }

    [Fact]
    public void Subject_and_body_are_read_together()
    {
        var suggestion = CategorySuggester.Suggest("Reklamasjon", "Se vedlagt bilde.");

        Assert.Equal(ComplaintCategory.Claim, suggestion.Category);
    }
}
