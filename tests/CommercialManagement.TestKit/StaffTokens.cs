using System.Security.Cryptography;
using System.Text;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.TestKit;

/// <summary>Signs staff tokens the way the gateway does, with a key made for one test host.</summary>
public sealed class StaffTokens
{
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public string Issue(
        Guid organisationId,
        string role = StaffClaims.AgentRole,
        string audience = StaffTokenOptions.ServicesAudience,
        TimeSpan? lifetime = null,
        DateTimeOffset? issuedAt = null,
        string? signingKey = null,
        bool withOrganisation = true)
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey ?? SigningKey));
        var issuer = new StaffTokenIssuer(key, new FixedTimeProvider(issuedAt ?? DateTimeOffset.UtcNow));
        var user = StaffTokenIssuer.Principal(Guid.NewGuid(), "Agent de test", "agent@test.example", organisationId, [role]);
        if (!withOrganisation)
        {
            var identity = (System.Security.Claims.ClaimsIdentity)user.Identity!;
            identity.RemoveClaim(identity.FindFirst(StaffClaims.OrganisationId));
        }

        return issuer.Issue(user, audience, lifetime ?? StaffTokenOptions.ServiceTokenLifetime);
    }

    /// <summary>A customer space's token for one case, as the gateway issues it after checking the space's link.</summary>
    public string IssueForCustomer(Guid organisationId, Guid caseId, DateTimeOffset? issuedAt = null) =>
        new StaffTokenIssuer(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), new FixedTimeProvider(issuedAt ?? DateTimeOffset.UtcNow))
            .IssueForCustomer(organisationId, caseId);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
