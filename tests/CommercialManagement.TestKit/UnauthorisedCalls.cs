using System.Net.Http.Headers;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.TestKit;

/// <summary>Every way a caller may come to a service without a valid staff token; each must get 401.</summary>
public static class UnauthorisedCalls
{
    private static readonly string[] Kinds =
    [
        "no token", "expired", "wrong audience", "wrong key", "no organisation", "not a token", "a customer space's token",
        "HMAC-signed with a secret", "HMAC-signed with the gateway's public key", "signed with Notification's key",
        "Notification's document token",
    ];

    public static IEnumerable<object[]> Names => Kinds.Select(kind => new object[] { kind });

    public static void Authorise(HttpRequestMessage request, StaffTokens tokens, string name, Guid organisationId)
    {
        const string services = StaffTokenOptions.ServicesAudience;
        var token = name switch
        {
            "no token" => null,
            "expired" => tokens.Issue(organisationId, issuedAt: DateTimeOffset.UtcNow.AddHours(-1)),
            "wrong audience" => tokens.Issue(organisationId, audience: StaffTokenOptions.ApiAudience),
            "wrong key" => tokens.Issue(organisationId, signedWith: StaffTokens.NewKey()),
            "no organisation" => tokens.Issue(organisationId, withOrganisation: false),
            "not a token" => "not-a-token",
            "a customer space's token" => tokens.IssueForCustomer(organisationId, Guid.NewGuid()),
            "HMAC-signed with a secret" => StaffTokens.ForgeWithHmac(organisationId, services),
            "HMAC-signed with the gateway's public key" => tokens.ForgeWithHmacOfThePublicKey(organisationId, services),
            "signed with Notification's key" => tokens.ForgeWithNotificationsKey(organisationId, services),
            "Notification's document token" => tokens.IssueForDocuments(organisationId),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}
