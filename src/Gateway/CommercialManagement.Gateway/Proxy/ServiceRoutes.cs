using CommercialManagement.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace CommercialManagement.Gateway.Proxy;

/// <summary>
/// One named route per public path, forwarded unchanged to the service that owns it, resolved through service
/// discovery. Every route names its authorization policy: anonymous ones are listed in the README and tested.
/// </summary>
internal static class ServiceRoutes
{
    public const string Anonymous = "anonymous";
    public const string Staff = "default";

    public static readonly IReadOnlyList<RouteConfig> Routes =
    [
        Route("public-requests", "/public/requests", ResourceNames.InboxApi, Anonymous),
        Route("public-form", "/public/form.js", ResourceNames.InboxApi, Anonymous),
        Route("requests", "/api/requests/{**rest}", ResourceNames.InboxApi, Staff),
        Route("websites", "/api/websites/{**rest}", ResourceNames.InboxApi, Staff),
        Route("mailbox", "/api/mailbox/{**rest}", ResourceNames.InboxApi, Staff),
        Route("dossiers", "/api/dossiers/{**rest}", ResourceNames.DossierApi, Staff),
        Route("quotes", "/api/quotes/{**rest}", ResourceNames.QuoteApi, Staff),
        Route("catalogue", "/api/catalogue/{**rest}", ResourceNames.QuoteApi, Staff),
        Route("payments", "/api/payments/{**rest}", ResourceNames.PaymentApi, Staff),

        // The provider signs what it posts (Stripe-Signature over the raw body, both passed as they came); the sandbox
        // checkout page stands in for the provider's when no keys are configured.
        Route("stripe-webhook", "/webhooks/stripe", ResourceNames.PaymentApi, Anonymous),
        Route("payment-sandbox", "/sandbox/{**rest}", ResourceNames.PaymentApi, Anonymous),
    ];

    public static readonly IReadOnlyList<ClusterConfig> Clusters =
    [
        Cluster(ResourceNames.InboxApi),
        Cluster(ResourceNames.DossierApi),
        Cluster(ResourceNames.QuoteApi),
        Cluster(ResourceNames.PaymentApi),
    ];

    public static WebApplication MapServiceRoutes(this WebApplication app)
    {
        app.MapReverseProxy();
        return app;
    }

    private static RouteConfig Route(string id, string path, string cluster, string policy) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        AuthorizationPolicy = policy,
        Match = new RouteMatch { Path = path },
    };

    private static ClusterConfig Cluster(string service) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = $"http://{service}" },
        },
    };
}
