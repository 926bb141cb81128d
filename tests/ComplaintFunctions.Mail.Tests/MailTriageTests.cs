using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Mail.Tests.Support;

namespace ComplaintFunctions.Mail.Tests;

public class MailTriageTests
{
    static readonly CaseNumber KariCase = CaseNumber.Parse("K-8602-3584-682");

    [Fact]
    public void Auto_reply_to_our_mail_is_kept_even_though_it_names_the_case()
    {
        var (_, decision) = Corpus.Run(Corpus.Read("08-out-of-office-nb.eml"));

        Assert.Equal(MailIntakeOutcome.KeptNotAnswered, decision.Outcome);
        Assert.Equal(KariCase, decision.Reference?.CaseNumber);
        Assert.Contains("Auto-Submitted", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mail_naming_a_case_it_may_not_join_opens_a_new_case_and_says_why()
    {
        var (_, decision) = Corpus.Run(Corpus.Read("17-subject-token-other-sender-da.eml"));

        Assert.Equal(MailIntakeOutcome.NewCase, decision.Outcome);
        Assert.Contains("K-1731-2147-351", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("not the case's customer", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_mail_is_kept_for_a_person()
    {
        var (parsed, decision) = Corpus.Run(Corpus.Read("19-malformed-boundary.eml"));

        Assert.False(parsed.Succeeded);
        Assert.Equal(MailIntakeOutcome.KeptNotAnswered, decision.Outcome);
        Assert.Null(decision.Reference);
    }

    [Fact]
    public void Reply_names_its_case_and_rule()
    {
        var (_, decision) = Corpus.Run(Corpus.Read("05-outlook-reply-nb.eml"));

        Assert.Equal(MailIntakeOutcome.Reply, decision.Outcome);
        Assert.Contains("message-id", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MailIntakeOutcome.NewCase, "new-case")]
    [InlineData(MailIntakeOutcome.Reply, "reply")]
    [InlineData(MailIntakeOutcome.KeptNotAnswered, "kept-not-answered")]
    public void Outcomes_have_the_wire_names_of_the_corpus(MailIntakeOutcome outcome, string wire)
    {
        Assert.Equal(wire, outcome.ToWire());
    }
}
