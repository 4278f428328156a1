using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.ServiceDefaults.Security;

/// <summary>Signs staff tokens; the gateway uses it for every call it makes for a user, the tests to call services.</summary>
public sealed class StaffTokenIssuer(SecurityKey key, TimeProvider timeProvider)
{
    private static readonly JsonWebTokenHandler Handler = new();

    private static readonly string[] Carried =
        [StaffClaims.UserId, StaffClaims.Name, StaffClaims.Email, StaffClaims.OrganisationId, StaffClaims.Role];

    public string Issue(ClaimsPrincipal user, string audience, TimeSpan lifetime)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claims = user.Claims.Where(c => Carried.Contains(c.Type)).ToList();
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = StaffTokenOptions.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
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
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// A token for one service's call to another on behalf of the system (Notification fetching the quote's PDF to
    /// attach): one organisation, no user (an empty id), the service's name, for two minutes.
    /// </summary>
    public string IssueForService(Guid organisationId, string service) =>
        Issue(Principal(Guid.Empty, service, "", organisationId, [StaffClaims.ServiceRole], "service"), StaffTokenOptions.ServicesAudience, StaffTokenOptions.ServiceTokenLifetime);

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
