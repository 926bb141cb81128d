using System.Text.RegularExpressions;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Intake;
using ComplaintFunctions.Http;
using ComplaintFunctions.Intake;
using ComplaintFunctions.StaffConsole;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Tests.Domain;
using ComplaintFunctions.Views;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Tests.Http;

/// <summary>The pages' templates: every one parses, and whatever a customer typed reaches a page as text, never as markup.</summary>
public sealed partial class PageTemplatesTests
{
    const string Script = "<script>alert('x')</script>";

    [Fact]
    public void Every_embedded_template_parses()
    {
        Assert.Contains("layout", PageTemplates.Names);
        Assert.Contains("message", PageTemplates.Names);
        Assert.Contains("intake/form", PageTemplates.Names);
        var broken = new List<string>();
        foreach (var name in PageTemplates.Names)
        {
            try
            {
                PageTemplates.Parse(name);
            }
            catch (InvalidOperationException e)
            {
                broken.Add(e.Message);
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void A_template_that_is_not_there_says_which()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PageTemplates.Parse("no/such-page"));
        Assert.Contains("no/such-page", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_frame_has_the_language_one_h1_and_the_main_landmark()
    {
        var page = Content(HtmlPage.Render(200, "sv", "Ditt ärende <1>", "<p id=\"x\">body</p>"));
        Assert.StartsWith("<!doctype html>\n<html lang=\"sv\">", page, StringComparison.Ordinal);
        Assert.Contains("<title>Ditt ärende &lt;1&gt;</title>", page, StringComparison.Ordinal);
        Assert.Single(H1().Matches(page));
        Assert.Contains("<main>\n<h1>Ditt ärende &lt;1&gt;</h1>\n<p id=\"x\">body</p>\n</main>", page, StringComparison.Ordinal);
        Assert.Contains("max-width:42rem", page, StringComparison.Ordinal);
        Assert.DoesNotContain(".bar{", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_with_a_script_tag_comes_back_on_the_form_as_text()
    {
        var typed = new ComplaintSubmission { Name = "\"><script>alert(1)</script>", Email = "kari@", Description = Script + "\nline two", Category = "doa" };
        var page = Content(ComplaintForm.Render(400, "nb", typed, new Dictionary<string, string[]> { ["email"] = ["Not an e-mail address."] }, "key-1"));

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        // What the browser shows in the box is exactly what was typed, newline included.
        var box = Textarea().Match(page);
        Assert.True(box.Success, page);
        Assert.Equal(Script + "\nline two", System.Net.WebUtility.HtmlDecode(box.Groups[1].Value));
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", page, StringComparison.Ordinal);
        // The problem sits next to its field, and the field points at it.
        Assert.Contains("<span class=\"error\" id=\"email-error\">Skriv en e-postadresse", page, StringComparison.Ordinal);
        Assert.Contains("id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" value=\"kari@\" aria-invalid=\"true\" aria-describedby=\"email-error\">", page, StringComparison.Ordinal);
        Assert.Contains("value=\"doa\" checked", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"NO\" selected>Norge</option>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/api/form?lang=nb\" lang=\"nb\">nb</a> · <a href=\"/api/form?lang=sv\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_summary_shows_the_customers_text_and_the_trail_as_text_line_by_line()
    {
        var details = Samples.Details() with { Description = Script + "\nsecond line" };
        var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, details, new DateTimeOffset(2026, 12, 1, 22, 7, 0, TimeSpan.Zero));
        var trail = new[] { new CaseEvent(complaint.CaseNumber, "e1", complaint.OpenedAt, "opened", "customer", "web", "Opened: <b>bold</b>\nand more") };
        var page = Content(CaseSummaryPage.Render(complaint, trail, ViewPageTexts.For("en")));

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"description\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>second line</p>", page, StringComparison.Ordinal);
        Assert.Contains("<td>2026-12-01 22:07</td><td>customer</td><td>web</td><td>Opened: &lt;b&gt;bold&lt;/b&gt;<br>and more</td>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Customer</th><td>Kari Nordmann &lt;kari@example.no&gt;</td></tr>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_file_keeps_every_text_as_text()
    {
        var details = Samples.Details() with { Description = Script };
        var complaint = Complaint.Open(CaseNumber.New(), Channel.Email, details, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var texts = new[] { new ComplaintFunctions.Workflow.CaseText("customer-ombudsman", "I reject it: <img src=x onerror=alert(1)>", "customer", complaint.OpenedAt) };
        var trail = new[] { new CaseEvent(complaint.CaseNumber, "e1", complaint.OpenedAt, "opened", "customer", "email", "Opened\n<i>twice</i>") };
        var registry = ComplaintFunctions.Domain.Disputes.DisputeBodyRegistry.LoadFromAppFolder();
        var file = ComplaintFunctions.Workflow.CaseFile.Render(complaint, trail, texts, "ombudsman", registry, complaint.OpenedAt);

        Assert.StartsWith("<!doctype html><html lang=\"en\">", file, StringComparison.Ordinal);
        Assert.Contains($"<h1>Case file {complaint.CaseNumber.Value}</h1><p>For the customer ombudsman. Prepared 2026-12-01 08:00 UTC.", file, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", file, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", file, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td>Opened<br>&lt;i&gt;twice&lt;/i&gt;</td>", file, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Customer</th><td>Kari Nordmann &lt;kari@example.no&gt;, &#x2B;47 912 34 567</td></tr>", file, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_frame_names_who_is_signed_in_as_text()
    {
        var t = ConsoleTexts.For("en");
        var person = new StaffPerson("p1", "Ola <i>Hansen</i>", "ola", [ComplaintFunctions.Links.ActionRoles.Agent]);
        var page = Content(ConsolePages.Message(t, 403, "Not yours", "Only the ombudsman's.", signInLink: true, person: person));

        Assert.Contains("<span id=\"signed-in\">Ola &lt;i&gt;Hansen&lt;/i&gt; (", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/api/console/sign-out\">", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"message\">Only the ombudsman&#x27;s.</p><p><a href=\"/api/console/sign-in\">", page, StringComparison.Ordinal);
        Assert.Contains("max-width:72rem", page, StringComparison.Ordinal);
        Assert.Contains(".bar{", page, StringComparison.Ordinal);
        Assert.Single(H1().Matches(page));

        var anonymous = Content(ConsolePages.Message(t, 200, "Signed out", "Bye."));
        Assert.DoesNotContain("signed-in", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/console/sign-in\"", anonymous, StringComparison.Ordinal);
    }

    static string Content(ContentResult result)
    {
        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        return result.Content!;
    }

    [GeneratedRegex("<textarea id=\"description\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex Textarea();

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
