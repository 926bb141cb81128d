using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Mail.Tests.Support;

namespace ComplaintFunctions.Mail.Tests;

/// <summary>SendGrid Inbound Parse: default (parsed) mode with its charsets field, raw mode, and the form post itself.</summary>
public class SendGridParsedModeTests
{
    static readonly Encoding Latin1 = Encoding.Latin1;
    static readonly Encoding Windows1252;
    static readonly Encoding Utf8 = new UTF8Encoding(false);

    static SendGridParsedModeTests()
    {
        MailCharsets.EnsureRegistered();
        Windows1252 = Encoding.GetEncoding(1252);
    }

    static readonly CaseNumber KariCase = CaseNumber.Parse("K-8602-3584-682");

    static string HeaderBlock(string? inReplyTo = null, string extra = "") =>
        "Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Mon, 03 Mar 2025 09:58:03 +0000 (UTC)\n" +
        "Received: from mail.example.no (mail.example.no [192.0.2.25]) by mx0047p1mdw1.sendgrid.net (Postfix) with ESMTPS id 3A1B2C3D4E\n" +
        "\tfor <kundeservice@inbound.example.no>; Mon, 03 Mar 2025 09:58:03 +0000 (UTC)\n" +
        "Return-Path: <ase.lovas@example.no>\n" +
        "MIME-Version: 1.0\n" +
        "From: =?iso-8859-1?Q?=C5se_L=F8v=E5s?= <ase.lovas@example.no>\n" +
        "Date: Mon, 3 Mar 2025 10:57:58 +0100\n" +
        "Message-ID: <9c1d2e3f.4a5b.6c7d@webmail.example.no>\n" +
        (inReplyTo is null ? string.Empty : $"In-Reply-To: {inReplyTo}\nReferences: <older@example.no> {inReplyTo}\n") +
        "Subject: =?iso-8859-1?Q?Kaffemaskin_=F8delagt?=\n" +
        "To: kundeservice@inbound.example.no\n" +
        "Content-Type: multipart/alternative; boundary=\"001a113df448cad2d00538a3b7a4\"\n" +
        extra;

    static Dictionary<string, byte[]> Fields(string? inReplyTo = null, string extraHeaders = "") => new()
    {
        ["headers"] = Encoding.ASCII.GetBytes(HeaderBlock(inReplyTo, extraHeaders)),
        ["dkim"] = Encoding.ASCII.GetBytes("{@example.no : pass}"),
        ["to"] = Utf8.GetBytes("kundeservice@inbound.example.no"),
        ["from"] = Latin1.GetBytes("Åse Løvås <ase.lovas@example.no>"),
        ["subject"] = Latin1.GetBytes("Kaffemaskin ødelagt, ærlig talt"),
        ["text"] = Windows1252.GetBytes("Hei,\n\nKaffemaskinen virket ikke ved levering. Jeg betalte 49 € for “ekspress” – den kom likevel ødelagt.\n\nHilsen Åse\n"),
        ["html"] = Utf8.GetBytes("<p>Hei,</p><p>Kaffemaskinen virket ikke ved levering. Jeg betalte 49 € for “ekspress” – den kom likevel ødelagt.</p><p>Hilsen Åse</p>"),
        ["sender_ip"] = Encoding.ASCII.GetBytes("192.0.2.25"),
        ["envelope"] = Encoding.ASCII.GetBytes("{\"to\":[\"kundeservice@inbound.example.no\"],\"from\":\"ase.lovas@example.no\"}"),
        ["attachments"] = Encoding.ASCII.GetBytes("1"),
        ["attachment-info"] = Utf8.GetBytes("{\"attachment1\":{\"filename\":\"kvittering-åse.pdf\",\"name\":\"kvittering-åse.pdf\",\"type\":\"application/pdf\"}}"),
        ["charsets"] = Encoding.ASCII.GetBytes("{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"iso-8859-1\",\"from\":\"iso-8859-1\",\"text\":\"windows-1252\"}"),
        ["SPF"] = Encoding.ASCII.GetBytes("pass"),
    };

