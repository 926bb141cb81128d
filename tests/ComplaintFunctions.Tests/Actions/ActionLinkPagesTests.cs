using System.Net;
using ComplaintFunctions.Actions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.StaffConsole;
using ComplaintFunctions.Tests.Domain;
using ComplaintFunctions.Views;
using ComplaintFunctions.Workflow;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Tests.Actions;

/// <summary>A staff link's pages speak the staff language (Norwegian unless <c>Staff:Language</c> is en) in the console's words; a customer's link keeps the customer's.</summary>
public sealed class ActionLinkPagesTests
{
    static readonly string DefaultStaffLanguage = new StaffOptions().Language;

    static Complaint Case(string customerLanguage = "sv") =>
        Complaint.Open(CaseNumber.New(), Channel.WebForm, Samples.Details(language: customerLanguage), DateTimeOffset.UnixEpoch);

    static ActionLink LinkFor(Complaint complaint, string step, string role) => new(complaint.CaseNumber, step, role, DateTimeOffset.MaxValue, Guid.NewGuid());

    static ActionStep Step(string step) => ActionStepCatalogue.Find(step).Step!;

    static IEnumerable<(ActionStep Step, string Role)> StaffSteps() =>
        ActionStepCatalogue.All.Where(s => s.Roles.Any(r => r != ActionRoles.Customer)).Select(s => (s, s.Roles.First(r => r != ActionRoles.Customer)));

