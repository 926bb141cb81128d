using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Staff;

namespace ComplaintFunctions.Domain.Tests.Staff;

public class ManufacturerDirectoryTests
{
    static readonly ManufacturerDirectory Shipped = ManufacturerDirectory.LoadFromAppFolder();

    [Fact]
    public void The_shipped_directory_has_no_problems_so_every_entry_has_a_checked_date()
    {
        Assert.Empty(Shipped.Problems());
        Assert.NotEmpty(Shipped.Entries);
        Assert.All(Shipped.Entries, e => Assert.NotNull(e.Checked));
    }

    [Fact]
    public void The_shipped_directory_has_our_own_customer_service_for_every_country()
    {
        foreach (var country in Enum.GetValues<Country>())
        {
            var ours = Shipped.Find(null, country);
            Assert.True(ours.IsRetailerDefault);
            Assert.Equal(country, ours.Country);
        }
    }

    [Fact]
    public void While_the_directory_holds_examples_it_says_so_and_points_only_at_example_domains()
    {
        Assert.NotNull(Shipped.About);
        if (!Shipped.About.Contains("EXAMPLE", StringComparison.Ordinal))
        {
            return;
        }

        Assert.True(Shipped.Manufacturers.Count >= 6);
        foreach (var entry in Shipped.Entries)
        {
            var host = new Uri(entry.Web).Host;
            Assert.True(host.EndsWith(".example.com", StringComparison.Ordinal) || host.EndsWith(".example.no", StringComparison.Ordinal), host);
            if (entry.Email is { } email)
            {
                Assert.Matches(@"@([a-z0-9-]+\.)*example\.(com|no)$", email);
            }
        }
    }

    [Theory]
    [InlineData("Acme", Country.NO, "Acme Support Norge")]
    [InlineData("ACME AS", Country.NO, "Acme Support Norge")]
    [InlineData("Acme Inc.", Country.SE, "Acme Support Sverige")]
    [InlineData("  acme electronics ", Country.SE, "Acme Support Sverige")]
    [InlineData("Acme Norge AS", Country.NO, "Acme Support Norge")]
    [InlineData("Nordtek A/S", Country.DK, "Nordtek support Danmark")]
    [InlineData("NORDTEK OY", Country.FI, "Nordtek tuki Suomi")]
    [InlineData("Tundra", Country.FI, "Tundra Devices tuki")]
    public void A_manufacturer_is_found_however_the_company_name_is_written(string written, Country country, string expected)
    {
        var contact = Shipped.Find(written, country);

        Assert.False(contact.IsRetailerDefault);
        Assert.Equal(expected, contact.Name);
    }

    [Fact]
    public void A_name_with_what_is_not_text_is_read_as_the_text_around_it()
    {
        // Valid JSON ("\ud800", "\uffff"), not valid text: a web form's field can carry it.
        var contact = Shipped.FindManufacturerContact("Acme\ud800 Norge\uFFFF AS", Country.NO);

        Assert.Equal("Acme Support Norge", contact?.Name);
        Assert.Null(Shipped.FindManufacturerContact("\udfff \uFFFE\uFDD0", Country.NO));
    }

    [Fact]
    public void A_manufacturer_without_a_contact_in_the_country_gives_its_contact_for_every_country()
    {
        var contact = Shipped.Find("Acme Ltd", Country.FI);

        Assert.Equal("Acme", contact.Manufacturer);
        Assert.Null(contact.Country);
        Assert.Equal("Acme Support Europe", contact.Name);
    }

    [Theory]
    [InlineData(null, Country.NO)]
    [InlineData("", Country.SE)]
    [InlineData("Unheard-of Gadgets AB", Country.SE)]
    [InlineData("Valokone", Country.NO)]
    [InlineData("Acm", Country.DK)]
    public void Without_a_known_manufacturer_contact_the_customer_gets_our_own_customer_service(string? written, Country country)
    {
        var contact = Shipped.Find(written, country);

        Assert.True(contact.IsRetailerDefault);
        Assert.Equal(country, contact.Country);
    }

    [Fact]
    public void An_entry_without_a_checked_date_is_reported()
    {
        var directory = ManufacturerDirectory.Parse(
            """
            {
              "about": "test",
              "default": {
                "NO": { "name": "Kundeservice", "web": "https://www.example.no/ks", "languages": ["nb"], "checked": "2026-11-01" },
                "SE": { "name": "Kundservice", "web": "https://www.example.com/ks", "languages": ["sv"], "checked": "2026-11-01" },
                "DK": { "name": "Kundeservice", "web": "https://www.example.com/dk", "languages": ["da"], "checked": "2026-11-01" },
                "FI": { "name": "Asiakaspalvelu", "web": "https://www.example.com/fi", "languages": ["fi"], "checked": "1.11.2026" }
              },
              "manufacturers": [
                { "manufacturer": "Acme", "contacts": { "NO": { "name": "Acme", "web": "https://acme.example.com", "languages": ["nb"] } } }
              ]
            }
            """);

        var problems = directory.Problems();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("(Acme).contacts.NO", StringComparison.Ordinal) && p.Contains("no 'checked' date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("default.FI", StringComparison.Ordinal) && p.Contains("yyyy-MM-dd", StringComparison.Ordinal));
        Assert.Single(directory.CheckedBefore(new DateOnly(2000, 1, 1)), e => e.Manufacturer == "Acme");
    }

    [Fact]
    public void Bad_addresses_unknown_languages_and_a_missing_default_are_reported()
    {
        var directory = ManufacturerDirectory.Parse(
            """
            {
              "default": { "NO": { "name": "Kundeservice", "web": "http://www.example.no/ks", "languages": ["no"], "checked": "2026-11-01" } },
              "manufacturers": [
                { "manufacturer": "Acme", "contacts": { "XX": { "name": "Acme", "web": "https://acme.example.com", "languages": ["en"], "checked": "2026-11-01" } } },
                { "manufacturer": "ACME A/S", "contacts": { "SE": { "name": "Acme", "web": "https://acme.example.com", "email": "nobody", "languages": ["en"], "checked": "2026-11-01" } } }
              ]
            }
            """);

        var problems = string.Join("\n", directory.Problems());

        Assert.Contains("not an https address", problems, StringComparison.Ordinal);
        Assert.Contains("'no' is not one of our languages", problems, StringComparison.Ordinal);
        Assert.Contains("there is no entry for SE", problems, StringComparison.Ordinal);
        Assert.Contains("'XX' is not one of", problems, StringComparison.Ordinal);
        Assert.Contains("'nobody' is not an e-mail address", problems, StringComparison.Ordinal);
        Assert.Contains("is also a name of Acme", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_last_checked_before_a_date_are_listed_for_checking_again()
    {
        var stale = Shipped.CheckedBefore(new DateOnly(2026, 11, 1));

        Assert.Contains(stale, e => e.Manufacturer == "Fjellbit");
        Assert.DoesNotContain(stale, e => e.Manufacturer == "Acme");
    }
}
