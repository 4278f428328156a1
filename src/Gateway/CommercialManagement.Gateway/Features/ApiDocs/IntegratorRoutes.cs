using CommercialManagement.Gateway.Proxy;
using Yarp.ReverseProxy.Configuration;

namespace CommercialManagement.Gateway.Features.ApiDocs;

/// <summary>
/// Which of the gateway's routes the published document describes: the YARP routes an integrator calls (the staff
/// <c>/api/*</c> and the public intake) and the gateway's own <c>/api/auth/token</c>. A path leaves the document if it
/// matches none of them, whatever a service's document says: a service's inner routes (documents, customer space,
/// health) are under no published route, so they cannot leak.
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

    public static IReadOnlyList<RouteConfig> Published { get; } =
        [.. ServiceRoutes.Routes.Where(r => !NotForIntegrators.Contains(r.RouteId))];

    /// <summary>True when <paramref name="path"/> (an OpenAPI path) is published for the service <paramref name="cluster"/>.</summary>
    public static bool IsPublished(string cluster, string path) =>
        Published.Any(r => r.ClusterId == cluster && Matches(r.Match.Path!, path));

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
