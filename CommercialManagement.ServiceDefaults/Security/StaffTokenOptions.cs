using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.ServiceDefaults.Security;

/// <summary>
/// The signed tokens the gateway issues: to staff's integrations (audience <see cref="ApiAudience"/>) and to the
/// services it calls for them (audience <see cref="ServicesAudience"/>). Signed ES256 with the gateway's private key,
/// checked with its public key (<see cref="TokenKeys"/>): a service can check them, never make one.
/// </summary>
public static class StaffTokenOptions
{
    public const string Issuer = "commercialmanagement-gateway";
    public const string ServicesAudience = "commercialmanagement-services";
    public const string ApiAudience = "commercialmanagement-api";

    /// <summary>
    /// Tokens the gateway issues for a customer space it has just checked: one organisation, one case, nothing else.
    /// Their own audience and scheme, so that no staff endpoint ever accepts one.
    /// </summary>
    public const string CustomerAudience = "commercialmanagement-customer";
    public const string CustomerScheme = "Customer";

    public static readonly TimeSpan ServiceTokenLifetime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan ApiTokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// ES256 only: a token signed any other way (HMAC with whatever secret, RSA, none) is refused before its key is even
    /// looked at, so that no one can pass a public key off as a shared secret.
    /// </summary>
    public static TokenValidationParameters ValidationParameters(SecurityKey key, string audience, string issuer = Issuer) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = StaffClaims.Name,
        RoleClaimType = StaffClaims.Role,
    };
}
