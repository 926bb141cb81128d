using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Staff;

namespace ComplaintFunctions.Domain.Tests.Service;

public class CaseRoutingTests
{
    static readonly DateOnly Today = new(2027, 6, 15);

    static ComplaintDetails Details(ComplaintCategory category, string? manufacturer, CategorySource source = CategorySource.Chosen, string? words = null) =>
        new(new Customer("Kari Nordmann", "kari@example.no", null, "nb", Country.NO),
            new Purchase(null, "Router", manufacturer, null, null),
            category,
            "Hei.")
        {
            CategorySource = source,
            SuggestedFrom = words,
        };

    static RoutingDecision Route(ComplaintDetails details, bool known) => CaseRouting.Decide(Triage.Assess(details, Today), details, known);

    [Fact]
    public void A_support_question_the_customer_chose_with_a_known_manufacturer_goes_to_the_manufacturer()
    {
        var decision = Route(Details(ComplaintCategory.Support, "Acme"), known: true);

        Assert.Equal(TriageRoute.ManufacturerSupport, decision.Route);
        Assert.Empty(decision.Checks);
    }

    [Theory]
    [InlineData(ComplaintCategory.Support)]
    [InlineData(ComplaintCategory.Service)]
    public void A_category_suggested_from_words_never_sends_the_case_to_the_manufacturer(ComplaintCategory category)
    {
        var decision = Route(Details(category, "Acme", CategorySource.Suggested, "oppdatering"), known: true);

        Assert.Equal(TriageRoute.CustomerService, decision.Route);
        var suggested = Assert.Single(decision.Checks, c => c.Code == TriageCodes.CategorySuggested);
        Assert.Contains("\"oppdatering\"", suggested.Explanation, StringComparison.Ordinal);
        Assert.Contains(category.ToWire(), suggested.Explanation, StringComparison.Ordinal);
        Assert.Single(decision.Checks, c => c.Code == TriageCodes.Routing);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Ukjent Fabrikk AS")]
    public void Without_a_known_manufacturer_contact_a_chosen_support_question_goes_to_the_team(string? manufacturer)
    {
        var decision = Route(Details(ComplaintCategory.Support, manufacturer), known: false);

        Assert.Equal(TriageRoute.CustomerService, decision.Route);
        var routing = Assert.Single(decision.Checks, c => c.Code == TriageCodes.Routing);
        Assert.Contains(manufacturer is null ? "did not say who made the product" : "Ukjent Fabrikk AS", routing.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suggested_claim_stays_on_its_route_and_staff_see_it_was_suggested()
    {
        var decision = Route(Details(ComplaintCategory.Claim, null, CategorySource.Suggested, "defekt"), known: false);

        Assert.Equal(TriageRoute.CustomerService, decision.Route);
        Assert.Single(decision.Checks, c => c.Code == TriageCodes.CategorySuggested);
        Assert.DoesNotContain(decision.Checks, c => c.Code == TriageCodes.Routing);
    }

    [Fact]
    public void The_mail_that_went_wrong_is_suggested_support_and_now_goes_to_the_team()
    {
        var suggestion = CategorySuggester.Suggest("Oppdatering", "Hei, jeg har ikke hørt noe fra dere ennå. Hilsen Per");
        var details = Details(suggestion.Category, null, CategorySource.Suggested, string.Join(", ", suggestion.Words));

        Assert.Equal(ComplaintCategory.Support, suggestion.Category);
        Assert.Equal(TriageRoute.CustomerService, Route(details, known: false).Route);
    }

    [Fact]
    public void The_directory_knows_a_manufacturers_own_contact_and_not_our_customer_service_standing_in()
    {
        var directory = ManufacturerDirectory.LoadFromAppFolder();

        Assert.NotNull(directory.FindManufacturerContact("Acme AS", Country.NO));
        Assert.Null(directory.FindManufacturerContact(null, Country.NO));
        Assert.Null(directory.FindManufacturerContact("-", Country.NO));
        Assert.Null(directory.FindManufacturerContact("Ukjent Fabrikk", Country.NO));
        Assert.Null(directory.Find(null, Country.NO).Manufacturer);
    }
}
