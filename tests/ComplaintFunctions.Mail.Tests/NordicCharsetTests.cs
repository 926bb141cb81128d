using System.Text;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Mail.Tests.Support;

namespace ComplaintFunctions.Mail.Tests;

/// <summary>Norwegian, Swedish, Danish and Finnish letters survive every encoding mail uses.</summary>
public class NordicCharsetTests
{
    static NordicCharsetTests() => MailCharsets.EnsureRegistered();

    public static TheoryData<string, string> NordicCorpusText => new()
    {
        { "11-nb-iso-8859-1-qp.eml", "skjærende lyd når jeg slår den på" },
        { "11-nb-iso-8859-1-qp.eml", "Hilsen Åse Løvås" },
        { "12-nb-windows-1252-8bit.eml", "Ifølge kvitteringen har jeg “3 års garanti” – gjelder den fortsatt? Jeg betalte 49 € ekstra" },
        { "13-nb-utf8-base64.eml", "På forhånd takk!\nHanne Ødegård" },
        { "14-nb-utf8-qp.eml", "Hodetelefonene må til reparasjon – venstre side" },
        { "15-rfc2047-subject-nb.eml", "Kjøleskapet (ordre 4468820) er bare fire måneder gammelt, men døra lukker ikke" },
        { "05-outlook-reply-nb.eml", "Jeg har prøvd å starte PC-en på nytt" },
        { "03-multipart-alternative-da.eml", "min nye skærm (ordre 4471777)" },
        { "02-html-only-sv.eml", "beställningen 4471550" },
        { "06-gmail-reply-token-in-quote-sv.eml", "så jag kan inte använda datorn alls" },
        { "16-no-message-id-subject-token-fi.eml", "Lisätietona reklamaatioon: laite ei toimi edelleenkään" },
    };

    [Theory]
    [MemberData(nameof(NordicCorpusText))]
    public void Nordic_letters_arrive_intact_in_every_body_encoding(string file, string text)
    {
        var mail = Corpus.Parse(file);

        Assert.Contains(text, mail.TextWithQuotes, StringComparison.Ordinal);
        AssertNoMojibake(mail.TextWithQuotes);
    }

    [Theory]
    [InlineData("11-nb-iso-8859-1-qp.eml", "Åse Løvås", "Kaffemaskin virket ikke ved levering")]
    [InlineData("13-nb-utf8-base64.eml", "Hanne Ødegård", "Ruter og fibermodem")]
    [InlineData("14-nb-utf8-qp.eml", "Tor Bråten", "Hodetelefoner til reparasjon")]
    [InlineData("15-rfc2047-subject-nb.eml", "Bjørn Sæther", "Reklamasjon på kjøleskap, døra lukker ikke")]
    [InlineData("03-multipart-alternative-da.eml", "Jens Sørensen", "Skærm defekt ved levering")]
    [InlineData("08-out-of-office-nb.eml", "Kari Nordmann", "Fraværsmelding: Vi har mottatt klagen din [K-8602-3584-682]")]
    public void Rfc_2047_encoded_names_and_subjects_are_decoded(string file, string name, string subject)
    {
        var mail = Corpus.Parse(file);

        Assert.Equal(name, mail.From.Name);
        Assert.Equal(subject, mail.Subject);
    }

    [Fact]
    public void Text_labelled_utf8_that_is_really_latin1_is_read_as_windows_1252_with_a_warning()
    {
        var raw = Mime("text/plain; charset=utf-8", "8bit", Encoding.Latin1.GetBytes("Blåbærsyltetøy og rømme\n"));

        var result = InboundMailParser.ParseRaw(raw);

        Assert.True(result.Succeeded);
        Assert.Equal("Blåbærsyltetøy og rømme", result.Mail.TextBody);
        Assert.Contains(result.Warnings, w => w.Contains("charset", StringComparison.Ordinal));
    }

    [Fact]
    public void Unlabelled_8bit_text_is_read_as_utf8_when_it_is_utf8()
    {
        var raw = Mime("text/plain", "8bit", Encoding.UTF8.GetBytes("Öppna förpackningen försiktigt, säger Åsa\n"));

        var result = InboundMailParser.ParseRaw(raw);

        Assert.Equal("Öppna förpackningen försiktigt, säger Åsa", result.Mail?.TextBody);
    }

    [Fact]
    public void Text_labelled_iso_8859_1_keeps_windows_1252_punctuation()
    {
        // Outlook labels Windows-1252 text as ISO-8859-1; 0x80 and 0x96 are the euro sign and en dash there.
        var raw = Mime("text/plain; charset=iso-8859-1", "8bit", [.. Encoding.Latin1.GetBytes("Pris 49 "), 0x80, .. Encoding.Latin1.GetBytes(" "), 0x96, .. Encoding.Latin1.GetBytes(" for dårlig\n")]);

        var result = InboundMailParser.ParseRaw(raw);

        Assert.Equal("Pris 49 € – for dårlig", result.Mail?.TextBody);
    }

    [Fact]
    public void Raw_utf8_in_a_header_is_read_as_utf8()
    {
        var raw = Encoding.UTF8.GetBytes("From: Åsa Öberg <asa@example.se>\nSubject: Fel på kylskåpet\nMessage-ID: <x@example.se>\n\nHej\n");

        var result = InboundMailParser.ParseRaw(raw);

        Assert.Equal("Åsa Öberg", result.Mail?.From.Name);
        Assert.Equal("Fel på kylskåpet", result.Mail?.Subject);
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    [InlineData("utf-8")]
    [InlineData("UTF8")]
    [InlineData("\"ISO-8859-1\"")]
    public void Mail_charsets_decode_the_Nordic_letters_of_each_charset(string charset)
    {
        const string Text = "æøå ÆØÅ äö ÄÖ";
        var encoding = charset.Contains("8859", StringComparison.Ordinal) ? Encoding.Latin1 : charset.Contains("1252", StringComparison.Ordinal) ? Encoding.GetEncoding(1252) : Encoding.UTF8;

        Assert.Equal(Text, MailCharsets.Decode(encoding.GetBytes(Text), charset));
    }

    [Fact]
    public void Unknown_charset_falls_back_without_throwing()
    {
        var decoded = MailCharsets.Decode(Encoding.UTF8.GetBytes("grønn"), "x-unknown-charset", out var guessed);

        Assert.Equal("grønn", decoded);
        Assert.True(guessed);
    }

    internal static void AssertNoMojibake(string text)
    {
        Assert.DoesNotContain('\uFFFD', text);
        // UTF-8 read as Latin-1 shows as Ã¦ Ã¸ Ã¥ Ã¤ Ã¶; Latin-1 read as UTF-8 shows as U+FFFD (checked above).
        Assert.DoesNotContain("Ã", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Â", text, StringComparison.Ordinal);
    }

    static byte[] Mime(string contentType, string transferEncoding, byte[] body) =>
    [
        .. Encoding.ASCII.GetBytes($"From: Kunde <kunde@example.no>\nTo: kundeservice@example.no\nSubject: Test\nMessage-ID: <t1@example.no>\nDate: Mon, 3 Mar 2025 10:00:00 +0100\nMIME-Version: 1.0\nContent-Type: {contentType}\nContent-Transfer-Encoding: {transferEncoding}\n\n"),
        .. body,
    ];
}
