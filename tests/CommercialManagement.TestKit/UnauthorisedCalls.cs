using System.Net.Http.Headers;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.TestKit;

/// <summary>Every way a caller may come to a service without a valid staff token; each must get 401.</summary>
public static class UnauthorisedCalls
{
    private static readonly string[] Kinds = ["no token", "expired", "wrong audience", "wrong key", "no organisation", "not a token", "a customer space's token"];

    public static IEnumerable<object[]> Names => Kinds.Select(kind => new object[] { kind });

    public static void Authorise(HttpRequestMessage request, StaffTokens tokens, string name, Guid organisationId)
    {
        var token = name switch
        {
            "no token" => null,
            "expired" => tokens.Issue(organisationId, issuedAt: DateTimeOffset.UtcNow.AddHours(-1)),
            "wrong audience" => tokens.Issue(organisationId, audience: StaffTokenOptions.ApiAudience),
            "wrong key" => tokens.Issue(organisationId, signingKey: Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "-another-key-of-enough-length"),
            "no organisation" => tokens.Issue(organisationId, withOrganisation: false),
            "not a token" => "not-a-token",
            "a customer space's token" => tokens.IssueForCustomer(organisationId, Guid.NewGuid()),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}
