using System.Text.Json.Serialization;
using ComplaintFunctions.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.StaffConsole;

/// <summary>
/// The console's sign-in cookie: who signed in, with which roles, until when, signed with the link
/// signing key under its own purpose (so no link token verifies as a session, and the other way round).
/// Only the path of the console gets it, HttpOnly and SameSite=Lax (a page on another site cannot post with it).
/// </summary>
public sealed class StaffSessions(LinkSigner signer, IOptions<ConsoleOptions> options, IOptions<PipelineOptions> pipeline, TimeProvider time)
{
    public const string CookieName = "cf-staff";
    public const string CookiePath = "/api/console";
    const string Purpose = "staff-session";
    const int FormatVersion = 1;
    const int MaxNameLength = 80;

    public bool SecureCookies => pipeline.Value.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public void SignIn(HttpResponse response, StaffPerson person)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(person);
        var expires = time.GetUtcNow() + options.Value.SessionLifetime;
        var token = SignedToken.Seal(signer, Purpose, new Payload
        {
            Version = FormatVersion,
            Subject = person.Id,
            Name = Cut(person.Name),
            UserName = Cut(person.UserName),
            Roles = [.. person.Roles],
            Expires = expires.ToUnixTimeSeconds(),
        });
        response.Cookies.Append(CookieName, token, new CookieOptions
        {
            Path = CookiePath,
            HttpOnly = true,
            Secure = SecureCookies,
            SameSite = SameSiteMode.Lax,
            Expires = expires,
        });
    }

    public void SignOut(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath, HttpOnly = true, Secure = SecureCookies, SameSite = SameSiteMode.Lax });
    }

    /// <summary>The person signed in on this request, or null (no cookie, not ours, expired).</summary>
    public StaffPerson? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Cookies[CookieName];
        if (SignedToken.Open<Payload>(signer, Purpose, token, out var payload, SignedToken.MaxSessionLength) != LinkTokenStatus.Valid
            || payload is not { Version: FormatVersion, Subject: { Length: > 0 } subject, Name: { Length: > 0 } name, Roles: { } roles }
            || time.GetUtcNow().ToUnixTimeSeconds() >= payload.Expires)
        {
            return null;
        }

        return new StaffPerson(subject, name, payload.UserName ?? string.Empty, roles.Where(r => StaffRoles.All.Contains(r, StringComparer.Ordinal)).ToList());
    }

    static string Cut(string text) => text.Length > MaxNameLength ? text[..MaxNameLength] : text;

    sealed class Payload
    {
        [JsonPropertyName("v")]
        public int Version { get; set; }

        [JsonPropertyName("s")]
        public string? Subject { get; set; }

        [JsonPropertyName("n")]
        public string? Name { get; set; }

        [JsonPropertyName("u")]
        public string? UserName { get; set; }

        [JsonPropertyName("r")]
        public string[]? Roles { get; set; }

        [JsonPropertyName("x")]
        public long Expires { get; set; }
    }
}
