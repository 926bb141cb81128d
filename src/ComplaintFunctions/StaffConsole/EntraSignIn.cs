using System.Security.Cryptography;
using System.Text.Json.Serialization;
using ComplaintFunctions.Links;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintFunctions.StaffConsole;

/// <summary>What a sign-in attempt carries through the identity provider and back: where to go, and the nonce its ID token must carry.</summary>
public sealed record SignInAttempt(string ReturnPath, string Nonce);

/// <summary>
/// Sign-in with OpenID Connect against Microsoft Entra ID (or, locally, the runner's stand-in for it):
/// the ID token comes back by form post and is checked here, in the worker, with Microsoft's token
/// library: signature against the authority's published keys, issuer, audience (the console's app
/// registration), lifetime, and the nonce of this browser's attempt. The person's roles are the app
/// roles the directory assigned them (the <c>roles</c> claim). No client secret is needed.
/// </summary>
public sealed class EntraSignIn
{
    const string StatePurpose = "console-sign-in";
    readonly ConsoleOptions options;
    readonly LinkSigner signer;
    readonly TimeProvider time;
    readonly ConfigurationManager<OpenIdConnectConfiguration>? metadata;

    public EntraSignIn(IOptions<ConsoleOptions> options, LinkSigner signer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.signer = signer;
        this.time = time;
        if (IsSetUp)
        {
            var authority = this.options.Authority!.TrimEnd('/');

            // Plain http only for an authority on this machine (the local runner's stand-in).
            var local = Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
            metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
                $"{authority}/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = !local });
        }
    }

    public bool IsSetUp => !string.IsNullOrWhiteSpace(options.Authority) && !string.IsNullOrWhiteSpace(options.ClientId);

    /// <summary>Where to send the browser to sign in, and the state to check when it comes back.</summary>
    public async Task<(Uri Redirect, SignInAttempt Attempt)> BeginAsync(string returnPath, Uri callback, CancellationToken cancel)
    {
        var configuration = await Metadata().GetConfigurationAsync(cancel);
        var attempt = new SignInAttempt(returnPath, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        var state = SignedToken.Seal(signer, StatePurpose, new StatePayload
        {
            ReturnPath = attempt.ReturnPath,
            Nonce = attempt.Nonce,
            Expires = (time.GetUtcNow() + TimeSpan.FromMinutes(15)).ToUnixTimeSeconds(),
        });
        var query = string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = options.ClientId!,
            ["response_type"] = "id_token",
            ["response_mode"] = "form_post",
            ["redirect_uri"] = callback.ToString(),
            ["scope"] = "openid profile",
            ["nonce"] = attempt.Nonce,
            ["state"] = state,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return (new Uri($"{configuration.AuthorizationEndpoint}?{query}"), attempt);
    }

    /// <summary>The attempt a returning state names, when it is ours and fresh.</summary>
    public SignInAttempt? ReadState(string? state)
    {
        if (SignedToken.Open<StatePayload>(signer, StatePurpose, state, out var payload, SignedToken.MaxSessionLength) != LinkTokenStatus.Valid
            || payload is not { ReturnPath: { } path, Nonce: { } nonce }
            || time.GetUtcNow().ToUnixTimeSeconds() >= payload.Expires)
        {
            return null;
        }

        return new SignInAttempt(path, nonce);
    }

    /// <summary>The person an ID token names, or why it is not accepted.</summary>
    public async Task<(StaffPerson? Person, string? Refusal)> CheckIdTokenAsync(string? idToken, SignInAttempt attempt, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (string.IsNullOrEmpty(idToken))
        {
            return (null, "The sign-in came back without an ID token.");
        }

        var configuration = await Metadata().GetConfigurationAsync(cancel);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = options.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
                (notBefore is null || notBefore.Value - parameters.ClockSkew <= time.GetUtcNow().UtcDateTime)
                && expires is { } e && time.GetUtcNow().UtcDateTime < e + parameters.ClockSkew,
        });
        if (!result.IsValid)
        {
            // A key rolled over since the keys were read: read them again once, then judge.
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                Metadata().RequestRefresh();
            }

            return (null, "The sign-in could not be checked. Sign in again.");
        }

        var claims = result.ClaimsIdentity.Claims.ToList();
        string? Claim(string type) => claims.FirstOrDefault(c => c.Type == type)?.Value;
        if (Claim("nonce") != attempt.Nonce)
        {
            return (null, "The sign-in does not belong to this browser's attempt. Sign in again.");
        }

        var id = Claim("oid") ?? Claim("sub");
        var name = Claim("name") ?? Claim("preferred_username");
        if (id is null || name is null)
        {
            return (null, "The sign-in did not say who you are.");
        }

        var roles = claims.Where(c => c.Type is "roles" or "role").Select(c => c.Value).Where(r => StaffRoles.All.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return (new StaffPerson(id, name.Trim(), Claim("preferred_username") ?? string.Empty, roles), null);
    }

    ConfigurationManager<OpenIdConnectConfiguration> Metadata() =>
        metadata ?? throw new InvalidOperationException("Console:Authority and Console:ClientId are not set.");

    sealed class StatePayload
    {
        [JsonPropertyName("p")]
        public string? ReturnPath { get; set; }

        [JsonPropertyName("n")]
        public string? Nonce { get; set; }

        [JsonPropertyName("x")]
        public long Expires { get; set; }
    }
}