    [Fact]
    public void The_agents_answer_page_is_Norwegian_by_default()
    {
        var complaint = Case();
        var pages = new ActionLinkPages(LinkFor(complaint, CaseInputKinds.AgentAnswer, ActionRoles.Agent), complaint, DefaultStaffLanguage);

        var page = Html(pages.Form(Step(CaseInputKinds.AgentAnswer), null, null));
        Assert.Contains("<html lang=\"nb\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Svar kunden</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Svaret ditt sendes til kunden i saken.", page, StringComparison.Ordinal);
        Assert.Contains("<b>Kunde:</b>", page, StringComparison.Ordinal);
        Assert.Contains("<b>Kategori:</b> DOA (død ved levering)", page, StringComparison.Ordinal);
        Assert.Contains("<b>Klagen:</b>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"text\">Svaret ditt til kunden</label>", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Send svaret</button>", page, StringComparison.Ordinal);
        Assert.Contains("Ingenting har skjedd ennå", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing has happened", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer the customer", page, StringComparison.Ordinal);

        Assert.Equal("Skriv teksten først.", pages.FieldTexts.TextRequired);
        var done = Html(pages.Done(Step(CaseInputKinds.AgentAnswer), "/status"));
        Assert.Contains("<html lang=\"nb\">", done, StringComparison.Ordinal);
        Assert.Contains("Utført: svar kunden. Sakens logg viser det.", done, StringComparison.Ordinal);
    }

    [Fact]
    public void The_agents_answer_page_is_English_when_the_staff_language_is_en()
    {
        var complaint = Case();
        var pages = new ActionLinkPages(LinkFor(complaint, CaseInputKinds.AgentAnswer, ActionRoles.Agent), complaint, "en");

        var page = Html(pages.Form(Step(CaseInputKinds.AgentAnswer), null, "Write the text first."));
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Answer the customer</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<b>Customer:</b>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"text\">Your answer to the customer</label>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"text-error\" role=\"alert\">Write the text first.</p>", page, StringComparison.Ordinal);
        Assert.Contains("Nothing has happened yet: only the button acts.", page, StringComparison.Ordinal);
        Assert.Contains("Done: answer the customer. The case&#x27;s trail shows it.", Html(pages.Done(Step(CaseInputKinds.AgentAnswer), "/status")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ombudsmans_decision_page_has_its_choices_amount_note_and_flag_in_the_staff_language()
    {
        var complaint = Case();
        var link = LinkFor(complaint, CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman);
        var nb = Html(new ActionLinkPages(link, complaint, "nb").Form(Step(CaseInputKinds.OmbudsmanDecide), null, null));
        var en = Html(new ActionLinkPages(link, complaint, "en").Form(Step(CaseInputKinds.OmbudsmanDecide), null, null));

        Assert.Contains("<legend><b>Avgjørelse</b></legend>", nb, StringComparison.Ordinal);
        Assert.Contains("Opprettholde kundeservice sitt endelige svar", nb, StringComparison.Ordinal);
        Assert.Contains("Beløpet det er uenighet om, hvis kjent (avgjør hvilke organer som tar saken), i NOK", nb, StringComparison.Ordinal);
        Assert.Contains("En merknad om forhandlerens rutiner", nb, StringComparison.Ordinal);
        Assert.Contains("Henvis saken til organet som passer", nb, StringComparison.Ordinal);
        Assert.Contains("<legend><b>Decision</b></legend>", en, StringComparison.Ordinal);
        Assert.Contains("Uphold customer service&#x27;s final answer", en, StringComparison.Ordinal);
        Assert.Contains("(decides which bodies take the case), in NOK", en, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staff_links_refusals_are_in_the_staff_language_and_a_customers_in_theirs()
    {
        var complaint = Case("sv");
        var staffLink = LinkFor(complaint, CaseInputKinds.AgentFinal, ActionRoles.Agent);
        var nb = new ActionLinkPages(staffLink, complaint, DefaultStaffLanguage);
        var en = new ActionLinkPages(staffLink, complaint, "en");

        AssertPage(nb.Expired(), HttpStatusCode.Gone, "nb", ViewPageTexts.For("nb").Expired);
        AssertPage(nb.Invalid(), HttpStatusCode.Forbidden, "nb", ViewPageTexts.For("nb").Invalid);
        AssertPage(nb.NotAllowed(), HttpStatusCode.Forbidden, "nb", "gir ikke adgang til dette steget");
        AssertPage(nb.Used("2026-12-01 10:00 UTC"), HttpStatusCode.Conflict, "nb", "Denne lenken er allerede brukt, 2026-12-01 10:00 UTC.");
        AssertPage(nb.Used(null), HttpStatusCode.Conflict, "nb", "allerede brukt, tidligere.");
        AssertPage(nb.NotNow("the case is closed"), HttpStatusCode.Conflict, "nb", "Dette steget er ikke mulig lenger: the case is closed");
        AssertPage(nb.Unreadable(400, "Not read", "No boundary."), HttpStatusCode.BadRequest, "nb", "No boundary. Lenken virker fortsatt.");
        AssertPage(ActionLinkPages.NoCase(staffLink, "da", DefaultStaffLanguage), HttpStatusCode.Forbidden, "nb", ViewPageTexts.For("nb").Invalid);
        Assert.Equal("Velg ett av alternativene.", nb.FieldTexts.ChooseAnOption);

        AssertPage(en.Expired(), HttpStatusCode.Gone, "en", "This link has expired.");
        AssertPage(en.NotAllowed(), HttpStatusCode.Forbidden, "en", "This link does not allow this step");
        AssertPage(en.Used("2026-12-01 10:00 UTC"), HttpStatusCode.Conflict, "en", "already been used, on 2026-12-01 10:00 UTC.");
        AssertPage(en.NotNow("the case is closed"), HttpStatusCode.Conflict, "en", "This step is not possible any more: the case is closed");
        AssertPage(ActionLinkPages.NoCase(staffLink, "da", "en"), HttpStatusCode.Forbidden, "en", ViewPageTexts.For("en").Invalid);

        // The customer's own link stays in the customer's language whatever the staff read.
        var customerLink = LinkFor(complaint, CaseInputKinds.CustomerAccept, ActionRoles.Customer);
        var customer = new ActionLinkPages(customerLink, complaint, "en");
        AssertPage(customer.Expired(), HttpStatusCode.Gone, "sv", "Den här länken har gått ut.");
        AssertPage(customer.NotNow("the case is closed"), HttpStatusCode.Conflict, "sv", "ditt ärende har gått vidare");
        AssertPage(ActionLinkPages.NoCase(customerLink, "da", "nb"), HttpStatusCode.Forbidden, "da", "Dette link er ikke gyldigt.");
        var form = Html(customer.Form(Step(CaseInputKinds.CustomerAccept), null, null));
        Assert.Contains("<html lang=\"sv\">", form, StringComparison.Ordinal);
        Assert.Contains("<h1>Godta det slutliga svaret</h1>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Kunde:", form, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_staff_step_has_its_words_in_both_staff_languages_and_a_page_in_each()
    {
        foreach (var (step, role) in StaffSteps())
        {
            var complaint = Case();
            var link = LinkFor(complaint, step.Step, role);
            var en = ConsoleTexts.For("en").WordsOf(step);
            var nb = ConsoleTexts.For("nb").WordsOf(step);
            foreach (var words in new[] { en, nb })
            {
                Assert.False(string.IsNullOrWhiteSpace(words.Title) || string.IsNullOrWhiteSpace(words.Explanation) || string.IsNullOrWhiteSpace(words.Button), $"{step.Step} lacks words");
                Assert.Equal(step.TextLabel is null, words.TextLabel is null);
                Assert.Equal(step.AmountLabel is null, words.AmountLabel is null);
                Assert.Equal(step.NoteLabel is null, words.NoteLabel is null);
                Assert.Equal(step.FlagLabel is null, words.FlagLabel is null);
                Assert.Equal(step.Choices?.Select(c => c.Value).Order(), words.Choices?.Keys.Order());
            }

            Assert.NotEqual(en.Title, nb.Title);
            Assert.NotEqual(en.Explanation, nb.Explanation);
            Assert.NotEqual(en.Button, nb.Button);
            foreach (var (language, words) in new[] { ("nb", nb), ("en", en) })
            {
                var page = WebUtility.HtmlDecode(Html(new ActionLinkPages(link, complaint, language).Form(step, null, null)));
                Assert.Contains($"<html lang=\"{language}\">", page, StringComparison.Ordinal);
                Assert.Contains($"<h1>{words.Title}</h1>", page, StringComparison.Ordinal);
                Assert.Contains($">{words.Button}</button>", page, StringComparison.Ordinal);
            }
        }
    }

    static void AssertPage(ContentResult result, HttpStatusCode status, string language, string text)
    {
        Assert.Equal((int)status, result.StatusCode);
        var page = Html(result);
        Assert.Contains($"<html lang=\"{language}\">", page, StringComparison.Ordinal);
        Assert.Contains(text, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    static string Html(ContentResult result)
    {
        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        return result.Content!;
    }
}
