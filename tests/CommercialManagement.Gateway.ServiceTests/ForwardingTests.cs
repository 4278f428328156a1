using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CommercialManagement.Gateway.ServiceTests;

public sealed class ForwardingTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task ApiCall_IsForwardedWithAStaffTokenForTheServicesAndWithoutWhatTheClientMadeUp()
    {
        var client = factory.CreateClient();
        var token = (await (await TokenTests.RequestTokenAsync(client, "agent@esf-valneve.test", TokenTests.DemoPassword))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var marker = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{marker}");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Organisation-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-User-Id", "someone-else");
        request.Headers.Add("X-HTTP-Method-Override", "DELETE");
        request.Headers.Add("Cookie", "cm.staff=stolen");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = Assert.Single(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
        Assert.False(headers.ContainsKey("X-Organisation-Id"));
        Assert.False(headers.ContainsKey("X-User-Id"));
        Assert.False(headers.ContainsKey("X-HTTP-Method-Override"));
        Assert.False(headers.ContainsKey("Cookie"));

        var forwarded = headers["Authorization"]["Bearer ".Length..];
        Assert.NotEqual(token, forwarded);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(forwarded, StaffTokenOptions.ValidationParameters(
            factory.Tokens.GatewayVerificationKey, StaffTokenOptions.ServicesAudience));
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("0b5e7a10-0000-4000-8000-000000000002", validation.Claims[StaffClaims.OrganisationId]);
        Assert.Equal("Hugo Favre", validation.Claims[StaffClaims.Name]);
    }

    [Fact]
    public async Task ApiCall_WithOnlyMadeUpIdentityHeaders_IsRefusedBeforeReachingTheService()
    {
        var marker = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{marker}");
        request.Headers.Add("X-Organisation-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-User-Id", Guid.NewGuid().ToString());

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
    }
}
