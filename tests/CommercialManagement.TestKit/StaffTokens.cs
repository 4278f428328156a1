using System.Security.Claims;
using System.Security.Cryptography;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.TestKit;

/// <summary>
/// Signs tokens the way the gateway (and the Notification worker) do, with key pairs made for one test host. A service's
/// factory gives it the public keys only (<see cref="GatewayPublicKey"/>, <see cref="NotificationPublicKey"/>); a signer's
/// factory gives it its private key.
/// </summary>
public sealed class StaffTokens
{
    private readonly ECDsaSecurityKey _gateway = NewKey();
    private readonly ECDsaSecurityKey _notification = NewKey();

    /// <summary>The gateway's private key (PKCS#8 PEM): the gateway's factory alone passes it.</summary>
    public string GatewayPrivateKey => _gateway.ECDsa.ExportPkcs8PrivateKeyPem();

    /// <summary>The gateway's public key (PEM), as every service gets it.</summary>
    public string GatewayPublicKey => _gateway.ECDsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>Notification's private key (PKCS#8 PEM): the Notification worker's factory alone passes it.</summary>
    public string NotificationPrivateKey => _notification.ECDsa.ExportPkcs8PrivateKeyPem();

    /// <summary>Notification's public key (PEM), as the Quote service gets it.</summary>
    public string NotificationPublicKey => _notification.ECDsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>The gateway's public key alone, to check a token as a service does.</summary>
    public SecurityKey GatewayVerificationKey => PublicKey(GatewayPublicKey);

    /// <summary>Notification's public key alone, to check a document token as the Quote service does.</summary>
    public SecurityKey NotificationVerificationKey => PublicKey(NotificationPublicKey);

    /// <summary>The gateway's private key as signing credentials, to forge a token of another kind with it.</summary>
    public SigningCredentials GatewaySigning => new(_gateway, SecurityAlgorithms.EcdsaSha256);

    /// <summary>Notification's private key as signing credentials: what the Notification worker could sign anything with.</summary>
    public SigningCredentials NotificationSigning => new(_notification, SecurityAlgorithms.EcdsaSha256);

    /// <summary>A staff token as the gateway signs it; <paramref name="signedWith"/> another ES256 key to forge one.</summary>
    public string Issue(
        Guid organisationId,
        string role = StaffClaims.AgentRole,
        string audience = StaffTokenOptions.ServicesAudience,
        TimeSpan? lifetime = null,
        DateTimeOffset? issuedAt = null,
        ECDsaSecurityKey? signedWith = null,
        bool withOrganisation = true,
        Guid? userId = null)
    {
        var issuer = new StaffTokenIssuer(signedWith ?? _gateway, new FixedTimeProvider(issuedAt ?? DateTimeOffset.UtcNow));
        var user = StaffTokenIssuer.Principal(userId ?? Guid.NewGuid(), "Agent de test", "agent@test.example", organisationId, [role]);
        if (!withOrganisation)
        {
            var identity = (ClaimsIdentity)user.Identity!;
            identity.RemoveClaim(identity.FindFirst(StaffClaims.OrganisationId));
        }

        return issuer.Issue(user, audience, lifetime ?? StaffTokenOptions.ServiceTokenLifetime);
    }

    /// <summary>A customer space's token for one case, as the gateway issues it after checking the space's link.</summary>
    public string IssueForCustomer(Guid organisationId, Guid caseId, DateTimeOffset? issuedAt = null) =>
        new StaffTokenIssuer(_gateway, new FixedTimeProvider(issuedAt ?? DateTimeOffset.UtcNow)).IssueForCustomer(organisationId, caseId);

    /// <summary>The Notification worker's document token, signed with its own key, as it asks the Quote service for a PDF.</summary>
    public string IssueForDocuments(Guid organisationId, DateTimeOffset? issuedAt = null) =>
        new DocumentTokenIssuer(_notification, new FixedTimeProvider(issuedAt ?? DateTimeOffset.UtcNow)).Issue(organisationId, "Notification");

    /// <summary>
    /// A well-formed Admin token (issuer, audience, lifetime, organisation, all right) signed with any credentials: HMAC
    /// with a secret a service could hold, or Notification's key. No service and no gateway may accept one.
    /// </summary>
    public static string Forge(Guid organisationId, string audience, SigningCredentials credentials, string issuer = StaffTokenOptions.Issuer)
    {
        var now = DateTime.UtcNow;
        var user = StaffTokenIssuer.Principal(Guid.NewGuid(), "Faussaire", "forger@test.example", organisationId, [StaffClaims.AdminRole]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = (ClaimsIdentity)user.Identity!,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + StaffTokenOptions.ServiceTokenLifetime,
            SigningCredentials = credentials,
        });
    }

    /// <summary>An HS256 token for the audience, its secret the gateway's public key: the classic confusion of algorithms.</summary>
    public string ForgeWithHmacOfThePublicKey(Guid organisationId, string audience) =>
        Forge(organisationId, audience, new SigningCredentials(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(GatewayPublicKey)), SecurityAlgorithms.HmacSha256));

    /// <summary>An HS256 token for the audience, signed with a secret of its own (as the one every process once held).</summary>
    public static string ForgeWithHmac(Guid organisationId, string audience) =>
        Forge(organisationId, audience, new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48)), SecurityAlgorithms.HmacSha256));

    /// <summary>A staff token for the audience as the Notification worker could make one with its own key (it must not work).</summary>
    public string ForgeWithNotificationsKey(Guid organisationId, string audience) =>
        Forge(organisationId, audience, NotificationSigning);

    /// <summary>A new P-256 key, for a signer that is not the gateway.</summary>
    public static ECDsaSecurityKey NewKey() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static ECDsaSecurityKey PublicKey(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return new ECDsaSecurityKey(ecdsa);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
