using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintFunctions.LocalHost.SignIn;

/// <summary>
/// The runner's stand-in for Microsoft Entra ID, so the console's sign-in runs locally through the very
/// code it runs in Azure: OpenID Connect metadata, signing keys, and an authorize page where you pick
/// who you are and your role; it posts a signed ID token back to the console as Entra ID does.
/// LOCAL ONLY: it is part of the local runner, which is never deployed, and it checks no password.
/// </summary>
static class EntraStandIn
{
    public const string BasePath = "/dev/entra";
    public const string ClientId = "local-complaint-console";

    /// <summary>The people to pick from: one per role, as a first day's team would be.</summary>
    static readonly (string Id, string Name, string UserName, string Role)[] People =
    [
        ("00000000-0000-0000-0000-00000000a001", "Ola Hansen", "ola.hansen@example.no", "agent"),
        ("00000000-0000-0000-0000-00000000a002", "Siri Berg", "siri.berg@example.no", "agent"),
        ("00000000-0000-0000-0000-00000000b001", "Kari Lund", "kari.lund@example.no", "team-lead"),
        ("00000000-0000-0000-0000-00000000c001", "Ingrid Dahl", "ingrid.dahl@example.no", "ombudsman"),
        ("00000000-0000-0000-0000-00000000d001", "Per Moen", "per.moen@example.no", "dispute-contact"),
        ("00000000-0000-0000-0000-00000000e001", "Mona Strand", "mona.strand@example.no", "management"),
    ];

    public static string Authority(Uri baseAddress) => $"{baseAddress.ToString().TrimEnd('/')}{BasePath}/v2.0";

    public static void Map(WebApplication app, Uri baseAddress)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };
        var issuer = Authority(baseAddress);
        var metadata = new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{issuer}/authorize",
            ["jwks_uri"] = $"{issuer}/keys",
            ["response_types_supported"] = new[] { "id_token" },
            ["response_modes_supported"] = new[] { "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        };
        app.MapGet($"{BasePath}/v2.0/.well-known/openid-configuration", () => Results.Json(metadata));
        app.MapGet($"{BasePath}/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = key.KeyId, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet($"{BasePath}/v2.0/authorize", (HttpContext context) => Results.Content(PickPage(context.Request.Query), "text/html; charset=utf-8"));
        app.MapPost($"{BasePath}/v2.0/authorize", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var redirect = form["redirect_uri"].ToString();
            var person = People.FirstOrDefault(p => p.Id == form["person"].ToString());
            if (person.Id is null || !Uri.TryCreate(redirect, UriKind.Absolute, out var back) || !back.IsLoopback || form["client_id"] != ClientId)
            {
                return Results.Content("<!doctype html><title>Not signed in</title><p>Pick a person; the stand-in signs in only to this machine's console.</p>", "text/html; charset=utf-8", statusCode: 400);
            }

            var now = DateTime.UtcNow;
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddHours(1),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = person.Id,
                    ["oid"] = person.Id,
                    ["name"] = person.Name,
                    ["preferred_username"] = person.UserName,
                    ["roles"] = new[] { person.Role },
                    ["nonce"] = form["nonce"].ToString(),
                    ["tid"] = "00000000-0000-0000-0000-000000000000",
                },
            });

            // As Entra ID's form_post: a page whose form carries the token back; the script only presses its button.
            var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signing in</title></head><body onload=\"document.forms[0].submit()\">")
                .Append("<form method=\"post\" action=\"").Append(E(redirect)).Append("\"><input type=\"hidden\" name=\"id_token\" value=\"").Append(E(token)).Append("\">")
                .Append("<input type=\"hidden\" name=\"state\" value=\"").Append(E(form["state"].ToString())).Append("\"><button type=\"submit\">Continue to the console</button></form></body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        });
    }

    static string PickPage(IQueryCollection query)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local sign-in (stand-in for Microsoft Entra ID)</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem} .local{background:#fff3cd;border:2px solid #8a6d00;padding:.6rem} label{margin-left:.3rem} button{margin-top:1rem;padding:.5rem 1rem;font:inherit}</style></head>
            <body><h1>Sign in to the complaint console</h1>
            <p class="local" id="local-only"><b>Local only.</b> This is the local runner's stand-in for Microsoft Entra ID: pick who you are. It checks no password, runs only on this machine, and is never deployed. In Azure the console signs in at Entra ID.</p>
            <form method="post"><fieldset><legend>Who are you?</legend>
            """);
        foreach (var (id, name, _, role) in People)
        {
            var slug = $"{name.Split(' ')[0].ToLowerInvariant()}-{role}";
            html.Append("<div><input type=\"radio\" name=\"person\" id=\"person-").Append(slug).Append("\" value=\"").Append(id).Append("\" required><label for=\"person-").Append(slug).Append("\">")
                .Append(E(name)).Append(" (").Append(E(role)).Append(")</label></div>");
        }

        html.Append("</fieldset>");
        foreach (var field in new[] { "client_id", "redirect_uri", "nonce", "state" })
        {
            html.Append("<input type=\"hidden\" name=\"").Append(field).Append("\" value=\"").Append(E(query[field].ToString())).Append("\">");
        }

        return html.Append("<button type=\"submit\" id=\"sign-in\">Sign in</button></form></body></html>").ToString();
    }

    static string E(string text) => WebUtility.HtmlEncode(text);
}
