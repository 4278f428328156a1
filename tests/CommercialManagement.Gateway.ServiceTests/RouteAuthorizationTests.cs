using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// Enumerates every endpoint of the gateway (pages, its own API, proxied routes) so that a new one cannot be
/// forgotten: anonymous only when listed here, and refused without credentials otherwise.
/// </summary>
public sealed class RouteAuthorizationTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    /// <summary>The anonymous routes, each for a reason given in the README.</summary>
    private static readonly string[] AnonymousRoutes =
    [
        "/public/requests", "/public/form.js", "/espace/{Token}", "/espace/{token}/devis.pdf", "/espace/{token}/factures/{invoiceId:guid}.pdf", "/espace/{token}/payer/{paymentRequestId:guid}",
        "/webhooks/stripe", "/sandbox/{**rest}", "/api/auth/token", "/connexion", "/deconnexion", "/erreur", "/health", "/alive",
        "/openapi/{documentName}.json", // the route table, described in Development only (the hostile-input suite reads it)
        "/api/docs/{documentName?}", // Scalar's API page (ADR 0025; its document, /api/docs/openapi.json, is a file name: not listed here)
    ];

    private IReadOnlyList<(string Method, string Pattern, bool Anonymous)> Endpoints()
    {
        _ = factory.CreateClient();
        var sources = factory.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>() is not null || !IsStaticFile(endpoint.RoutePattern.RawText ?? ""))
            .SelectMany(endpoint =>
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                return methods.Select(method => (method, "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'), anonymous));
            })
            .Distinct()
            .ToList();
    }

    [Fact]
    public void Endpoints_AnonymousOnesAreExactlyTheListedOnes()
    {
        var anonymous = Endpoints().Where(e => e.Anonymous).Select(e => e.Pattern).Distinct().Order().ToList();

        Assert.Equal(AnonymousRoutes.Order().ToList(), anonymous);
    }

    [Fact]
    public async Task Endpoints_WithoutCredentials_AreRefused()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var endpoints = Endpoints().Where(e => !e.Anonymous).ToList();
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/api/dossiers", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/api/quotes", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/api/catalogue", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/api/payments", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Pattern == "/dossiers");

        foreach (var (method, pattern, _) in endpoints)
        {
            var path = Sample(pattern);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            var response = await client.SendAsync(request);

            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}, not 401");
            }
            else
            {
                Assert.True(
                    response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/connexion", StringComparison.Ordinal) == true,
                    $"{method} {path} answered {(int)response.StatusCode} {response.Headers.Location}, not a redirect to the login page");
            }
        }
    }

    [Theory]
    [InlineData("quotes", "/api/quotes/{**rest}")]
    [InlineData("catalogue", "/api/catalogue/{**rest}")]
    public void QuoteRoutes_ForwardToTheQuoteService_ForStaffOnly(string id, string path)
    {
        var route = Assert.Single(CommercialManagement.Gateway.Proxy.ServiceRoutes.Routes, r => r.RouteId == id);

        Assert.Equal(path, route.Match.Path);
        Assert.Equal(CommercialManagement.ServiceDefaults.ResourceNames.QuoteApi, route.ClusterId);
        Assert.Equal(CommercialManagement.Gateway.Proxy.ServiceRoutes.Staff, route.AuthorizationPolicy);
    }

    [Fact]
    public void PaymentRoute_ForwardsToThePaymentService_ForStaffOnly()
    {
        var route = Assert.Single(CommercialManagement.Gateway.Proxy.ServiceRoutes.Routes, r => r.RouteId == "payments");

        Assert.Equal("/api/payments/{**rest}", route.Match.Path);
        Assert.Equal(CommercialManagement.ServiceDefaults.ResourceNames.PaymentApi, route.ClusterId);
        Assert.Equal(CommercialManagement.Gateway.Proxy.ServiceRoutes.Staff, route.AuthorizationPolicy);
    }

    [Theory]
    [InlineData("stripe-webhook", "/webhooks/stripe")]
    [InlineData("payment-sandbox", "/sandbox/{**rest}")]
    public void ProviderRoutes_ForwardToThePaymentService_Anonymously(string id, string path)
    {
        var route = Assert.Single(CommercialManagement.Gateway.Proxy.ServiceRoutes.Routes, r => r.RouteId == id);

        Assert.Equal(path, route.Match.Path);
        Assert.Equal(CommercialManagement.ServiceDefaults.ResourceNames.PaymentApi, route.ClusterId);
        Assert.Equal(CommercialManagement.Gateway.Proxy.ServiceRoutes.Anonymous, route.AuthorizationPolicy);
    }

    private static bool IsStaticFile(string pattern) =>
        Path.HasExtension(pattern.Split('/').Last()) && !pattern.Contains('{', StringComparison.Ordinal);

    private static string Sample(string pattern) => string.Join('/', pattern.Split('/').Select(segment =>
        segment.StartsWith('{') ? (segment.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "sample") : segment));
}
