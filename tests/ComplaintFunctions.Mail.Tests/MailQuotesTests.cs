using ComplaintFunctions.Domain.Mail;

namespace ComplaintFunctions.Mail.Tests;

public class MailQuotesTests
{
    [Fact]
    public void Outlook_original_message_block_is_cut_off()
    {
        const string Text = "Hei,\n\nHer er kvitteringen.\n\nMvh Kari\n\n-----Original Message-----\nFrom: Kundeservice <kundeservice@example.no>\nSent: 3. mars 2025 10:12\nTo: Kari\nSubject: Vi har mottatt klagen din\n\nTakk for at du kontaktet oss.";

        Assert.Equal("Hei,\n\nHer er kvitteringen.\n\nMvh Kari", MailQuotes.NewText(Text));
    }

    [Theory]
    [InlineData("Fra: Kundeservice <kundeservice@example.no>\nSendt: mandag 3. mars 2025 10:12\nTil: Kari")]
    [InlineData("Från: Kundservice <kundeservice@example.no>\nSkickat: den 3 mars 2025 10:12\nTill: Sven")]
    [InlineData("Fra: Kundeservice <kundeservice@example.no>\nDato: 3. marts 2025 kl. 10.12\nTil: Mette")]
    [InlineData("Lähettäjä: Asiakaspalvelu <kundeservice@example.no>\nLähetetty: maanantai 3. maaliskuuta 2025 10.12\nVastaanottaja: Aino")]
    [InlineData("From: Customer service <kundeservice@example.no>\nSent: Monday, March 3, 2025 10:12 AM\nTo: James")]
    public void Outlook_header_blocks_in_every_language_are_cut_off(string block)
    {
        var text = $"Takk for svaret.\n\n________________________________\n{block}\nEmne: Vi har mottatt klagen din\n\nTakk for at du kontaktet oss.";

        Assert.Equal("Takk for svaret.", MailQuotes.NewText(text));
    }

    [Theory]
    [InlineData("On Tue, 4 Mar 2025 at 09:15, Kundeservice <kundeservice@example.no> wrote:")]
    [InlineData("Den tis 4 mars 2025 kl 09:15 skrev Kundservice <kundeservice@example.no>:")]
    [InlineData("tir. 4. mar. 2025 kl. 09:15 skrev Kundeservice <kundeservice@example.no>:")]
    [InlineData("Den 4. mar. 2025 kl. 09.15 skrev Kundeservice <kundeservice@example.no>:")]
    [InlineData("ti 4.3.2025 klo 9.15 Asiakaspalvelu (kundeservice@example.no) kirjoitti:")]
    [InlineData("Kundeservice <kundeservice@example.no> skrev følgende:")]
    public void Reply_attributions_in_every_language_are_cut_off(string attribution)
    {
        var text = $"Den er fortsatt ødelagt.\n\n{attribution}\n\n> Hei,\n> saken er under behandling.\n";

        Assert.Equal("Den er fortsatt ødelagt.", MailQuotes.NewText(text));
    }

    [Fact]
    public void Attribution_wrapped_over_two_lines_is_cut_whole()
    {
        const string Text = "Fortfarande trasig.\n\nOn Tue, Mar 4, 2025 at 9:15 AM Kundservice <kundeservice@example.no>\nwrote:\n\n> Hej\n";

        Assert.Equal("Fortfarande trasig.", MailQuotes.NewText(Text));
    }

    [Fact]
    public void Trailing_quoted_lines_are_cut_off()
    {
        Assert.Equal("Ja, det stemmer.", MailQuotes.NewText("Ja, det stemmer.\n\n> Er serienummeret 123?\n>\n> Mvh Kundeservice\n"));
    }

    [Fact]
    public void Quoted_lines_followed_by_new_text_are_kept()
    {
        const string Text = "> Er serienummeret 123?\nJa.\n> Og kjøpsdatoen?\n3. mars.";

        Assert.Equal(Text, MailQuotes.NewText(Text));
    }

    [Fact]
    public void Bottom_posted_reply_keeps_the_answer_below_the_quote()
    {
        const string Text = "On Tue, 4 Mar 2025 at 09:15, Kundeservice <kundeservice@example.no> wrote:\n> Har du kvitteringen?\n\nJa, den er vedlagt.";

        Assert.Equal("Ja, den er vedlagt.", MailQuotes.NewText(Text));
    }

    [Fact]
    public void Customers_own_words_about_writing_are_not_taken_for_an_attribution()
    {
        const string Text = "Dette er hva jeg skrev:\nSkjermen flimrer.";

        Assert.Equal(Text, MailQuotes.NewText(Text));
    }

    [Theory]
    [InlineData("Fwd: Ordrebekreftelse", "Se under.\n\n---------- Forwarded message ---------\nFrom: Butikk <ordre@example.no>\nDate: 10. feb. 2025\nSubject: Ordrebekreftelse\n\nOrdre 123")]
    [InlineData("VB: Orderbekräftelse", "Se nedan.\n\n________________________________\nFrån: Butik <ordre@example.no>\nSkickat: den 10 februari 2025\nÄmne: Orderbekräftelse\n\nOrder 123")]
    [InlineData("Fwd: kvittering", "Se under.\n\nBegin forwarded message:\n\nFrom: Butikk <ordre@example.no>\nSubject: Kvittering\n\nOrdre 123")]
    public void Forwarded_mail_is_kept_whole(string subject, string text)
    {
        Assert.Equal(text, MailQuotes.NewText(text, subject));
    }

    [Fact]
    public void Text_without_quotes_is_returned_trimmed()
    {
        Assert.Equal("Hei\n\nNy klage.", MailQuotes.NewText("\n\nHei\r\n\r\nNy klage.\n\n"));
    }
}
