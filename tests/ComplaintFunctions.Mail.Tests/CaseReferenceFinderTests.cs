using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Mail.Tests.Support;

namespace ComplaintFunctions.Mail.Tests;

public class CaseReferenceFinderTests
{
    const string Kari = "kari.nordmann@example.no";
    const string Sven = "sven.andersson@example.se";
    static readonly CaseNumber KariCase = CaseNumber.Parse("K-8602-3584-682");
    static readonly CaseNumber SvenCase = CaseNumber.Parse("K-7682-0600-081");

    static string OurId(CaseNumber caseNumber, string kind = "ack") => Corpus.MessageIdFor($"{kind}-{caseNumber.Digits}", caseNumber).Trim('<', '>');

    static CaseReferenceResult Find(InboundMail mail) => Corpus.Finder.Find(mail, Corpus.CustomerOf);

    [Fact]
    public void Reply_to_our_signed_message_id_joins_its_case()
    {
        var result = Find(Mails.From(Kari, subject: "SV: hei", inReplyTo: OurId(KariCase)));

        Assert.Equal(KariCase, result.CaseNumber);
        Assert.Equal(CaseReferenceRule.SignedMessageId, result.Rule);
    }

    [Fact]
    public void Signed_message_id_joins_its_case_even_from_another_sender()
    {
        // The signature proves the sender holds our mail to the customer; the rule needs no address check.
        var result = Find(Mails.From("spouse@example.no", inReplyTo: OurId(KariCase)));

        Assert.Equal(KariCase, result.CaseNumber);
    }

