using ComplaintFunctions.Workflow;
using System.Buffers.Text;
using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Tests.Support;
using ComplaintFunctions.Links;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Domain.Tests.Links;

public class ActionTokensTests
{
    const string Key = "test-signing-key-0123456789-abcdefghijklmnop";
    const string OtherKey = "another-signing-key-9876543210-zyxwvutsrqpon";
    static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Expiry = Now.AddDays(7);

    static ActionTokens Tokens(string key, TimeProvider? clock = null, string? previousKey = null, DateTimeOffset? previousValidUntil = null) =>
        new(new LinkSigner(
            Options.Create(new LinkSigningOptions { SigningKey = key, PreviousSigningKey = previousKey, PreviousKeyValidUntil = previousValidUntil }),
            clock ?? new FixedClock(Now)));

    [Fact]
    public void An_issued_token_reads_back_as_the_same_case_step_role_expiry_and_action()
    {
        var tokens = Tokens(Key);
        var number = CaseNumber.New();
        var actionId = Guid.NewGuid();

        var reading = tokens.Read(tokens.Issue(number, CaseInputKinds.AgentAnswer, ActionRoles.Agent, Expiry, actionId), Now);

        Assert.Equal(LinkTokenStatus.Valid, reading.Status);
        Assert.True(reading.IsValid);
        Assert.Equal(new ActionLink(number, CaseInputKinds.AgentAnswer, ActionRoles.Agent, Expiry, actionId), reading.Link);
    }

    [Fact]
    public void A_token_is_compact_url_safe_and_carries_no_key()
    {
        var token = Tokens(Key).Issue(CaseNumber.New(), CaseInputKinds.CustomerOmbudsman, ActionRoles.Customer, Expiry, Guid.NewGuid());

        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$", token);
        Assert.InRange(token.Length, 1, 250);
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal))));
        Assert.DoesNotContain(Key, payload, StringComparison.Ordinal);
        Assert.Contains("customer-ombudsman", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_action_id_gives_the_same_token_so_an_orchestration_replay_sends_the_same_link()
    {
        var tokens = Tokens(Key);
        var number = CaseNumber.New();
        var actionId = Guid.NewGuid();

        Assert.Equal(
            tokens.Issue(number, CaseInputKinds.LeadApprove, ActionRoles.TeamLead, Expiry, actionId),
            tokens.Issue(number, CaseInputKinds.LeadApprove, ActionRoles.TeamLead, Expiry, actionId));
    }

    [Fact]
    public void A_token_expires_at_its_expiry_and_still_says_what_it_was_for()
    {
        var tokens = Tokens(Key);
        var number = CaseNumber.New();
        var token = tokens.Issue(number, CaseInputKinds.CustomerAccept, ActionRoles.Customer, Expiry, Guid.NewGuid());

        Assert.Equal(LinkTokenStatus.Valid, tokens.Read(token, Expiry.AddSeconds(-1)).Status);
        var expired = tokens.Read(token, Expiry);

        Assert.Equal(LinkTokenStatus.Expired, expired.Status);
        Assert.False(expired.IsValid);
        Assert.Equal(number, expired.Link?.CaseNumber);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_forged()
    {
        var token = Tokens(OtherKey).Issue(CaseNumber.New(), CaseInputKinds.AgentAnswer, ActionRoles.Agent, Expiry, Guid.NewGuid());

        Assert.Equal(LinkTokenStatus.Forged, Tokens(Key).Read(token, Now).Status);
    }

    [Fact]
    public void A_token_with_a_changed_signature_is_forged()
    {
        var tokens = Tokens(Key);
        var token = tokens.Issue(CaseNumber.New(), CaseInputKinds.AgentAnswer, ActionRoles.Agent, Expiry, Guid.NewGuid());
        var flipped = token[^2] == 'A' ? 'B' : 'A';

        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(token[..^2] + flipped + token[^1], Now).Status);
    }

    [Fact]
    public void A_payload_changed_to_another_case_or_a_later_expiry_is_forged()
    {
        var tokens = Tokens(Key);
        var mine = CaseNumber.New();
        var other = CaseNumber.New();
        var token = tokens.Issue(mine, CaseInputKinds.CustomerAccept, ActionRoles.Customer, Expiry, Guid.NewGuid());
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));

        string Tampered(string changed) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(changed)) + token[dot..];

        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(Tampered(json.Replace(mine.Value, other.Value, StringComparison.Ordinal)), Now).Status);
        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(Tampered(json.Replace("\"customer\"", "\"agent\"", StringComparison.Ordinal)), Now).Status);
        var expiry = Expiry.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var later = Expiry.AddYears(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(Tampered(json.Replace(expiry, later, StringComparison.Ordinal)), Expiry.AddDays(1)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("abc.def")]
    [InlineData("a.b.c")]
    [InlineData(".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eyJ2IjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+/")]
    public void Something_that_is_not_a_token_is_malformed(string? token)
    {
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(Key).Read(token, Now).Status);
    }

    [Fact]
    public void A_very_long_token_is_malformed_without_being_checked()
    {
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(Key).Read(new string('A', 5000) + "." + new string('A', 43), Now).Status);
    }

    [Fact]
    public void A_token_signed_with_the_previous_key_verifies_during_its_grace_period_and_not_after()
    {
        var graceEnds = Now.AddDays(30);
        var token = Tokens(OtherKey).Issue(CaseNumber.New(), CaseInputKinds.ManufacturerSolved, ActionRoles.Customer, Now.AddDays(60), Guid.NewGuid());
        var clock = new FixedClock(Now.AddDays(10));
        var rotated = Tokens(Key, clock, previousKey: OtherKey, previousValidUntil: graceEnds);

        Assert.Equal(LinkTokenStatus.Valid, rotated.Read(token, clock.Now).Status);

        clock.Now = graceEnds.AddSeconds(1);
        Assert.Equal(LinkTokenStatus.Forged, rotated.Read(token, clock.Now).Status);
    }

    [Fact]
    public void New_tokens_after_a_rotation_are_signed_with_the_new_key()
    {
        var rotated = Tokens(Key, previousKey: OtherKey, previousValidUntil: Now.AddDays(30));

        var token = rotated.Issue(CaseNumber.New(), CaseInputKinds.ManufacturerHelp, ActionRoles.Customer, Expiry, Guid.NewGuid());

        Assert.Equal(LinkTokenStatus.Valid, Tokens(Key).Read(token, Now).Status);
        Assert.Equal(LinkTokenStatus.Forged, Tokens(OtherKey).Read(token, Now).Status);
    }

    [Theory]
    [InlineData("kari@example.no")]
    [InlineData("Agent")]
    [InlineData("")]
    [InlineData("agent answer")]
    public void A_role_or_step_that_could_leak_personal_data_or_break_the_format_is_refused(string name)
    {
        var tokens = Tokens(Key);

        Assert.Throws<ArgumentException>(() => tokens.Issue(CaseNumber.New(), CaseInputKinds.AgentAnswer, name, Expiry, Guid.NewGuid()));
        Assert.Throws<ArgumentException>(() => tokens.Issue(CaseNumber.New(), name, ActionRoles.Agent, Expiry, Guid.NewGuid()));
    }

    [Fact]
    public void A_link_needs_an_action_id()
    {
        Assert.Throws<ArgumentException>(() => Tokens(Key).Issue(CaseNumber.New(), CaseInputKinds.AgentAnswer, ActionRoles.Agent, Expiry, Guid.Empty));
    }
}
