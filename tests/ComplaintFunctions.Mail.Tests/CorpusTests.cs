using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Mail.Tests.Support;

namespace ComplaintFunctions.Mail.Tests;

/// <summary>Every corpus mail, checked against what Corpus/expected.json says about it.</summary>
public class CorpusTests
{
    [Fact]
    public void Every_corpus_mail_has_expectations_and_a_readme_line()
    {
        var files = Directory.GetFiles(Corpus.Folder, "*.eml").Select(f => Path.GetFileName(f)).Order().ToList();
        var expected = Corpus.Expectations.Mails.Select(m => m.File).Order().ToList();
        var readme = File.ReadAllText(Path.Combine(Corpus.Folder, "README.md"));

        Assert.Equal(files, expected);
        Assert.All(files, f => Assert.Contains($"| `{f}` |", readme, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Corpus.Files), MemberType = typeof(Corpus))]
    public void Each_corpus_mail_parses_or_reports_why_not_without_throwing(string file)
    {
        var expected = Corpus.Expected(file);

        var result = InboundMailParser.ParseRaw(Corpus.Read(file));

        Assert.Equal(expected.ParseFails, !result.Succeeded);
        if (expected.ParseFails)
        {
            Assert.Contains(expected.FailureContains ?? string.Empty, result.Failure, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Corpus.Files), MemberType = typeof(Corpus))]
    public void Each_corpus_mail_gets_the_expected_outcome(string file)
    {
        var expected = Corpus.Expected(file);

        var (_, decision) = Corpus.Run(Corpus.Read(file));

        Assert.Equal(expected.Outcome, decision.Outcome.ToWire());
        Assert.Equal(expected.Case, decision.Reference?.CaseNumber?.Value);
        Assert.Equal(expected.Rule, decision.Reference?.Rule?.ToWire());
        var refused = decision.Reference?.Refused.Select(r => r.CaseNumber?.Value).OfType<string>().Distinct().Order().ToList() ?? [];
        Assert.Equal(expected.Refused.Order().ToList(), refused);
    }

    [Theory]
    [MemberData(nameof(Corpus.ReadableFiles), MemberType = typeof(Corpus))]
    public void Each_corpus_mail_is_noise_exactly_when_expected_and_says_why(string file)
    {
        var expected = Corpus.Expected(file);

        var verdict = MailNoise.Classify(Corpus.Parse(file));

        Assert.Equal(expected.Noise.Count > 0, verdict.IsNoise);
        Assert.All(expected.Noise, word => Assert.Contains(word, verdict.Reason, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Corpus.ReadableFiles), MemberType = typeof(Corpus))]
    public void Each_corpus_mail_has_its_sender_subject_and_text_decoded(string file)
    {
        var expected = Corpus.Expected(file);

        var mail = Corpus.Parse(file);

        if (expected.From is not null)
        {
            Assert.Equal(expected.From, mail.From.Address, ignoreCase: true);
        }

        if (expected.FromName is not null)
        {
            Assert.Equal(expected.FromName, mail.From.Name);
        }

        if (expected.Subject is not null)
        {
            Assert.Equal(expected.Subject, mail.Subject);
        }

        if (expected.ReturnPath is not null)
        {
            Assert.Equal(expected.ReturnPath, mail.ReturnPath);
        }

        Assert.Equal(expected.HasMessageId, mail.MessageId is not null);
        Assert.All(expected.TextContains, s => Assert.Contains(s, mail.TextBody, StringComparison.Ordinal));
        Assert.All(expected.TextExcludes, s => Assert.DoesNotContain(s, mail.TextBody, StringComparison.Ordinal));
        Assert.All(expected.QuotedTextContains, s => Assert.Contains(s, mail.TextWithQuotes, StringComparison.Ordinal));
        Assert.DoesNotContain('\uFFFD', mail.TextWithQuotes + mail.Subject + mail.From.Name);
    }

    [Theory]
    [MemberData(nameof(Corpus.ReadableFiles), MemberType = typeof(Corpus))]
    public void Each_corpus_mail_carries_its_attachments(string file)
    {
        var expected = Corpus.Expected(file);

        var mail = Corpus.Parse(file);

        var attachments = expected.Attachments ?? [];
        Assert.Equal(attachments.Select(a => (a.FileName, a.ContentType)), mail.Attachments.Select(a => (a.FileName, a.ContentType)));
        foreach (var (want, got) in attachments.Zip(mail.Attachments))
        {
            Assert.True(got.Size > 0);
            using var stream = got.OpenRead();
            Assert.Equal(got.Size, stream.Length);
            if (want.StartsWith is not null)
            {
                Assert.StartsWith(want.StartsWith, Encoding.ASCII.GetString(got.ToArray()), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Corpus.ReadableFiles), MemberType = typeof(Corpus))]
    public void Each_new_case_in_the_corpus_gets_the_expected_category(string file)
    {
        var expected = Corpus.Expected(file);
        if (expected.Category is null)
        {
            return;
        }

        var mail = Corpus.Parse(file);

        var suggestion = CategorySuggester.Suggest(mail.Subject, mail.TextBody);
        Assert.True(ComplaintCategoryNames.TryParse(expected.Category, out var category));
        Assert.Equal(category, suggestion.Category);
    }

    [Fact]
    public void Jpg_attachment_keeps_its_bytes_and_its_Nordic_file_name()
    {
        var mail = Corpus.Parse("04-mixed-pdf-jpg-nb.eml");

        var jpg = Assert.Single(mail.Attachments, a => a.ContentType == "image/jpeg");
        Assert.Equal("skjerm-ødelagt.jpg", jpg.FileName);
        Assert.Equal([0xFF, 0xD8, 0xFF], jpg.ToArray()[..3]);
        Assert.Equal([0xFF, 0xD9], jpg.ToArray()[^2..]);
        Assert.False(jpg.IsInline);
    }

    [Fact]
    public void Outlook_reply_keeps_the_quoted_mail_only_in_the_text_with_quotes()
    {
        var mail = Corpus.Parse("05-outlook-reply-nb.eml");

        Assert.EndsWith("Kari Nordmann", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("-----Original Message-----", mail.TextWithQuotes, StringComparison.Ordinal);
        Assert.Equal("ack-86023584682.86023584682.v3QwOhq3VVYD@complaints.example.no", mail.InReplyTo);
    }

    [Fact]
    public void Html_only_mail_gets_its_text_from_the_html()
    {
        var mail = Corpus.Parse("02-html-only-sv.eml");

        Assert.NotNull(mail.HtmlBody);
        Assert.Equal(mail.HtmlText, mail.TextWithQuotes);
        Assert.DoesNotContain("<p>", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("margin", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("text/html", mail.ContentType);
    }

    [Fact]
    public void Bounce_keeps_the_delivery_report_parts_as_attachments()
    {
        var mail = Corpus.Parse("09-bounce.eml");

        Assert.Equal(string.Empty, mail.ReturnPath);
        Assert.Equal("multipart/report", mail.ContentType);
        var headers = Encoding.UTF8.GetString(mail.Attachments.Single(a => a.ContentType == "text/rfc822-headers").ToArray());
        Assert.Contains("K-0320-7599-658", headers, StringComparison.Ordinal);
    }
}
