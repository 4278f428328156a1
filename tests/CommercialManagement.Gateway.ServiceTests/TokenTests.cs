using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommercialManagement.Gateway.ServiceTests;

public sealed class TokenTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    internal const string DemoPassword = "Demo!2026";

    internal static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string email, string password) =>
        await client.PostAsJsonAsync("/api/auth/token", new { email, password });

    [Fact]
    public async Task Token_ForADemoAgent_IsIssuedAndOpensTheApi()
    {
        var client = factory.CreateClient();

        var response = await RequestTokenAsync(client, "agent@esf-valneve.test", DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.InRange(body.GetProperty("expiresIn").GetInt32(), 60, 3600);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{Guid.NewGuid()}");
        request.Headers.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Token_WithAWrongPassword_Is401WithAFrenchMessage()
    {
        var response = await RequestTokenAsync(factory.CreateClient(), "agent@valneve-office.test", "Wrong!2026");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Adresse e-mail ou mot de passe incorrect.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Token_ForAnUnknownEmail_IsTheSame401()
    {
        var response = await RequestTokenAsync(factory.CreateClient(), "nobody@nowhere.test", DemoPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Adresse e-mail ou mot de passe incorrect.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Token_AfterFiveWrongPasswords_TheAccountIsLockedEvenWithTheRightOne()
    {
        var client = factory.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await RequestTokenAsync(client, "admin@chalet-melezes.test", "Wrong!2026");
        }

        var response = await RequestTokenAsync(client, "admin@chalet-melezes.test", DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Trop de tentatives de connexion : réessayez dans 15 minutes.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Token_AfterFiveWrongPasswords_AnUnknownAddressAnswersExactlyAsAKnownOne()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            statuses.Add((await RequestTokenAsync(client, "personne@chalet-melezes.test", "Wrong!2026")).StatusCode);
        }

        var response = await RequestTokenAsync(client, "personne@chalet-melezes.test", DemoPassword);

        // Four plain refusals, then the same « too many » as a real account locked by its fifth wrong password.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Trop de tentatives de connexion : réessayez dans 15 minutes.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("900", response.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task Token_WithoutABody_Is400()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"email\":\"Ab\\u0000cd\",\"password\":\"x\"}", "email")]
    [InlineData("{\"email\":\"a\\ud800b@example.fr\",\"password\":\"x\"}", "email")]
    [InlineData("{\"email\":\"\\ufffe\",\"password\":\"x\"}", "email")]
    [InlineData("{\"email\":12,\"password\":\"x\"}", "email")]
    [InlineData("{\"email\":", "email")]
    [InlineData("[]", "body")]
    public async Task Token_WithAHostileBody_Is400ProblemDetails_NamingTheField_NotTheErrorPage(string json, string field)
    {
        // Found by the hostile-input suite: the gateway's error page answered these with 500 (and later with 400 in HTML).
        var response = await factory.CreateClient().PostAsync("/api/auth/token", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"« {field} »", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