    [Fact]
    public void Message_id_with_a_forged_signature_is_refused()
    {
        var forged = $"ack-{KariCase.Digits}.{KariCase.Digits}.AAAAAAAAAAAA@complaints.example.no";

        var result = Find(Mails.From(Kari, inReplyTo: forged));

        Assert.False(result.Found);
        var refusal = Assert.Single(result.Refused);
        Assert.Equal(KariCase, refusal.CaseNumber);
        Assert.Contains("signature", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_id_moved_to_another_case_fails_its_signature()
    {
        // Take a valid id for Kari's case and swap in Sven's case digits.
        var id = OurId(KariCase).Replace($".{KariCase.Digits}.", $".{SvenCase.Digits}.", StringComparison.Ordinal);

        var result = Find(Mails.From(Sven, inReplyTo: id));

        Assert.False(result.Found);
    }

    [Fact]
    public void Message_id_signed_with_another_key_is_refused()
    {
        var otherSigner = Corpus.NewSigner("another-key-that-is-long-enough-0123456789");
        var id = Corpus.MessageIdFor($"ack-{KariCase.Digits}", KariCase, otherSigner).Trim('<', '>');

        Assert.False(Find(Mails.From(Kari, inReplyTo: id)).Found);
    }

    [Fact]
    public void Message_id_signed_with_the_previous_key_verifies_during_its_grace_period()
    {
        var oldSigner = Corpus.NewSigner("the-previous-key-long-enough-0123456789");
        var rotated = Corpus.NewSigner("the-current-key-long-enough-0123456789", "the-previous-key-long-enough-0123456789", DateTimeOffset.UtcNow.AddDays(7));
        var id = Corpus.MessageIdFor($"ack-{KariCase.Digits}", KariCase, oldSigner).Trim('<', '>');

        var result = SignedMessageIds.Finder(rotated, "complaints.example.no").Find(Mails.From(Kari, inReplyTo: id), Corpus.CustomerOf);

        Assert.Equal(KariCase, result.CaseNumber);
    }

    [Fact]
    public void Message_id_on_another_domain_is_not_ours()
    {
        var id = OurId(KariCase).Replace("complaints.example.no", "evil.example.net", StringComparison.Ordinal);

        var result = Find(Mails.From(Kari, inReplyTo: id));

        Assert.False(result.Found);
        Assert.Contains("domain", Assert.Single(result.Refused).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void References_are_searched_when_in_reply_to_is_not_ours()
    {
        var result = Find(Mails.From(Sven, inReplyTo: "CAH3k9@mail.gmail.com", references: [OurId(SvenCase, "progress-1"), "CAH3k9@mail.gmail.com"]));

        Assert.Equal(SvenCase, result.CaseNumber);
        Assert.Equal(CaseReferenceRule.SignedMessageId, result.Rule);
    }

    [Fact]
    public void The_newest_reference_wins_over_older_ones()
    {
        var result = Find(Mails.From(Sven, references: [OurId(KariCase), OurId(SvenCase)]));

        Assert.Equal(SvenCase, result.CaseNumber);
    }

    [Fact]
    public void Signed_message_id_wins_over_a_token_in_the_subject()
    {
        var result = Find(Mails.From(Sven, subject: $"Re: [{SvenCase}]", inReplyTo: OurId(KariCase)));

        Assert.Equal(KariCase, result.CaseNumber);
    }

    [Theory]
    [InlineData("SV: Vi har mottatt klagen din [K-8602-3584-682]")]
    [InlineData("Re: K-8602-3584-682")]
    [InlineData("Ang. sak k 8602 3584 682")]
    [InlineData("Saksnummer K8602-3584-682, se vedlegg")]
    [InlineData("Sak K–8602–3584–682")]
    [InlineData("(K-86023584682)")]
    public void Case_token_in_the_subject_from_the_customer_joins_the_case(string subject)
    {
        var result = Find(Mails.From(Kari, subject: subject));

        Assert.Equal(KariCase, result.CaseNumber);
        Assert.Equal(CaseReferenceRule.SubjectToken, result.Rule);
    }

    [Fact]
    public void Customer_address_is_compared_without_regard_to_case()
    {
        Assert.True(Find(Mails.From("Kari.Nordmann@EXAMPLE.no", subject: $"[{KariCase}]")).Found);
    }

    [Fact]
    public void Reply_from_another_sender_does_not_join_the_case()
    {
        var result = Find(Mails.From("lars.mikkelsen@example.dk", subject: $"SV: Vi har mottatt klagen din [{KariCase}]"));

        Assert.False(result.Found);
        var refusal = Assert.Single(result.Refused);
        Assert.Equal(CaseReferenceRule.SubjectToken, refusal.Rule);
        Assert.Contains("not the case's customer", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_token_from_another_sender_does_not_join_the_case()
    {
        Assert.False(Find(Mails.From("someone@example.net", text: $"Hei\n\n> saksnummeret {KariCase}.")).Found);
    }

    [Fact]
    public void Case_token_in_the_quoted_body_from_the_customer_joins_the_case()
    {
        var text = $"Hej,\n\nFortfarande trasig.\n\nOn Tue, Mar 4, 2025 at 9:15 AM Kundservice <kundeservice@example.no> wrote:\n> Det här är en kort uppdatering om ärende {SvenCase}.\n";

        var result = Find(Mails.From(Sven, subject: "Re: Ditt klagomål", text: text));

        Assert.Equal(SvenCase, result.CaseNumber);
        Assert.Equal(CaseReferenceRule.BodyToken, result.Rule);
    }

    [Fact]
    public void Case_token_in_the_html_body_counts_too()
    {
        var result = Find(Mails.From(Sven, text: string.Empty, html: $"<blockquote>ärende <b>{SvenCase}</b></blockquote>"));

        Assert.Equal(SvenCase, result.CaseNumber);
    }

    [Fact]
    public void A_number_with_a_wrong_check_digit_is_not_a_case()
    {
        var result = Find(Mails.From(Kari, subject: "Re: [K-8602-3584-683]"));

        Assert.False(result.Found);
        Assert.Null(Assert.Single(result.Refused).CaseNumber);
    }

    [Theory]
    [InlineData("Ordre 8602-3584-682")]
    [InlineData("Tlf 8602 3584 682")]
    [InlineData("Ref XK-8602-3584-682")]
    [InlineData("K-8602-3584-6821")]
    [InlineData("K-8602-3584-68")]
    public void Numbers_that_are_not_written_as_a_case_token_are_ignored(string subject)
    {
        var result = Find(Mails.From(Kari, subject: subject));

        Assert.False(result.Found);
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void A_token_for_a_case_that_does_not_exist_is_refused()
    {
        var unknown = CaseNumber.New();

        var result = Find(Mails.From(Kari, subject: $"[{unknown}]"));

        Assert.False(result.Found);
        Assert.Contains("no such case", Assert.Single(result.Refused).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_token_of_the_customer_counts_after_a_refused_one()
    {
        var result = Find(Mails.From(Kari, subject: $"[{SvenCase}] og [{KariCase}]"));

        Assert.Equal(KariCase, result.CaseNumber);
        Assert.Single(result.Refused);
    }

    [Fact]
    public void Mail_that_names_no_case_finds_none()
    {
        var result = Find(Mails.From(Kari, subject: "Hei", text: "Ny klage"));

        Assert.False(result.Found);
        Assert.Empty(result.Refused);
    }

    [Fact]
    public async Task Storage_lookup_can_be_asynchronous()
    {
        var lookups = new List<CaseNumber>();

        var result = await Corpus.Finder.FindAsync(Mails.From(Kari, subject: $"[{KariCase}]"), async (caseNumber, ct) =>
        {
            await Task.Yield();
            lookups.Add(caseNumber);
            return Corpus.CustomerOf(caseNumber);
        });

        Assert.Equal(KariCase, result.CaseNumber);
        Assert.Equal([KariCase], lookups);
    }

    [Fact]
    public void Signed_message_ids_need_no_customer_lookup()
    {
        var lookups = 0;

        var result = Corpus.Finder.Find(Mails.From(Kari, inReplyTo: OurId(KariCase)), _ => { lookups++; return null; });

        Assert.True(result.Found);
        Assert.Equal(0, lookups);
    }

    [Fact]
    public void Our_message_id_is_read_into_its_parts()
    {
        Assert.True(OurMessageId.TryParse($"<{OurId(KariCase)}>", out var id));

        Assert.Equal($"ack-{KariCase.Digits}", id.MailId);
        Assert.Equal(KariCase, id.CaseNumber);
        Assert.Equal("complaints.example.no", id.Domain);
        Assert.True(SignedMessageIds.VerifyLocalPart(Corpus.Signer, id.LocalPart));
    }

    [Theory]
    [InlineData("CAH3k9pQ7vZx@mail.gmail.com")]
    [InlineData("ack.86023584682@complaints.example.no")]
    [InlineData("ack.86023584683.sig@complaints.example.no")]
    [InlineData("ack.8602358468.sig@complaints.example.no")]
    [InlineData(".86023584682.sig@complaints.example.no")]
    [InlineData("ack.86023584682.sig!@complaints.example.no")]
    [InlineData("ack.86023584682.sig@")]
    [InlineData("")]
    public void Message_ids_not_in_our_shape_are_not_ours(string messageId)
    {
        Assert.False(OurMessageId.TryParse(messageId, out _));
    }
}
