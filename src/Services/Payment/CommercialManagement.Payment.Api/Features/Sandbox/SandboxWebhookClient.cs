using System.Text;
using CommercialManagement.Payment.Api.Checkout;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Payment.Api.Features.Sandbox;

/// <summary>
/// Delivers the sandbox's signed events to this service's own <c>/webhooks/stripe</c>, the endpoint Stripe calls: the
/// production path is the one exercised. The address is <c>Stripe:SandboxWebhookBaseUrl</c> when set, else the server's own.
/// </summary>
internal sealed class SandboxWebhookClient(HttpClient http, IServer server, IOptions<StripeOptions> options, ILogger<SandboxWebhookClient> logger)
{
    /// <summary>Relative: under the base address's own path (a service behind a path prefix keeps it).</summary>
    public const string WebhookPath = "webhooks/stripe";

    public async Task<bool> DeliverAsync(string payload, string signature, CancellationToken cancellationToken)
    {
        var target = Target(BaseAddress());
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(SandboxEvent.SignatureHeader, signature);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            logger.LogWarning("The webhook at {Target} answered {Status} to the sandbox's event", target, (int)response.StatusCode);
            return false;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The sandbox could not deliver its event to {Target}", target);
            return false;
        }
    }

    private Uri BaseAddress()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SandboxWebhookBaseUrl))
        {
            return new Uri(options.Value.SandboxWebhookBaseUrl);
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address to deliver the sandbox's events to: set Stripe:SandboxWebhookBaseUrl.");
        return Reachable(address);
    }

    /// <summary>The webhook under <paramref name="baseAddress"/>, its path kept (<c>http://host/payment</c> → <c>http://host/payment/webhooks/stripe</c>).</summary>
    public static Uri Target(Uri baseAddress) =>
        new(baseAddress.AbsolutePath.EndsWith('/') ? baseAddress : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/"), WebhookPath);

    /// <summary>A listening address as a client reaches it: a wildcard binding (http://+:8080, http://[::]:8080) through the loopback.</summary>
    public static Uri Reachable(string address)
    {
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "[::]" or "0.0.0.0" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }
}
