using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// Behind an ingress every visitor arrives from the ingress: the gateway believes X-Forwarded-For from the proxies it
/// is told of (« ForwardedHeaders »), and from nobody else, and forwards the real client's address to the services.
/// </summary>
public sealed class TrustedProxyTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Ingress = "203.0.113.9";
    private const string Visitor = "198.51.100.7";

    [Theory]
    [InlineData(Ingress, Visitor)]
    [InlineData("203.0.113.50", "203.0.113.50")]
    public async Task XForwardedFor_IsBelievedFromAKnownProxyOnly(string connectionFrom, string seenByTheServices)
    {
        using var gateway = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Ingress);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(connectionFrom))));
        });
        var client = gateway.CreateClient();
        var token = (await (await TokenTests.RequestTokenAsync(client, "agent@esf-valneve.test", TokenTests.DemoPassword))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var marker = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{marker}");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Forwarded-For", Visitor);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = Assert.Single(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
        Assert.Equal(seenByTheServices, headers["X-Forwarded-For"]);
    }

    /// <summary>Sets the connection's remote address, as a network would (the in-memory test server has none).</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
