using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Mail.Tests.Support;

namespace ComplaintFunctions.Mail.Tests;

public class MailNoiseTests
{
    [Fact]
    public void Mail_from_a_person_may_be_answered()
    {
        var verdict = MailNoise.Classify(Mails.From("kari.nordmann@example.no", returnPath: "kari.nordmann@example.no", headers: [("Auto-Submitted", "no")]));

        Assert.False(verdict.IsNoise);
        Assert.Empty(verdict.Reason);
    }

    [Theory]
    [InlineData("auto-replied")]
    [InlineData("auto-generated")]
    [InlineData("auto-notified; owner-email=\"x@example.no\"")]
    [InlineData("Auto-Replied")]
    public void Auto_submitted_mail_other_than_no_is_never_answered(string value)
    {
        var verdict = MailNoise.Classify(Mails.From("kari@example.no", headers: [("Auto-Submitted", value)]));

        Assert.True(verdict.IsNoise);
        Assert.Contains("Auto-Submitted", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bulk")]
    [InlineData("junk")]
    [InlineData("list")]
    [InlineData("Bulk")]
    public void Bulk_junk_and_list_precedence_is_never_answered(string value)
    {
        Assert.True(MailNoise.Classify(Mails.From("news@example.no", headers: [("Precedence", value)])).IsNoise);
    }

    [Fact]
    public void Other_precedence_values_are_not_noise()
    {
        Assert.False(MailNoise.Classify(Mails.From("kari@example.no", headers: [("Precedence", "first-class")])).IsNoise);
    }

    [Theory]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "Out of office")]
    [InlineData("X-Auto-Response-Suppress", "All")]
    [InlineData("x-autoreply", "")]
    public void Auto_reply_headers_mark_the_mail_as_an_automatic_reply(string name, string value)
    {
        var verdict = MailNoise.Classify(Mails.From("kari@example.no", headers: [(name, value)]));

        Assert.True(verdict.IsNoise);
        Assert.Contains(name, verdict.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Empty_return_path_is_a_delivery_report()
    {
        var verdict = MailNoise.Classify(Mails.From("kari@example.no", returnPath: string.Empty));

        Assert.True(verdict.IsNoise);
        Assert.Contains("<>", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_return_path_is_not_noise()
    {
        Assert.False(MailNoise.Classify(Mails.From("kari@example.no", returnPath: null)).IsNoise);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example.net")]
    [InlineData("mailer-daemon@example.no")]
    [InlineData("postmaster@example.se")]
    [InlineData("Postmaster@example.dk")]
    public void Mail_from_the_mail_system_is_never_answered(string address)
    {
        Assert.True(MailNoise.Classify(Mails.From(address)).IsNoise);
    }

    [Theory]
    [InlineData("daemon.mailer@example.no")]
    [InlineData("postmaster.kari@example.no")]
    public void Addresses_that_only_resemble_the_mail_system_are_not_noise(string address)
    {
        Assert.False(MailNoise.Classify(Mails.From(address)).IsNoise);
    }

    [Fact]
    public void Multipart_report_is_a_bounce_or_read_receipt()
    {
        var verdict = MailNoise.Classify(Mails.From("kari@example.no", contentType: "multipart/report"));

        Assert.True(verdict.IsNoise);
        Assert.Contains("multipart/report", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mailing_list_id_is_never_answered()
    {
        Assert.True(MailNoise.Classify(Mails.From("list@example.org", headers: [("List-Id", "<forum.example.org>")])).IsNoise);
    }

    [Fact]
    public void Every_reason_is_given_when_several_apply()
    {
        var verdict = MailNoise.Classify(Mails.From("MAILER-DAEMON@example.net", returnPath: string.Empty, contentType: "multipart/report", headers: [("Auto-Submitted", "auto-replied")]));

        Assert.Equal(4, verdict.Reasons.Count);
    }
}
