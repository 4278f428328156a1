using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CommercialManagement.Gateway.Features.Auth;

internal sealed record TokenRequest(string? Email, string? Password);

internal sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

internal static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueTokenAsync)
            .WithName("IssueToken")
            .WithSummary("Exchanges a staff member's email and password for a short-lived bearer token for /api/*.")
            .WithTags("Authentication")
            .WithDescription("Send the email and password of a staff member; the answer's accessToken goes in `Authorization: Bearer` on every /api call until it expires (expiresIn seconds, 30 minutes).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AllowAnonymous()
            .DisableAntiforgery();
        app.MapPost("/deconnexion", SignOutAsync)
            .WithName("SignOut")
            .WithSummary("Ends the back-office session and returns to the login page.")
            .WithTags("Authentication")
            .AllowAnonymous()
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest? request, HttpContext http, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffTokenIssuer issuer, LoginThrottle throttle)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(title: "L'adresse e-mail et le mot de passe sont obligatoires.", statusCode: StatusCodes.Status400BadRequest);
        }

        var email = request.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var outcome = await throttle.AttemptAsync(email, http.Connection.RemoteIpAddress?.ToString(), async () =>
            user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true));
        if (outcome == LoginThrottle.Outcome.TooManyAttempts)
        {
            return TooManyAttempts(http);
        }

        if (outcome != LoginThrottle.Outcome.Succeeded || user is null)
        {
            return TypedResults.Problem(title: SignInMessages.Failed, statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var lifetime = StaffTokenOptions.ApiTokenLifetime;
        // The token ends with the member's rights: a new security stamp (role, disabling) makes it refused (ApiTokenRevocation).
        var stamp = ApiTokenRevocation.ClaimFor(await users.GetSecurityStampAsync(user));
        return TypedResults.Ok(new TokenResponse(issuer.Issue(principal, StaffTokenOptions.ApiAudience, lifetime, [stamp]), "Bearer", (int)lifetime.TotalSeconds));
    }

    private static ProblemHttpResult TooManyAttempts(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)LoginThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: SignInMessages.TooManyAttempts, statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(title: "La demande de déconnexion n'est pas valide. Rechargez la page.", statusCode: StatusCodes.Status400BadRequest);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/connexion");
    }
}

internal static class SignInMessages
{
    public const string Failed = "Adresse e-mail ou mot de passe incorrect.";

    /// <summary>The one answer to too many wrong passwords, for an account that exists or not, locked or throttled.</summary>
    public const string TooManyAttempts = "Trop de tentatives de connexion : réessayez dans 15 minutes.";
}
