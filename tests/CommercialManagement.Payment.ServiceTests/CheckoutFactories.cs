using System.Collections.Concurrent;
using System.Net;
using CommercialManagement.Payment.Api.Features.Sandbox;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// The Payment service with the sandbox (asked for, no Stripe key) and a known webhook secret; the sandbox's events go to
/// <see cref="Webhook"/>, which keeps them (the webhook itself is tested on its own).
/// </summary>
public sealed class SandboxFactory() : ServiceFactory<Program>(ResourceNames.PaymentDb)
{
    public const string WebhookSecret = "whsec_sandbox_tests_0123456789abcdef";

    public WebhookCatcher Webhook { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:Sandbox", "true");
        builder.UseSetting("Stripe:WebhookSecret", WebhookSecret);
        builder.UseSetting("Stripe:SandboxWebhookBaseUrl", "http://payment-api.test");
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddHttpClient<SandboxWebhookClient>().ConfigurePrimaryHttpMessageHandler(() => Webhook);
}

/// <summary>What the sandbox posted to <c>/webhooks/stripe</c>; answers <see cref="Status"/> (400 to play a webhook that refuses).</summary>
public sealed class WebhookCatcher : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Uri, string Signature, string Payload)> Received { get; } = new();

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>Thrown instead of answering (a resilience pipeline's open circuit, say); null: it answers.</summary>
    public Exception? Throws { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Throws is not null)
        {
            throw Throws;
        }

        var payload = await request.Content!.ReadAsStringAsync(cancellationToken);
        Received.Enqueue((request.RequestUri!, request.Headers.GetValues("Stripe-Signature").Single(), payload));
        return new HttpResponseMessage(Status);
    }

    // The client factory recycles its handlers; this one lives as long as the test host.
    protected override void Dispose(bool disposing)
    {
    }
}
