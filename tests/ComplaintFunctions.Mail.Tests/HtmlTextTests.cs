using ComplaintFunctions.Inbound;

namespace ComplaintFunctions.Mail.Tests;

public class HtmlTextTests
{
    [Fact]
    public void Paragraphs_and_breaks_become_lines()
    {
        Assert.Equal("Hei,\n\nførste linje\nandre linje", HtmlText.ToPlainText("<p>Hei,</p><p>første linje<br>andre linje</p>"));
    }

    [Fact]
    public void Gmail_empty_divs_keep_paragraphs_apart()
    {
        Assert.Equal("Hej,\n\nText", HtmlText.ToPlainText("<div dir=\"ltr\"><div>Hej,</div><div><br></div><div>Text</div></div>"));
    }

    [Fact]
    public void Scripts_styles_and_head_are_dropped()
    {
        var text = HtmlText.ToPlainText("<html><head><title>Tittel</title><style>p{color:red}</style></head><body><script>alert(1)</script><p>Innhold</p></body></html>");

        Assert.Equal("Innhold", text);
    }

    [Fact]
    public void Body_text_shows_even_when_the_head_is_never_closed()
    {
        Assert.Equal("Innhold", HtmlText.ToPlainText("<html><head><meta charset=\"utf-8\"><title>Hei</title><body><p>Innhold</p></body></html>"));
    }

    [Fact]
    public void Entities_are_decoded()
    {
        Assert.Equal("Blåbær & rømme “godt” – 49 €", HtmlText.ToPlainText("Bl&aring;b&aelig;r &amp; r&oslash;mme &ldquo;godt&rdquo; &ndash; 49 &euro;"));
    }

    [Fact]
    public void Blockquotes_become_quoted_lines()
    {
        var text = HtmlText.ToPlainText("<div>Svar</div><blockquote>Sitat<br>linje 2<blockquote>eldre</blockquote></blockquote>");

        Assert.Equal("Svar\n\n> Sitat\n> linje 2\n\n> > eldre", text);
    }

    [Fact]
    public void Whitespace_in_source_is_collapsed_but_pre_is_kept()
    {
        Assert.Equal("a b c\n\n  x\n  y", HtmlText.ToPlainText("<p>a\n   b\tc</p><pre>  x\n  y</pre>"));
    }

    [Fact]
    public void List_items_are_lines_with_dashes()
    {
        Assert.Equal("- en\n- to", HtmlText.ToPlainText("<ul><li>en</li><li>to</li></ul>"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<<<>>>")]
    [InlineData("<p unclosed")]
    [InlineData("</blockquote></blockquote><script>")]
    public void Broken_html_does_not_throw(string html)
    {
        _ = HtmlText.ToPlainText(html);
    }
}
