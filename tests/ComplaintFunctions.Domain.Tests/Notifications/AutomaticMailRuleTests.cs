using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Notifications;

namespace ComplaintFunctions.Domain.Tests.Notifications;

public class AutomaticMailRuleTests
{
    [Theory]
    [InlineData(Channel.WebForm)]
    [InlineData(Channel.Phone)]
    [InlineData(Channel.Chat)]
    public void The_acknowledgement_of_a_case_a_person_opened_is_never_held(Channel channel) =>
        Assert.Equal(CapDecision.NotCapped, AutomaticMailRule.For(MailKind.Acknowledgement, channel));

    [Fact]
    public void The_acknowledgement_of_a_case_opened_by_mail_is_capped_since_the_mail_may_be_an_auto_reply() =>
        Assert.Equal(CapDecision.Capped, AutomaticMailRule.For(MailKind.Acknowledgement, Channel.Email));

    [Theory]
    [InlineData(Channel.WebForm)]
    [InlineData(Channel.Email)]
    [InlineData(Channel.Phone)]
    public void Progress_mails_are_capped_on_every_channel(Channel channel) =>
        Assert.Equal(CapDecision.Capped, AutomaticMailRule.For(MailKind.Progress, channel));

    [Theory]
    [InlineData(MailKind.AgentAnswer)]
    [InlineData(MailKind.FinalAnswer)]
    [InlineData(MailKind.AgentQuestion)]
    public void Answers_a_person_wrote_are_not_capped(MailKind kind) =>
        Assert.Equal(CapDecision.NotCapped, AutomaticMailRule.For(kind, Channel.Email));
}
