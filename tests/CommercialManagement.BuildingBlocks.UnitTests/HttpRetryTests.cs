using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>
/// Every HttpClient's resilience (ServiceDefaults): a read that met a 503 is tried again, a write never, since the first
/// attempt may have been applied (an offline payment, a quote line, a message recorded twice).
/// </summary>
public sealed class HttpRetryTests
{
    [Fact]
    public async Task Post_AfterA503_IsSentOnce_AndTheFailureReachesTheCaller()
    {
        var (client, service) = ClientFailingFirst();

        using var response = await client.PostAsync("http://payment-api/api/payments/by-request/1/offline", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, service.Attempts);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task OtherUnsafeMethods_AfterA503_AreSentOnce(string method)
    {
        var (client, service) = ClientFailingFirst();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "http://quote-api/api/quotes/1/lines/2"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, service.Attempts);
    }

    [Fact]
    public async Task Get_AfterA503_IsTriedAgain_AndSucceeds()
    {
        var (client, service) = ClientFailingFirst();

        using var response = await client.GetAsync("http://payment-api/api/payments/by-request/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, service.Attempts);
    }

    private static (HttpClient Client, FailsFirst Service) ClientFailingFirst()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.AddServiceDefaults();
        var service = new FailsFirst();
        builder.Services.AddHttpClient("service").ConfigurePrimaryHttpMessageHandler(() => service);
        var provider = builder.Services.BuildServiceProvider();
        return (provider.GetRequiredService<IHttpClientFactory>().CreateClient("service"), service);
    }

    /// <summary>A service that answers 503 to the first request it receives, then 200: counts what reached it.</summary>
    private sealed class FailsFirst : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(Interlocked.Increment(ref _attempts) == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
    }
}
