using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.ServiceDefaults.Security;

/// <summary>
/// The Notification worker's own tokens, signed with its own private key (ES256), to fetch a quote's PDF to attach. Their
/// own issuer, audience and scheme: the Quote service accepts them on its document route only, never on a staff endpoint,
/// and the gateway never accepts them. Holding this key lets Notification read documents, not act as staff.
/// </summary>
public sealed class DocumentTokenIssuer(ECDsaSecurityKey key, TimeProvider timeProvider)
{
    public const string Issuer = "commercialmanagement-notification";
    public const string Audience = "commercialmanagement-documents";
    public const string Scheme = "Documents";

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>One organisation, the service's name, no user, for two minutes.</summary>
    public string Issue(Guid organisationId, string service)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(
            [
                new Claim(StaffClaims.OrganisationId, organisationId.ToString()),
                new Claim(StaffClaims.Name, service),
                new Claim(StaffClaims.Role, StaffClaims.ServiceRole),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + StaffTokenOptions.ServiceTokenLifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
