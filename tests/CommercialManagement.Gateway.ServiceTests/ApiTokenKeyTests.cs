using System.Net;
using System.Net.Http.Json;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// The gateway's <c>/api</c> takes the bearer tokens it signed itself (its private key, ES256) and nothing a service
/// could make: not an HMAC token with any secret, not a token signed with the Notification worker's key.
/// </summary>
public sealed class ApiTokenKeyTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private static readonly Guid Organisation = DemoOrganisations.ValNeveOffice;

    [Fact]
    public async Task Api_WithATokenTheGatewaySigned_IsForwarded()
    {
        var marker = Guid.NewGuid();

        // Issued by /api/auth/token for a real member: an API token also names its member's security stamp (SessionRevocationTests).
        var issued = await TokenTests.RequestTokenAsync(factory.CreateClient(), "agent@valneve-office.test", TokenTests.DemoPassword);
        var token = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;

        var response = await SendAsync(marker, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
    }

    public static TheoryData<string> Forgeries =>
    [
        "HMAC-signed with a secret", "HMAC-signed with the gateway's public key", "signed with Notification's key",
        "Notification's document token", "signed with another key", "the gateway's token for the services",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Api_WithATokenTheGatewayDidNotSignForIt_Is401_AndNothingIsForwarded(string kind)
    {
        const string api = StaffTokenOptions.ApiAudience;
        var tokens = factory.Tokens;
        var token = kind switch
        {
            "HMAC-signed with a secret" => StaffTokens.ForgeWithHmac(Organisation, api),
            "HMAC-signed with the gateway's public key" => tokens.ForgeWithHmacOfThePublicKey(Organisation, api),
            "signed with Notification's key" => tokens.ForgeWithNotificationsKey(Organisation, api),
            "Notification's document token" => tokens.IssueForDocuments(Organisation),
            "signed with another key" => StaffTokens.Forge(Organisation, api, new(StaffTokens.NewKey(), SecurityAlgorithms.EcdsaSha256)),
            "the gateway's token for the services" => tokens.Issue(Organisation, StaffClaims.AdminRole),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var marker = Guid.NewGuid();

        var response = await SendAsync(marker, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
    }

    private async Task<HttpResponseMessage> SendAsync(Guid marker, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{marker}");
        request.Headers.Authorization = new("Bearer", token);
        return await factory.CreateClient().SendAsync(request);
    }
}
