using System.Text.Json.Nodes;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Disputes;

namespace ComplaintFunctions.Domain.Tests.Disputes;

/// <summary>What Problems() reports when staff edit the file wrongly: each test breaks the shipped file in one place.</summary>
public class DisputeBodyValidationTests
{
    static readonly string ShippedJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, DisputeBodyRegistry.RelativePath));

    static DisputeBodyRegistry Edited(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(ShippedJson)!.AsObject();
        edit(root);
        return DisputeBodyRegistry.Parse(root.ToJsonString());
    }

    static JsonObject Body(JsonObject root, string id) =>
        root["bodies"]!.AsArray().Select(b => b!.AsObject()).Single(b => (string?)b["id"] == id);

    [Fact]
    public void A_body_without_a_checked_date_is_reported_and_listed_for_rechecking()
    {
        var registry = Edited(root => Body(root, "se-arn").Remove("checked"));

        var problem = Assert.Single(registry.Problems());
        Assert.Contains("(se-arn)", problem, StringComparison.Ordinal);
        Assert.Contains("no 'checked' date", problem, StringComparison.Ordinal);
        Assert.Equal(["se-arn"], registry.CheckedBefore(new DateOnly(2000, 1, 1)).Select(b => b.Id));
    }

    [Fact]
    public void A_checked_date_written_another_way_is_reported()
    {
        var registry = Edited(root => Body(root, "fi-kril")["checked"] = "1.11.2026");

        Assert.Contains(registry.Problems(), p => p.Contains("(fi-kril)", StringComparison.Ordinal) && p.Contains("yyyy-MM-dd", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://ec.europa.eu/consumers/odr/main/")]
    [InlineData("https://webgate.ec.europa.eu/odr/main/index.cfm")]
    [InlineData("http://EC.EUROPA.EU/consumers/odr")]
    public void A_body_pointing_at_the_EU_ODR_platform_is_a_problem_and_is_never_offered(string web)
    {
        var registry = Edited(root => Body(root, "se-arn")["web"] = web);

        Assert.Contains(registry.Problems(), p => p.Contains("(se-arn)", StringComparison.Ordinal) && p.Contains("closed EU ODR platform", StringComparison.Ordinal));
        var arn = registry.OffersFor(new DisputeFacts(Country.SE, OmbudsmanOutcome.Upheld, 5000, new DateOnly(2026, 3, 1), new DateOnly(2026, 11, 24), [Country.SE]))
            .Single(o => o.Body.Id == "se-arn");
        Assert.False(arn.Offered);
        Assert.Contains(arn.Reasons, r => r.Contains("EU online dispute resolution platform", StringComparison.Ordinal));
    }

    [Fact]
    public void A_customer_text_or_notice_linking_to_the_EU_ODR_platform_is_a_problem()
    {
        var registry = Edited(root =>
        {
            Body(root, "fi-kril")["texts"]!["fi"]!["howToFile"] = "Katso ec.europa.eu/consumers/odr.";
            root["euOdr"]!["texts"]!["en"] = "Use https://ec.europa.eu/consumers/odr instead.";
        });

        Assert.Contains(registry.Problems(), p => p.Contains("(fi-kril).texts.fi.howToFile", StringComparison.Ordinal));
        Assert.Contains(registry.Problems(), p => p.StartsWith("euOdr.texts.en", StringComparison.Ordinal));
    }

    [Fact]
    public void Naming_the_ODR_platform_in_words_or_linking_other_EU_pages_is_not_a_link_to_it()
    {
        Assert.False(DisputeBodyRegistry.LinksToEuOdr("The EU ODR platform closed on 20 July 2025."));
        Assert.False(DisputeBodyRegistry.LinksToEuOdr("See https://commission.europa.eu/index_en for the Commission."));
        Assert.True(DisputeBodyRegistry.LinksToEuOdr("(ec.europa.eu/consumers/odr)"));
    }

    [Fact]
    public void A_Finnish_body_without_Swedish_text_and_a_body_without_English_text_are_reported()
    {
        var registry = Edited(root =>
        {
            Body(root, "fi-kril")["texts"]!.AsObject().Remove("sv");
            Body(root, "dk-forbrugerklagenaevnet")["texts"]!.AsObject().Remove("en");
        });

        Assert.Equal(2, registry.Problems().Count);
        Assert.Contains(registry.Problems(), p => p.Contains("(fi-kril): no text in 'sv'", StringComparison.Ordinal));
        Assert.Contains(registry.Problems(), p => p.Contains("(dk-forbrugerklagenaevnet): no text in 'en'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_without_text_in_its_countrys_language_is_reported()
    {
        var registry = Edited(root => Body(root, "no-forbrukertilsynet")["texts"]!.AsObject().Remove("nb"));

        Assert.Contains(registry.Problems(), p => p.Contains("(no-forbrukertilsynet): no text in 'nb'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_requiresFirst_is_reported()
    {
        var registry = Edited(root => Body(root, "no-forbrukerklageutvalget")["requiresFirst"] = "no-forbrukerradet");

        var problem = Assert.Single(registry.Problems());
        Assert.Contains("'no-forbrukerradet' is not the id of any body", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_that_go_round_in_a_circle_are_reported()
    {
        var registry = Edited(root => Body(root, "no-forbrukertilsynet")["requiresFirst"] = "no-forbrukerklageutvalget");

        Assert.Contains(registry.Problems(), p => p.Contains("circle", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_EU_ODR_notice_or_one_missing_a_language_is_reported()
    {
        var withoutNotice = Edited(root => root.Remove("euOdr"));
        var withoutDanish = Edited(root => root["euOdr"]!["texts"]!.AsObject().Remove("da"));

        Assert.Contains(withoutNotice.Problems(), p => p.StartsWith("euOdr: missing", StringComparison.Ordinal));
        Assert.Equal(["euOdr.texts: no text in 'da'; every customer language needs the notice."], withoutDanish.Problems());
        Assert.Equal(withoutDanish.EuOdrNotice("en"), withoutDanish.EuOdrNotice("da"));
    }

    [Fact]
    public void Bad_amounts_periods_countries_and_languages_are_reported()
    {
        var registry = Edited(root =>
        {
            var arn = Body(root, "se-arn");
            arn["minClaim"] = new JsonObject { ["amount"] = 100, ["currency"] = "EUR" };
            arn["deadlineFromFirstComplaint"] = "1 year";
            arn["languages"] = new JsonArray("sv", "de");
            Body(root, "dk-forbrugerklagenaevnet")["traderMustBeEstablishedIn"] = "Danmark";
        });

        var problems = registry.Problems();
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("minClaim: the currency is 'EUR'; amounts for this country are in SEK", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'1 year', not an ISO 8601 period", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the language 'de'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'traderMustBeEstablishedIn' is 'Danmark'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_country_left_without_any_body_is_reported()
    {
        var registry = Edited(root =>
        {
            var bodies = root["bodies"]!.AsArray();
            bodies.Remove(bodies.Single(b => (string?)b!["id"] == "fi-kril"));
        });

        Assert.Equal(["bodies: none for FI; customers there would be told of no dispute body."], registry.Problems());
    }

    [Fact]
    public void Texts_fall_back_to_the_countrys_language_and_then_to_English()
    {
        var registry = Edited(root =>
        {
            var texts = Body(root, "fi-kril")["texts"]!.AsObject();
            texts.Remove("fi");
        });
        var kril = registry.Find("fi-kril")!;
        var tilsynet = registry.Find("no-forbrukertilsynet")!;

        Assert.Equal("KRIL (Kuluttajariitalautakunta, the Finnish Consumer Disputes Board)", registry.TextFor(kril, "fi").Name);
        Assert.Equal("Forbrukertilsynet", registry.TextFor(tilsynet, "da").Name);
        Assert.Equal("Forbrukertilsynet", registry.TextFor(tilsynet, "nb-NO").Name);
        Assert.Equal("Forbrukertilsynet", registry.TextFor(tilsynet, "no").Name);
    }

    [Fact]
    public void A_file_that_is_not_JSON_fails_to_load_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dispute-bodies-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"bodies\": [ ");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => DisputeBodyRegistry.Load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
