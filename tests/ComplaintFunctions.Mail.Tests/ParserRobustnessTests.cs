using System.Text;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Mail.Tests.Support;

namespace ComplaintFunctions.Mail.Tests;

/// <summary>Whatever arrives, the parser answers with a result; broken mail is reported, not thrown.</summary>
public class ParserRobustnessTests
{
    [Fact]
    public void Broken_multipart_boundary_is_reported_as_unreadable()
    {
        var result = InboundMailParser.ParseRaw(Corpus.Read("19-malformed-boundary.eml"));

        Assert.False(result.Succeeded);
        Assert.Null(result.Mail);
        Assert.Contains("boundary", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Multipart_without_a_boundary_is_reported_as_unreadable()
    {
        var raw = Encoding.ASCII.GetBytes("From: a@example.no\nSubject: x\nContent-Type: multipart/mixed\n\nhei\n");

        var result = InboundMailParser.ParseRaw(raw);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("just some text without any headers at all")]
    public void Something_that_is_not_a_mail_is_reported_as_unreadable(string text)
    {
        var result = InboundMailParser.ParseRaw(Encoding.ASCII.GetBytes(text));

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure));
    }

    [Fact]
    public void Binary_garbage_is_reported_as_unreadable()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        var result = InboundMailParser.ParseRaw(garbage);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Mail_without_a_sender_is_reported_as_unreadable()
    {
        var result = InboundMailParser.ParseRaw(Encoding.ASCII.GetBytes("To: kundeservice@example.no\nSubject: Hei\n\nTekst\n"));

        Assert.False(result.Succeeded);
        Assert.Contains("From", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Mail_without_message_id_parses_with_a_warning()
    {
        var result = InboundMailParser.ParseRaw(Corpus.Read("16-no-message-id-subject-token-fi.eml"));

        Assert.True(result.Succeeded);
        Assert.Null(result.Mail.MessageId);
        Assert.Contains(result.Warnings, w => w.Contains("Message-ID", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_mail_still_gives_what_it_has()
    {
        var raw = Corpus.Read("04-mixed-pdf-jpg-nb.eml");

        var result = InboundMailParser.ParseRaw(raw[..(raw.Length * 2 / 3)]);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Contains("Jeg vil reklamere", result.Mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_base64_in_an_attachment_does_not_throw()
    {
        var raw = Encoding.ASCII.GetBytes("From: a@example.no\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhei\n--b\nContent-Type: image/jpeg\nContent-Disposition: attachment; filename=x.jpg\nContent-Transfer-Encoding: base64\n\n%%%%not*base64!!!\n--b--\n");

        var result = InboundMailParser.ParseRaw(raw);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("x.jpg", Assert.Single(result.Mail.Attachments).FileName);
    }

    [Fact]
    public void Every_cut_and_every_flipped_byte_of_the_corpus_gives_a_result_without_throwing()
    {
        var random = new Random(2025);
        foreach (var file in Directory.GetFiles(Corpus.Folder, "*.eml"))
        {
            var raw = File.ReadAllBytes(file);
            for (var i = 0; i < 40; i++)
            {
                var mutated = raw[..random.Next(raw.Length + 1)];
                for (var flips = random.Next(8); flips > 0 && mutated.Length > 0; flips--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                var result = InboundMailParser.ParseRaw(mutated);

                Assert.True(result.Succeeded || result.Failure is not null);
                if (result.Succeeded)
                {
                    _ = MailNoise.Classify(result.Mail);
                    _ = Corpus.Finder.Find(result.Mail, Corpus.CustomerOf);
                    _ = CategorySuggester.Suggest(result.Mail.Subject, result.Mail.TextBody);
                }
            }
        }
    }

    [Fact]
    public void Sendgrid_fields_full_of_garbage_give_a_result_without_throwing()
    {
        var random = new Random(11);
        byte[] Junk() { var b = new byte[random.Next(200)]; random.NextBytes(b); return b; }
        for (var i = 0; i < 200; i++)
        {
            var fields = new Dictionary<string, byte[]>
            {
                ["headers"] = Junk(),
                ["from"] = i % 3 == 0 ? Encoding.ASCII.GetBytes("a@example.no") : Junk(),
                ["subject"] = Junk(),
                ["text"] = Junk(),
                ["html"] = Junk(),
                ["charsets"] = Junk(),
                ["envelope"] = Junk(),
                ["attachment-info"] = Junk(),
                ["attachments"] = Junk(),
            };

            var result = InboundMailParser.ParseSendGridFields(fields, [new SendGridFile("attachment1", Encoding.Latin1.GetString(Junk()), "x/y", Junk())]);

            Assert.True(result.Succeeded || result.Failure is not null);
        }
    }

    [Fact]
    public void Attachment_streams_are_read_only_copies_of_the_bytes()
    {
        var attachment = Corpus.Parse("04-mixed-pdf-jpg-nb.eml").Attachments[0];

        using var stream = attachment.OpenRead();

        Assert.False(stream.CanWrite);
        var copy = attachment.ToArray();
        copy[0] = 0;
        Assert.NotEqual(0, attachment.ToArray()[0]);
    }

    [Theory]
    [InlineData(null, "application/pdf", 3, "attachment-3.pdf")]
    [InlineData("", "image/jpeg", 1, "attachment-1.jpg")]
    [InlineData("../../etc/passwd", "text/plain", 1, "passwd")]
    [InlineData("C:\\Users\\kari\\kvittering.pdf", "application/pdf", 1, "kvittering.pdf")]
    [InlineData("bad\u0000name<>.pdf", "application/pdf", 1, "badname.pdf")]
    [InlineData("...", "application/octet-stream", 2, "attachment-2.bin")]
    public void Attachment_file_names_are_made_safe(string? name, string contentType, int index, string expected)
    {
        Assert.Equal(expected, InboundMailParser.SafeFileName(name, contentType, index));
    }
}