    static readonly SendGridFile Receipt = new("attachment1", "kvittering-ase.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));

    static InboundMail Parse(Dictionary<string, byte[]> fields, params SendGridFile[] files)
    {
        var result = InboundMailParser.ParseSendGridFields(fields, files);
        Assert.True(result.Succeeded, result.Failure);
        return result.Mail;
    }

    [Fact]
    public void Iso_8859_1_fields_arrive_with_Nordic_letters_intact()
    {
        var mail = Parse(Fields(), Receipt);

        Assert.Equal("Kaffemaskin ødelagt, ærlig talt", mail.Subject);
        Assert.Equal("Åse Løvås", mail.From.Name);
        Assert.Equal("ase.lovas@example.no", mail.From.Address);
    }

    [Fact]
    public void Windows_1252_fields_keep_euro_sign_dashes_and_curly_quotes()
    {
        var mail = Parse(Fields(), Receipt);

        Assert.Contains("Jeg betalte 49 € for “ekspress” – den kom likevel ødelagt.", mail.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("Hilsen Åse", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_fields_arrive_intact()
    {
        var mail = Parse(Fields(), Receipt);

        Assert.Contains("49 € for “ekspress” – den kom likevel ødelagt", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hilsen Åse", mail.HtmlText, StringComparison.Ordinal);
        Assert.Equal("kundeservice@inbound.example.no", Assert.Single(mail.To).Address);
    }

    [Fact]
    public void Fields_read_as_utf8_regardless_of_charsets_would_garble_the_letters()
    {
        // Guards the tests above: the ISO-8859-1 bytes are not UTF-8, so only honouring charsets gets them right.
        var fields = Fields();

        Assert.Contains('\uFFFD', Encoding.UTF8.GetString(fields["from"]));
        Assert.Contains('\uFFFD', Encoding.UTF8.GetString(fields["text"]));
    }

    [Fact]
    public void Charset_names_in_any_case_apply_to_their_fields()
    {
        var fields = Fields();
        fields["charsets"] = Encoding.ASCII.GetBytes("{\"TO\":\"utf-8\",\"Subject\":\"ISO-8859-1\",\"FROM\":\"Iso-8859-1\",\"text\":\"WINDOWS-1252\",\"html\":\"utf-8\"}");

        var mail = Parse(fields, Receipt);

        Assert.Equal("Åse Løvås", mail.From.Name);
        Assert.Contains("49 €", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_charsets_fields_are_read_as_utf8_or_else_windows_1252_with_a_warning()
    {
        var fields = Fields();
        fields.Remove("charsets");

        var result = InboundMailParser.ParseSendGridFields(fields, [Receipt]);

        Assert.Equal("Åse Løvås", result.Mail?.From.Name);
        Assert.Contains("49 €", result.Mail?.TextBody, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Contains("charsets", StringComparison.Ordinal));
    }

    [Fact]
    public void Charsets_that_are_not_json_give_a_warning_not_an_exception()
    {
        var fields = Fields();
        fields["charsets"] = Encoding.ASCII.GetBytes("{not json");

        var result = InboundMailParser.ParseSendGridFields(fields, [Receipt]);

        Assert.True(result.Succeeded);
        Assert.Contains(result.Warnings, w => w.Contains("not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Message_ids_come_from_the_headers_block()
    {
        var ours = Corpus.MessageIdFor($"ack-{KariCase.Digits}", KariCase);

        var mail = Parse(Fields(ours), Receipt);

        Assert.Equal("9c1d2e3f.4a5b.6c7d@webmail.example.no", mail.MessageId);
        Assert.Equal(ours.Trim('<', '>'), mail.InReplyTo);
        Assert.Equal(["older@example.no", ours.Trim('<', '>')], mail.References);
        Assert.Equal("ase.lovas@example.no", mail.ReturnPath);
        Assert.Equal("multipart/alternative", mail.ContentType);
        Assert.Equal(InboundSource.SendGridParsed, mail.Source);
        Assert.NotNull(mail.Date);
    }

    [Fact]
    public void Reply_through_sendgrid_joins_its_case_by_signed_message_id()
    {
        var mail = Parse(Fields(Corpus.MessageIdFor($"ack-{KariCase.Digits}", KariCase)), Receipt);

        var result = Corpus.Finder.Find(mail, Corpus.CustomerOf);

        Assert.Equal(KariCase, result.CaseNumber);
        Assert.Equal(CaseReferenceRule.SignedMessageId, result.Rule);
    }

    [Fact]
    public void Subject_falls_back_to_the_encoded_header_when_sendgrid_sends_no_subject_field()
    {
        var fields = Fields();
        fields.Remove("subject");

        var mail = Parse(fields, Receipt);

        Assert.Equal("Kaffemaskin ødelagt", mail.Subject);
    }

    [Fact]
    public void Noise_headers_in_the_headers_block_make_the_mail_noise()
    {
        var mail = Parse(Fields(extraHeaders: "Auto-Submitted: auto-replied\nX-Autoreply: yes\n"), Receipt);

        var verdict = MailNoise.Classify(mail);

        Assert.True(verdict.IsNoise);
        Assert.Contains("Auto-Submitted", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_envelope_sender_without_return_path_header_is_an_empty_return_path()
    {
        var fields = Fields();
        fields["headers"] = Encoding.ASCII.GetBytes(HeaderBlock().Replace("Return-Path: <ase.lovas@example.no>\n", string.Empty, StringComparison.Ordinal));
        fields["envelope"] = Encoding.ASCII.GetBytes("{\"to\":[\"kundeservice@inbound.example.no\"],\"from\":\"\"}");

        var mail = Parse(fields, Receipt);

        Assert.Equal(string.Empty, mail.ReturnPath);
        Assert.Equal(string.Empty, mail.EnvelopeFrom);
        Assert.True(MailNoise.Classify(mail).IsNoise);
    }

    [Fact]
    public void Attachments_take_name_and_type_from_attachment_info()
    {
        var mail = Parse(Fields(), Receipt);

        var pdf = Assert.Single(mail.Attachments);
        Assert.Equal("kvittering-åse.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(Receipt.Content, pdf.ToArray());
    }

    [Fact]
    public void Inline_images_are_attachments_marked_inline_with_their_content_id()
    {
        var fields = Fields();
        fields["attachment-info"] = Utf8.GetBytes("{\"attachment1\":{\"filename\":\"image001.png\",\"type\":\"image/png\",\"content-id\":\"ii_m7x1\"}}");

        var mail = Parse(fields, new SendGridFile("attachment1", "image001.png", "image/png", [0x89, 0x50, 0x4E, 0x47]));

        var image = Assert.Single(mail.Attachments);
        Assert.True(image.IsInline);
        Assert.Equal("ii_m7x1", image.ContentId);
    }

    [Fact]
    public void Attachment_file_names_lose_any_folder_part()
    {
        var fields = Fields();
        fields.Remove("attachment-info");

        var mail = Parse(fields, new SendGridFile("attachment1", "..\\..\\C:\\Windows\\evil.pdf", "application/pdf", [1, 2, 3]));

        Assert.Equal("evil.pdf", Assert.Single(mail.Attachments).FileName);
    }

    [Theory]
    [InlineData("text/html\r\n", "text/html")]
    [InlineData("application/pdf; name=\"kvittering.pdf\"", "application/pdf")]
    [InlineData("not a type\r\nX-Injected: yes", "application/octet-stream")]
    [InlineData("  ", "application/octet-stream")]
    public void An_attachment_type_from_the_sender_is_a_bare_media_type(string given, string expected)
    {
        // The type becomes the stored blob's content type: storage refuses one with a line break (the mail was lost to poison).
        var fields = Fields();
        fields["attachment-info"] = Utf8.GetBytes($"{{\"attachment1\":{{\"filename\":\"../../etc/passwd\",\"type\":{System.Text.Json.JsonSerializer.Serialize(given)}}}}}");

        var mail = Parse(fields, new SendGridFile("attachment1", "\0.pdf", "not/a type\r\n", [0x25, 0x50, 0x44, 0x46]));

        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal(expected, attachment.ContentType);
        Assert.Equal("passwd", attachment.FileName);
    }

    [Fact]
    public void Mail_without_any_sender_is_a_failure_not_an_exception()
    {
        var fields = Fields();
        fields.Remove("from");
        fields["headers"] = Encoding.ASCII.GetBytes("Subject: hei\nMessage-ID: <a@b>\n");

        var result = InboundMailParser.ParseSendGridFields(fields, []);

        Assert.False(result.Succeeded);
        Assert.Contains("From", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_headers_block_still_gives_the_mail_from_its_fields()
    {
        var fields = Fields();
        fields["headers"] = [0x00, 0xFF, 0x00, 0x3A, 0x0A, 0x0A];

        var result = InboundMailParser.ParseSendGridFields(fields, [Receipt]);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("Åse Løvås", result.Mail.From.Name);
        Assert.Null(result.Mail.MessageId);
    }

    [Fact]
    public void Html_only_post_gets_its_text_from_the_html()
    {
        var fields = Fields();
        fields.Remove("text");

        var mail = Parse(fields, Receipt);

        Assert.Contains("Kaffemaskinen virket ikke ved levering.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_mode_reads_the_email_field_as_a_whole_mime_message()
    {
        var fields = new Dictionary<string, byte[]>
        {
            ["email"] = Corpus.Read("05-outlook-reply-nb.eml"),
            ["envelope"] = Encoding.ASCII.GetBytes("{\"to\":[\"kundeservice@inbound.example.no\"],\"from\":\"kari.nordmann@example.no\"}"),
            ["charsets"] = Encoding.ASCII.GetBytes("{\"to\":\"UTF-8\",\"from\":\"UTF-8\"}"),
        };

        var result = InboundMailParser.ParseSendGridFields(fields, []);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("SV: Vi har mottatt klagen din [K-8602-3584-682]", result.Mail.Subject);
        Assert.Contains("Jeg har prøvd å starte PC-en på nytt", result.Mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(["kundeservice@inbound.example.no"], result.Mail.EnvelopeTo);
        Assert.Equal(KariCase, Corpus.Finder.Find(result.Mail, Corpus.CustomerOf).CaseNumber);
    }

    [Fact]
    public void Raw_mode_with_a_broken_message_reports_the_failure()
    {
        var fields = new Dictionary<string, byte[]> { ["email"] = Corpus.Read("19-malformed-boundary.eml") };

        var result = InboundMailParser.ParseSendGridFields(fields, []);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Form_post_is_read_as_raw_bytes_so_charsets_can_be_honoured()
    {
        const string Boundary = "xYzZY";
        using var body = new MemoryStream();
        void Part(string disposition, string? contentType, byte[] content)
        {
            body.Write(Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; {disposition}\r\n"));
            if (contentType is not null)
            {
                body.Write(Encoding.ASCII.GetBytes($"Content-Type: {contentType}\r\n"));
            }

            body.Write("\r\n"u8);
            body.Write(content);
            body.Write("\r\n"u8);
        }

        foreach (var (name, value) in Fields().Where(f => f.Key != "attachment-info"))
        {
            Part($"name=\"{name}\"", null, value);
        }

        Part("name=\"attachment1\"; filename=\"kvittering.pdf\"", "application/pdf", Receipt.Content);
        body.Write(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"));
        body.Position = 0;

        var post = await SendGridInboundForm.ReadAsync(body, $"multipart/form-data; boundary={Boundary}");
        var result = InboundMailParser.ParseSendGridFields(post.Fields, post.Files);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("Åse Løvås", result.Mail.From.Name);
        Assert.Contains("49 € for “ekspress” – den kom likevel ødelagt", result.Mail.TextBody, StringComparison.Ordinal);
        var pdf = Assert.Single(result.Mail.Attachments);
        Assert.Equal("kvittering.pdf", pdf.FileName);
        Assert.Equal(Receipt.Content, pdf.ToArray());
    }

    [Fact]
    public async Task Form_reader_refuses_a_body_that_is_not_multipart_form_data()
    {
        using var body = new MemoryStream(Encoding.ASCII.GetBytes("from=a%40b"));

        await Assert.ThrowsAsync<InvalidDataException>(() => SendGridInboundForm.ReadAsync(body, "application/x-www-form-urlencoded"));
    }
}
