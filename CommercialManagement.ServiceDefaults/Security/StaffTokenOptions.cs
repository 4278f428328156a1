using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.ServiceDefaults.Security;

/// <summary>
/// The signed tokens the gateway issues: to staff's integrations (audience <see cref="ApiAudience"/>) and to the
/// services it calls for them (audience <see cref="ServicesAudience"/>). The key comes from configuration
/// (Auth:SigningKey); the AppHost generates one per data folder. Only Development falls back to a fixed key.
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
    public const string SigningKeySetting = "Auth:SigningKey";

    public static readonly TimeSpan ServiceTokenLifetime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan ApiTokenLifetime = TimeSpan.FromMinutes(30);

    private const string DevelopmentOnlyKey = "development-only-signing-key-never-use-it-in-production-0123456789";

    public static SymmetricSecurityKey SigningKey(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[SigningKeySetting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException($"{SigningKeySetting} is not set: staff tokens cannot be signed or checked.");
            }

            configured = DevelopmentOnlyKey;
        }

        var bytes = Encoding.UTF8.GetBytes(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException($"{SigningKeySetting} must be at least 32 bytes long.");
        }

        return new SymmetricSecurityKey(bytes);
    }

    public static TokenValidationParameters ValidationParameters(SecurityKey key, string audience) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
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
