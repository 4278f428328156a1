using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.ServiceDefaults.Security;

/// <summary>
/// Signs staff, API and customer tokens with the gateway's private key (ES256); the gateway uses it for every call it
/// makes for a user, the tests to call services as the gateway would. No other process has that key.
/// </summary>
public sealed class StaffTokenIssuer(ECDsaSecurityKey key, TimeProvider timeProvider)
{
    private static readonly JsonWebTokenHandler Handler = new();

    private static readonly string[] Carried =
        [StaffClaims.UserId, StaffClaims.Name, StaffClaims.Email, StaffClaims.OrganisationId, StaffClaims.Role];

    /// <summary>
    /// A token for <paramref name="user"/>'s staff claims and nothing else of the principal; <paramref name="extra"/> adds
    /// claims for this token only (the API token's revocation stamp).
    /// </summary>
    public string Issue(ClaimsPrincipal user, string audience, TimeSpan lifetime, IEnumerable<Claim>? extra = null)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claims = user.Claims.Where(c => Carried.Contains(c.Type)).Concat(extra ?? []).ToList();
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = StaffTokenOptions.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>A token for one customer space's call to a service: the case and its organisation, for two minutes.</summary>
    public string IssueForCustomer(Guid organisationId, Guid caseId)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = StaffTokenOptions.Issuer,
            Audience = StaffTokenOptions.CustomerAudience,
            Subject = new ClaimsIdentity([new Claim(StaffClaims.OrganisationId, organisationId.ToString()), new Claim(StaffClaims.CaseId, caseId.ToString())]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + StaffTokenOptions.ServiceTokenLifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>The principal of a staff member, as the gateway builds it at sign-in.</summary>
    public static ClaimsPrincipal Principal(
        Guid userId, string name, string email, Guid organisationId, IEnumerable<string> roles, string authenticationType = "staff")
    {
        List<Claim> claims =
        [
            new(StaffClaims.UserId, userId.ToString()),
            new(StaffClaims.Name, name),
            new(StaffClaims.Email, email),
            new(StaffClaims.OrganisationId, organisationId.ToString()),
        ];
        claims.AddRange(roles.Select(role => new Claim(StaffClaims.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, StaffClaims.Name, StaffClaims.Role));
    }
}
