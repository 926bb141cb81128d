using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Tests.Support;
using ComplaintFunctions.Links;
using ComplaintFunctions.Workflow;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Domain.Tests.Links;

public class ViewTokensTests
{
    const string Key = "test-signing-key-0123456789-abcdefghijklmnop";
    const string OtherKey = "another-signing-key-9876543210-zyxwvutsrqpon";
    static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Expiry = Now.AddDays(30);
    static readonly string OmbudsmanFile = CaseViews.CaseFileFor(CaseViews.ForOmbudsman);
    static readonly string BodyFile = CaseViews.CaseFileFor("no-forbrukertilsynet");

    static LinkSigner Signer(string key, TimeProvider? clock = null, string? previousKey = null, DateTimeOffset? previousValidUntil = null) =>
        new(Options.Create(new LinkSigningOptions { SigningKey = key, PreviousSigningKey = previousKey, PreviousKeyValidUntil = previousValidUntil }), clock ?? new FixedClock(Now));

    static ViewTokens Tokens(string key, TimeProvider? clock = null, string? previousKey = null, DateTimeOffset? previousValidUntil = null) =>
        new(Signer(key, clock, previousKey, previousValidUntil));

    [Fact]
    public void An_issued_token_reads_back_as_the_same_case_view_role_and_expiry()
    {
        var tokens = Tokens(Key);
        var number = CaseNumber.New();

        var reading = tokens.Read(tokens.Issue(number, BodyFile, ActionRoles.DisputeContact, Expiry), Now);

        Assert.Equal(LinkTokenStatus.Valid, reading.Status);
        Assert.True(reading.IsValid);
        Assert.Equal(new ViewLink(number, BodyFile, ActionRoles.DisputeContact, Expiry), reading.Link);
    }

    [Fact]
    public void The_same_order_gives_the_same_token_so_a_retried_mail_carries_the_same_link()
    {
        var tokens = Tokens(Key);
        var number = CaseNumber.New();

        Assert.Equal(
            tokens.Issue(number, CaseViews.Case, ActionRoles.TeamLead, Expiry),
            tokens.Issue(number, CaseViews.Case, ActionRoles.TeamLead, Expiry));
    }

    [Fact]
    public void A_token_is_url_safe_and_carries_no_key()
    {
        var token = Tokens(Key).Issue(CaseNumber.New(), OmbudsmanFile, ActionRoles.Ombudsman, Expiry);

        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$", token);
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal))));
        Assert.DoesNotContain(Key, payload, StringComparison.Ordinal);
        Assert.Contains("case-file:ombudsman", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_expires_at_its_expiry_and_still_says_what_it_was_for()
    {
        var tokens = Tokens(Key);
        var number = CaseNumber.New();
        var token = tokens.Issue(number, CaseViews.Case, ActionRoles.Management, Expiry);

        Assert.Equal(LinkTokenStatus.Valid, tokens.Read(token, Expiry.AddSeconds(-1)).Status);
        var expired = tokens.Read(token, Expiry);

        Assert.Equal(LinkTokenStatus.Expired, expired.Status);
        Assert.False(expired.IsValid);
        Assert.Equal(number, expired.Link?.CaseNumber);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_forged()
    {
        var token = Tokens(OtherKey).Issue(CaseNumber.New(), CaseViews.Case, ActionRoles.TeamLead, Expiry);

        Assert.Equal(LinkTokenStatus.Forged, Tokens(Key).Read(token, Now).Status);
    }

    [Fact]
    public void A_token_with_a_changed_signature_is_forged()
    {
        var tokens = Tokens(Key);
        var token = tokens.Issue(CaseNumber.New(), CaseViews.Case, ActionRoles.TeamLead, Expiry);
        var flipped = token[^2] == 'A' ? 'B' : 'A';

        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(token[..^2] + flipped + token[^1], Now).Status);
    }

    [Fact]
    public void A_payload_changed_to_another_case_view_role_or_expiry_is_forged()
    {
        var tokens = Tokens(Key);
        var mine = CaseNumber.New();
        var other = CaseNumber.New();
        var token = tokens.Issue(mine, BodyFile, ActionRoles.TeamLead, Expiry);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));

        string Tampered(string changed) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(changed)) + token[dot..];

        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(Tampered(json.Replace(mine.Value, other.Value, StringComparison.Ordinal)), Now).Status);
        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(Tampered(json.Replace(BodyFile, OmbudsmanFile, StringComparison.Ordinal)), Now).Status);
        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(Tampered(json.Replace("\"team-lead\"", "\"ombudsman\"", StringComparison.Ordinal)), Now).Status);
        var expiry = Expiry.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var later = Expiry.AddYears(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(LinkTokenStatus.Forged, tokens.Read(Tampered(json.Replace(expiry, later, StringComparison.Ordinal)), Expiry.AddDays(1)).Status);
    }

    [Fact]
    public void An_action_token_is_not_a_view_token_and_a_view_token_is_not_an_action_token()
    {
        var signer = Signer(Key);
        var views = new ViewTokens(signer);
        var actions = new ActionTokens(signer);
        var number = CaseNumber.New();

        var actionToken = actions.Issue(number, CaseInputKinds.OmbudsmanDecide, ActionRoles.Ombudsman, Expiry, Guid.NewGuid());
        var viewToken = views.Issue(number, OmbudsmanFile, ActionRoles.Ombudsman, Expiry);

        Assert.Equal(LinkTokenStatus.Valid, actions.Read(actionToken, Now).Status);
        Assert.Equal(LinkTokenStatus.Valid, views.Read(viewToken, Now).Status);
        Assert.Equal(LinkTokenStatus.Forged, views.Read(actionToken, Now).Status);
        Assert.Equal(LinkTokenStatus.Forged, actions.Read(viewToken, Now).Status);
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
        var token = Tokens(OtherKey).Issue(CaseNumber.New(), BodyFile, ActionRoles.DisputeContact, Now.AddDays(60));
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

        var token = rotated.Issue(CaseNumber.New(), CaseViews.Case, ActionRoles.Management, Expiry);

        Assert.Equal(LinkTokenStatus.Valid, Tokens(Key).Read(token, Now).Status);
        Assert.Equal(LinkTokenStatus.Forged, Tokens(OtherKey).Read(token, Now).Status);
    }

    [Theory]
    [InlineData(ActionRoles.TeamLead)]
    [InlineData(ActionRoles.Management)]
    [InlineData(ActionRoles.DisputeContact)]
    [InlineData(ActionRoles.Agent)]
    [InlineData(ActionRoles.Customer)]
    public void The_ombudsmans_case_file_is_never_linked_for_anyone_but_the_ombudsman(string role)
    {
        Assert.Throws<ArgumentException>(() => Tokens(Key).Issue(CaseNumber.New(), OmbudsmanFile, role, Expiry));
    }

    [Theory]
    [InlineData("kari@example.no")]
    [InlineData("Case")]
    [InlineData("")]
    [InlineData("case file")]
    [InlineData("something-else")]
    public void A_view_that_could_leak_personal_data_break_the_format_or_is_unknown_is_refused(string view)
    {
        Assert.Throws<ArgumentException>(() => Tokens(Key).Issue(CaseNumber.New(), view, ActionRoles.TeamLead, Expiry));
    }
}
