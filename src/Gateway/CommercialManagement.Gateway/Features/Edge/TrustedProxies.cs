using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommercialManagement.Gateway.Features.Edge;

/// <summary>
/// Section « ForwardedHeaders »: the proxies in front of the gateway (an ingress, a load balancer) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Without them every visitor behind the proxy would
/// be one address for the rate limits; with anyone believed, a visitor would choose their own. Loopback is always one.
/// </summary>
internal sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies (<c>10.0.0.5</c>, <c>2001:db8::5</c>).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies, in CIDR (<c>10.0.0.0/8</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are believed (the entries of X-Forwarded-For read from the right).</summary>
    public int ForwardLimit { get; set; } = 1;
}

internal static class TrustedProxies
{
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection(TrustedProxyOptions.Section).Get<TrustedProxyOptions>() ?? new TrustedProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = Math.Max(1, trusted.ForwardLimit);
            foreach (var proxy in trusted.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
