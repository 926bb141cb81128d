using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.StaffConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Tests.Console;

/// <summary>The console's sign-in cookie and form tokens: ours, for one person, and not for ever.</summary>
public class ConsoleTokenTests
{
    static readonly CaseNumber Case = CaseNumber.Parse("K-4821-7730-524");
    readonly HandClock time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    readonly LinkSigner signer;

    public ConsoleTokenTests() => signer = new(Options.Create(new LinkSigningOptions { SigningKey = "test-signing-key-of-enough-length-for-hmac" }), time);

    StaffSessions Sessions() => new(signer, Options.Create(new ConsoleOptions()), Options.Create(new PipelineOptions { PublicBaseUrl = "https://complaints.example.no" }), time);

    static HttpRequest RequestWithCookie(string setCookie)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = setCookie.Split(';')[0];
        return context.Request;
    }

    [Fact]
    public void A_signed_in_person_is_read_back_with_their_roles_until_the_session_ends()
    {
        var sessions = Sessions();
        var response = new DefaultHttpContext().Response;
        sessions.SignIn(response, new StaffPerson("oid-1", "Åse Ødegård", "ase@example.no", [ActionRoles.Agent, ActionRoles.TeamLead]));
        var cookie = response.Headers.SetCookie.ToString();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/console", cookie, StringComparison.OrdinalIgnoreCase);

        var person = sessions.Read(RequestWithCookie(cookie));
        Assert.Equal("Åse Ødegård", person?.Name);
        Assert.Equal([ActionRoles.Agent, ActionRoles.TeamLead], person?.Roles);

        time.Advance(TimeSpan.FromHours(8));
        Assert.Null(sessions.Read(RequestWithCookie(cookie)));
    }

    [Fact]
    public void A_cookie_someone_changed_or_a_link_token_is_not_a_sign_in()
    {
        var sessions = Sessions();
        var response = new DefaultHttpContext().Response;
        sessions.SignIn(response, new StaffPerson("oid-1", "Ola", "ola@example.no", [ActionRoles.Agent]));
        var cookie = response.Headers.SetCookie.ToString().Split(';')[0];
        var value = cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var changed = value[..^2] + (value[^2] == 'A' ? "BB" : "AA");
        Assert.Null(sessions.Read(RequestWithCookie($"{StaffSessions.CookieName}={changed}")));

        var linkToken = new ActionTokens(signer).Issue(Case, "agent-answer", "agent", time.GetUtcNow().AddDays(1), Guid.NewGuid());
        Assert.Null(sessions.Read(RequestWithCookie($"{StaffSessions.CookieName}={linkToken}")));
    }

    [Fact]
    public void A_form_is_for_the_person_and_case_it_was_shown_for()
    {
        var forms = new ConsoleForms(signer, time);
        var ola = new StaffPerson("oid-1", "Ola", "ola@example.no", [ActionRoles.Agent]);
        var siri = new StaffPerson("oid-2", "Siri", "siri@example.no", [ActionRoles.Agent]);
        var press = Guid.NewGuid();
        var token = forms.Issue(new ConsoleForm(ola.Id, Case, "agent-answer", press, 3));

        Assert.Equal(new ConsoleForm(ola.Id, Case, "agent-answer", press, 3), forms.Read(token, ola, Case));
        Assert.Null(forms.Read(token, siri, Case));
        Assert.Null(forms.Read(token, ola, CaseNumber.Parse("K-6098-2057-558")));
        time.Advance(TimeSpan.FromHours(12));
        Assert.Null(forms.Read(token, ola, Case));
    }
}

/// <summary>A clock the test moves by hand.</summary>
sealed class HandClock(DateTimeOffset now) : TimeProvider
{
    DateTimeOffset now = now;

    public void Advance(TimeSpan by) => now += by;

    public override DateTimeOffset GetUtcNow() => now;
}
