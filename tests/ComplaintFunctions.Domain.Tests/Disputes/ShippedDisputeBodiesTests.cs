using System.Text.RegularExpressions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Disputes;

namespace ComplaintFunctions.Domain.Tests.Disputes;

/// <summary>The registry as shipped in Data/dispute-bodies.json.</summary>
public class ShippedDisputeBodiesTests
{
    static readonly string ShippedPath = Path.Combine(AppContext.BaseDirectory, DisputeBodyRegistry.RelativePath);
    static readonly DisputeBodyRegistry Shipped = DisputeBodyRegistry.LoadFromAppFolder();

    [Fact]
    public void The_shipped_file_has_no_problems()
    {
        Assert.Empty(Shipped.Problems());
    }

    [Fact]
    public void Every_body_has_a_check_date_and_the_notice_on_the_EU_platform_too()
    {
        Assert.NotEmpty(Shipped.Bodies);
        Assert.All(Shipped.Bodies, b => Assert.NotNull(b.Checked));
        Assert.NotNull(Shipped.EuOdr?.Checked);
        Assert.Empty(Shipped.CheckedBefore(new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void The_about_text_says_staff_edit_the_file_and_every_entry_must_be_rechecked()
    {
        Assert.NotNull(Shipped.About);
        Assert.Contains("Staff edit", Shipped.About, StringComparison.Ordinal);
        Assert.Contains("'checked' date", Shipped.About, StringComparison.Ordinal);
        Assert.Contains("Re-check", Shipped.About, StringComparison.Ordinal);
        Assert.Contains("check before relying on it", Shipped.About, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Nothing_in_the_file_links_to_the_EU_ODR_platform()
    {
        var raw = File.ReadAllText(ShippedPath);

        Assert.DoesNotContain("ec.europa.eu", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"(https?://|www\.)[^\s""]*odr", RegexOptions.IgnoreCase), raw);
        Assert.False(DisputeBodyRegistry.LinksToEuOdr(raw));
        Assert.All(Shipped.Bodies, b =>
        {
            Assert.False(DisputeBodyRegistry.LinksToEuOdr(b.Web), b.Web);
            Assert.DoesNotContain("europa.eu", b.Web, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void The_bodies_point_at_their_own_public_sites()
    {
        var expected = new Dictionary<string, string>
        {
            ["no-forbrukertilsynet"] = "www.forbrukertilsynet.no",
            ["no-forbrukerklageutvalget"] = "www.forbrukerklageutvalget.no",
            ["dk-naevneneshus-maegling"] = "www.naevneneshus.dk",
            ["dk-forbrugerklagenaevnet"] = "www.naevneneshus.dk",
            ["se-arn"] = "www.arn.se",
            ["fi-kril"] = "www.kuluttajariita.fi",
        };

        Assert.Equal(expected.Keys.Order(), Shipped.Bodies.Select(b => b.Id).Order());
        Assert.All(Shipped.Bodies, b =>
        {
            var web = new Uri(b.Web);
            Assert.Equal(Uri.UriSchemeHttps, web.Scheme);
            Assert.Equal(expected[b.Id], web.Host);
        });
    }

    [Theory]
    [InlineData("nb", "20. juli 2025")]
    [InlineData("sv", "20 juli 2025")]
    [InlineData("da", "20. juli 2025")]
    [InlineData("fi", "20.7.2025")]
    [InlineData("en", "20 July 2025")]
    public void The_EU_ODR_notice_names_the_closure_date_in_each_language(string language, string closedOn)
    {
        var notice = Shipped.EuOdrNotice(language);

        Assert.Contains(closedOn, notice, StringComparison.Ordinal);
        Assert.Contains("2024/3228", notice, StringComparison.Ordinal);
        Assert.False(DisputeBodyRegistry.LinksToEuOdr(notice));
    }

    [Fact]
    public void The_EU_ODR_notice_records_the_dates_and_the_repealing_regulation()
    {
        var odr = Shipped.EuOdr!;

        Assert.Equal(new DateOnly(2025, 3, 20), odr.NoNewComplaintsFrom);
        Assert.Equal(new DateOnly(2025, 7, 20), odr.ClosedOn);
        Assert.Contains("2024/3228", odr.RepealedBy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    public void The_EU_ODR_notice_falls_back_to_English(string language)
    {
        Assert.Equal(Shipped.EuOdrNotice("en"), Shipped.EuOdrNotice(language));
    }

    [Theory]
    [InlineData(Country.NO, new[] { "nb", "en" })]
    [InlineData(Country.SE, new[] { "sv", "en" })]
    [InlineData(Country.DK, new[] { "da", "en" })]
    [InlineData(Country.FI, new[] { "fi", "sv", "en" })]
    public void Every_body_has_texts_in_each_language_its_countrys_customers_use(Country country, string[] languages)
    {
        var bodies = Shipped.Bodies.Where(b => b.Country == country).ToList();

        Assert.NotEmpty(bodies);
        foreach (var body in bodies)
        {
            foreach (var language in languages)
            {
                Assert.True(body.Texts.ContainsKey(language), $"{body.Id} has no '{language}' text");
                var text = Shipped.TextFor(body, language);
                Assert.Same(body.Texts[language], text);
                Assert.All(
                    [text.Name, text.WhatItDoes, text.Cost, text.HowLong, text.NeedsFirst, text.HowToFile],
                    field => Assert.False(string.IsNullOrWhiteSpace(field)));
            }
        }
    }

    [Fact]
    public void A_Finnish_customer_writing_Swedish_reads_about_KRIL_in_Swedish_and_one_writing_Danish_in_Finnish()
    {
        var kril = Shipped.Find("fi-kril")!;

        Assert.Equal("Konsumenttvistenämnden (KRIL)", Shipped.TextFor(kril, "sv-FI").Name);
        Assert.Equal("Kuluttajariitalautakunta (KRIL)", Shipped.TextFor(kril, "da").Name);
    }

    [Fact]
    public void The_rules_from_the_process_notes_are_in_the_data()
    {
        var forbrukertilsynet = Shipped.Find("no-forbrukertilsynet")!;
        var klageutvalget = Shipped.Find("no-forbrukerklageutvalget")!;
        var maegling = Shipped.Find("dk-naevneneshus-maegling")!;
        var naevnet = Shipped.Find("dk-forbrugerklagenaevnet")!;
        var arn = Shipped.Find("se-arn")!;
        var kril = Shipped.Find("fi-kril")!;

        Assert.Equal(DisputeProcedure.Mediation, forbrukertilsynet.Does);
        Assert.True(forbrukertilsynet.Fee.IsFree);
        Assert.Equal(DisputeProcedure.Decision, klageutvalget.Does);
        Assert.Equal(forbrukertilsynet.Id, klageutvalget.RequiresFirst);

        Assert.Equal(new DisputeFee(100, "DKK", false), maegling.Fee);
        Assert.Equal(new DisputeFee(400, "DKK", true), naevnet.Fee);
        Assert.Null(naevnet.MinClaim);
        var y2024 = Assert.Single(naevnet.LimitsByYear!);
        Assert.Equal((2024, new Money(1110, "DKK"), new Money(100000, "DKK"), new Money(720, "DKK"), new DateOnly(2026, 11, 1)), (y2024.Year, y2024.Min, y2024.Max, y2024.LowerMin, y2024.Checked));
        Assert.Equal(new DatePeriod(0, 0, 28), naevnet.DeadlineAfterPrevious);
        Assert.Equal("Center for Klageløsning", maegling.ShortName);
        Assert.Equal(Country.DK, naevnet.TraderMustBeEstablishedIn);
        Assert.Equal(maegling.Id, naevnet.RequiresFirst);

        Assert.Equal(DisputeProcedure.Recommendation, arn.Does);
        Assert.True(arn.Fee.IsFree);
        Assert.True(arn.CompanyMustHaveRefused);
        Assert.Equal(new DatePeriod(1, 0, 0), arn.DeadlineFromFirstComplaint);
        Assert.Equal(new Money(1000, "SEK"), arn.MinClaim);
        Assert.Contains("depends on the area", arn.Texts["en"].NeedsFirst, StringComparison.Ordinal);

        Assert.Equal(DisputeProcedure.Recommendation, kril.Does);
        Assert.Equal(["fi", "sv"], kril.Languages);
        Assert.Contains(kril.BeforeFiling, s => s.Contains("KKV", StringComparison.Ordinal));
    }
}
