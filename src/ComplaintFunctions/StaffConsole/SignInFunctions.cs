using ComplaintFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ComplaintFunctions.StaffConsole;

/// <summary>
/// <c>GET /api/console/sign-in</c> sends the browser to Entra ID; Entra ID posts the ID token back to
/// <c>POST /api/console/sign-in</c>, which checks it and sets the console's cookie; <c>/api/console/sign-out</c> ends it.
/// These routes are anonymous at the Functions level: the sign-in is what protects the console.
/// </summary>
public sealed class SignInFunctions(EntraSignIn signIn, StaffSessions sessions, IOptions<PipelineOptions> pipeline, IOptions<Workflow.StaffOptions> staff, ILogger<SignInFunctions> logger)
{
    ConsoleTexts T => ConsoleTexts.For(staff.Value.Language);

    /// <summary>Ties a sign-in attempt to the browser that began it (so nobody can sign a colleague into their own account).</summary>
    const string AttemptCookie = "cf-sign-in";

    [Function("BeginConsoleSignIn")]
    public async Task<IActionResult> Begin([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/sign-in")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!signIn.IsSetUp)
        {
            return ConsolePages.NotSetUp(T);
        }

        var returnPath = ConsolePages.SafeReturnPath(request.Query["return"].ToString());
        try
        {
            var (redirect, attempt) = await signIn.BeginAsync(returnPath, Callback(), request.HttpContext.RequestAborted);
            request.HttpContext.Response.Cookies.Append(AttemptCookie, attempt.Nonce, AttemptCookieOptions());
            return new RedirectResult(redirect.AbsoluteUri, permanent: false);
        }
        catch (InvalidOperationException e)
        {
            // The authority's metadata could not be read (the retriever wraps every cause in this).
            logger.LogWarning(e, "The sign-in authority's metadata could not be read");
            return ConsolePages.Message(T, StatusCodes.Status503ServiceUnavailable, T.SignInUnreachableTitle, T.SignInUnreachable);
        }
    }

    [Function("CompleteConsoleSignIn")]
    public async Task<IActionResult> Complete([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/sign-in")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!signIn.IsSetUp)
        {
            return ConsolePages.NotSetUp(T);
        }

        var (form, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, request.HttpContext.RequestAborted);
        if (unreadable is not null || form is null)
        {
            return ConsolePages.Message(T, StatusCodes.Status400BadRequest, T.SignInFailedTitle, T.SignInUnreadable, signInLink: true);
        }

        if (form["error"].ToString() is { Length: > 0 } error)
        {
            return ConsolePages.Message(T, StatusCodes.Status401Unauthorized, T.SignInFailedTitle, $"{error}: {form["error_description"]}", signInLink: true);
        }

        var attempt = signIn.ReadState(form["state"].ToString());
        if (attempt is null || request.Cookies[AttemptCookie] != attempt.Nonce)
        {
            return ConsolePages.Message(T, StatusCodes.Status400BadRequest, T.SignInFailedTitle, T.SignInNotStartedHere, signInLink: true);
        }

        StaffPerson? person;
        string? refusal;
        try
        {
            (person, refusal) = await signIn.CheckIdTokenAsync(form[OpenIdConnectParameterNames.IdToken].ToString(), attempt, request.HttpContext.RequestAborted);
        }
        catch (InvalidOperationException e)
        {
            logger.LogWarning(e, "The sign-in authority's keys could not be read");
            return ConsolePages.Message(T, StatusCodes.Status503ServiceUnavailable, T.SignInUnreachableTitle, T.SignInUnreachable);
        }

        request.HttpContext.Response.Cookies.Delete(AttemptCookie, AttemptCookieOptions());
        if (person is null)
        {
            return ConsolePages.Message(T, StatusCodes.Status401Unauthorized, T.SignInFailedTitle, refusal ?? T.SignInAgain, signInLink: true);
        }

        if (person.Roles.Count == 0)
        {
            return ConsolePages.Message(T, StatusCodes.Status403Forbidden, T.NoRoleTitle, ConsolePages.F(T.NoRole, ("name", person.Name)));
        }

        sessions.SignIn(request.HttpContext.Response, person);
        logger.LogInformation("Signed in to the console with the roles {Roles}", string.Join(",", person.Roles));
        return new RedirectResult(attempt.ReturnPath, permanent: false) { PreserveMethod = false };
    }

    [Function("ConsoleSignOut")]
    public IActionResult SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "console/sign-out")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        sessions.SignOut(request.HttpContext.Response);
        return ConsolePages.Message(T, StatusCodes.Status200OK, T.SignedOutTitle, T.SignedOut, signInLink: true);
    }

    Uri Callback() => new($"{pipeline.Value.PublicBaseUrl.TrimEnd('/')}/api/console/sign-in");

    // The answer comes back as a post from the sign-in service's site: over https the cookie must be SameSite=None to come with it.
    CookieOptions AttemptCookieOptions() => new()
    {
        Path = StaffSessions.CookiePath,
        HttpOnly = true,
        Secure = sessions.SecureCookies,
        SameSite = sessions.SecureCookies ? SameSiteMode.None : SameSiteMode.Lax,
        MaxAge = TimeSpan.FromMinutes(15),
    };
}
