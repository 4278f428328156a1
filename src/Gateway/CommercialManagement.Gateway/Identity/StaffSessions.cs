using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Gateway.Identity;

/// <summary>How often a signed-in session is checked against the member's current state (<c>Auth:RevalidationInterval</c>).</summary>
internal sealed class StaffSessionOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// 30 s, so that a withdrawn right is gone everywhere within a minute: a tab opened from a cookie just before that
    /// cookie's own check starts a circuit whose first check comes one interval later (ADR 0008).
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The one rule a login cookie, an open back-office tab and an API token are held to.</summary>
internal static class StaffSession
{
    /// <summary>
    /// The member still exists and is enabled, and their security stamp is still the one the session began with: any
    /// change of rights (role, disabling, password) renews the stamp, so the session ends and a new sign-in gets the new
    /// rights.
    /// </summary>
    public static bool StillHolds(bool memberEnabled, string? currentStamp, string? sessionStamp) =>
        memberEnabled && !string.IsNullOrEmpty(sessionStamp) && string.Equals(currentStamp, sessionStamp, StringComparison.Ordinal);
}

/// <summary>
/// An open back-office tab (a Blazor circuit, which sees no cookie after it starts) re-reads its member every interval;
/// once the member no longer holds, the circuit's user becomes anonymous, and the pages' authorization sends the tab
/// to the login page.
/// </summary>
internal sealed class StaffRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IOptions<StaffSessionOptions> sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessions.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        StillHoldsAsync(authenticationState.User);

    /// <summary>Reads the member afresh (never the circuit's copy) and applies <see cref="StaffSession.StillHolds"/>.</summary>
    internal async Task<bool> StillHoldsAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.GetUserAsync(principal);
        var currentStamp = user is null ? null : await users.GetSecurityStampAsync(user);
        return StaffSession.StillHolds(user is { Disabled: false }, currentStamp, principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType));
    }
}
