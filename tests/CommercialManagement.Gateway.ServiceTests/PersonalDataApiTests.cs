using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// The gateway's personal-data routes: Admins only, an address they can act on, and nothing started nor exported while
/// a service cannot say what it holds (here the stand-ins answer no export, and no Notification is reachable).
/// </summary>
public sealed class PersonalDataApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = factory.CreateClient();
        var token = await (await TokenTests.RequestTokenAsync(client, email, TokenTests.DemoPassword)).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task PersonalData_IsRefusedToAnAgent()
    {
        var agent = await ClientAsync("agent@valneve-office.test");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/personal-data?email=marie%40example.fr")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/personal-data/archive?email=marie%40example.fr")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/personal-data/erasures", new { email = "marie@example.fr" })).StatusCode);
    }

    [Fact]
    public async Task PersonalData_ForAnAdmin_AsksForARealAddress_AndStartsNothingWhileAServiceDoesNotAnswer()
    {
        var admin = await ClientAsync("admin@valneve-office.test");

        var invalid = await admin.GetAsync("/api/personal-data?email=marie");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("adresse e-mail", (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var summary = await admin.GetFromJsonAsync<JsonElement>("/api/personal-data?email=Marie%40Example.fr");
        Assert.Equal("marie@example.fr", summary.GetProperty("email").GetString());
        Assert.Contains(summary.GetProperty("services").EnumerateArray(), s => s.GetProperty("service").GetString() == "notification" && !s.GetProperty("answered").GetBoolean());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.GetAsync("/api/personal-data/archive?email=marie%40example.fr")).StatusCode);
        var erase = await admin.PostAsJsonAsync("/api/personal-data/erasures", new { email = "marie@example.fr" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, erase.StatusCode);
        Assert.Contains("rien n'a été fait", (await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/personal-data/erasures/{Guid.NewGuid()}")).StatusCode);
    }
}
