using CommercialManagement.Gateway.Proxy;
using Yarp.ReverseProxy.Configuration;

namespace CommercialManagement.Gateway.Features.ApiDocs;

/// <summary>
/// Which of the gateway's routes the published document describes: the YARP routes an integrator calls (the staff
/// <c>/api/*</c> and the public intake) and the gateway's own <c>/api/auth/token</c>. A path leaves the document if it
/// matches none of them, and always if it starts with an internal prefix, whatever a service's document says.
/// </summary>
internal static class IntegratorRoutes
{
    public const string TokenPath = "/api/auth/token";

    /// <summary>
    /// Routes the gateway forwards that are not for integrators: the payment provider's webhook (Stripe signs what it
    /// posts; nobody else can call it usefully), the sandbox's checkout pages and the form's script (a file, no operation).
    /// </summary>
    public static readonly IReadOnlySet<string> NotForIntegrators = new HashSet<string>(StringComparer.Ordinal)
    {
        "stripe-webhook", "payment-sandbox", "public-form",
    };

    /// <summary>What must never be published: services' inner routes and the gateway's pages.</summary>
    public static readonly IReadOnlyList<string> InternalPrefixes =
    [
        "/documents", "/customer", "/sandbox", "/webhooks", "/health", "/alive", "/openapi", "/espace", "/deconnexion",
        "/connexion", "/erreur", "/acces-refuse", "/public/spaces", "/_blazor", "/_framework",
    ];

    public static IReadOnlyList<RouteConfig> Published { get; } =
        [.. ServiceRoutes.Routes.Where(r => !NotForIntegrators.Contains(r.RouteId))];

    /// <summary>True when <paramref name="path"/> (an OpenAPI path) is published for the service <paramref name="cluster"/>.</summary>
    public static bool IsPublished(string cluster, string path) =>
        !IsInternal(path) && Published.Any(r => r.ClusterId == cluster && Matches(r.Match.Path!, path));

    public static bool IsInternal(string path) =>
        InternalPrefixes.Any(prefix => path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal));

    /// <summary>A route's pattern is a fixed path or a prefix followed by <c>{**rest}</c>.</summary>
    public static bool Matches(string pattern, string path)
    {
        var catchAll = pattern.IndexOf("/{**", StringComparison.Ordinal);
        if (catchAll < 0)
        {
            return string.Equals(pattern, path, StringComparison.Ordinal);
        }

        var prefix = pattern[..catchAll];
        return path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);
    }
}
