using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Gateway.Identity;

/// <summary>
/// An API token is signed for 30 minutes but holds only as long as its member does. It carries a short hash of the
/// member's security stamp (never the stamp itself, which also keys Identity's one-time codes); every request it
/// authenticates is checked against the member's current stamp and state, read from the database at most once per
/// member per interval.
/// </summary>
internal sealed class ApiTokenRevocation(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<StaffSessionOptions> sessions)
{
    public const string Refusal = "Ce jeton n'est plus valable : demandez-en un nouveau.";

    private static readonly object RevokedKey = new();

    /// <summary>Refuses a revoked token with <see cref="Refusal"/>, as a ProblemDetails, before anything is forwarded.</summary>
    public static JwtBearerEvents Events { get; } = new()
    {
        OnTokenValidated = async context =>
        {
            var revocation = context.HttpContext.RequestServices.GetRequiredService<ApiTokenRevocation>();
            if (context.Principal is null || !await revocation.HoldsAsync(context.Principal))
            {
                context.HttpContext.Items[RevokedKey] = true;
                context.Fail(Refusal);
            }
        },
        OnChallenge = async context =>
        {
            if (context.HttpContext.Items.ContainsKey(RevokedKey))
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await TypedResults.Problem(title: Refusal, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext);
            }
        },
    };

    /// <summary>The claim an API token issued now carries for <paramref name="securityStamp"/>.</summary>
    public static Claim ClaimFor(string? securityStamp) => new(StaffClaims.RevocationStamp, StampOf(securityStamp));

    internal static string StampOf(string? securityStamp) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes("api-token:" + securityStamp)).AsSpan(0, 16));

    /// <summary>True while the token's member exists, is enabled and has the stamp the token was issued with.</summary>
    public async Task<bool> HoldsAsync(ClaimsPrincipal token)
    {
        if (!Guid.TryParse(token.FindFirstValue(StaffClaims.UserId), out var userId))
        {
            return false;
        }

        var current = await cache.GetOrCreateAsync((typeof(ApiTokenRevocation), userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = sessions.Value.RevalidationInterval;
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByIdAsync(userId.ToString());
            return user is null ? null : new Member(user.Disabled, StampOf(await users.GetSecurityStampAsync(user)));
        });
        return StaffSession.StillHolds(current is { Disabled: false }, current?.Stamp, token.FindFirstValue(StaffClaims.RevocationStamp));
    }

    private sealed record Member(bool Disabled, string Stamp);
}
