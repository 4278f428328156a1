using System.Net;
using CommercialManagement.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace CommercialManagement.Deployment.Tests;

/// <summary>The way in: the Ingress reaches the gateway alone, and the gateway believes forwarded headers from the ingress alone.</summary>
public sealed class EdgeTests
{
    public static TheoryData<string> Renderings => WorkloadTests.Renderings;

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Ingress_RoutesEveryPathToTheGatewayService(string folder)
    {
        var manifests = Manifests.Of(folder);
        var ingress = Assert.Single(manifests.OfKind("Ingress"));
        var gateway = manifests.Single("Service", ResourceNames.Gateway);
        var paths = ingress.At("spec")!.Items("rules").SelectMany(r => r.At("http")!.Items("paths")).ToList();
        Assert.NotEmpty(paths);
        Assert.Contains(paths, p => p.Text("path") == "/" && p.Text("pathType") == "Prefix");
        foreach (var path in paths)
        {
            var backend = path.At("backend", "service")!;
            Assert.Equal(ResourceNames.Gateway, backend.Text("name"));
            Assert.Contains(gateway.At("spec")!.Items("ports"), p => p.Text("name") == backend.At("port")?.Text("name"));
        }
    }

    [Fact]
    public void Ingress_InProduction_TerminatesTlsForItsHost_AndKeepsABrowserOnItsCircuit()
    {
        var ingress = Assert.Single(Manifests.Of(Manifests.Production).OfKind("Ingress"));
        var host = Assert.Single(ingress.At("spec")!.Items("rules")).Text("host");
        Assert.Contains(ingress.At("spec")!.Items("tls"), tls => (tls.Get("hosts") as YamlSequenceNode)!.Children.Select(h => h.ToString()).Contains(host));
        Assert.Equal("cookie", ingress.At("metadata", "annotations")?.Text("nginx.ingress.kubernetes.io/affinity"));
    }

    /// <summary>
    /// Trusting every sender (0.0.0.0/0, ::/0, or ASP.NET Core's ASPNETCORE_FORWARDEDHEADERS_ENABLED, which clears the known
    /// proxies) would let any visitor choose the address the rate limits and the login throttle count.
    /// </summary>
    [Theory]
    [MemberData(nameof(Renderings))]
    public void Gateway_BelievesForwardedHeadersFromTheIngressNetworkOnly(string folder)
    {
        var manifests = Manifests.Of(folder);
        var container = manifests.Single("Deployment", ResourceNames.Gateway).Containers().Single();
        Assert.DoesNotContain(container.Env(), e => e.Text("name") == "ASPNETCORE_FORWARDEDHEADERS_ENABLED");

        var networks = Settings(manifests, container, "ForwardedHeaders__KnownNetworks__");
        Assert.NotEmpty(networks);
        foreach (var network in networks)
        {
            Assert.True(IPNetwork.TryParse(network, out var parsed), $"« {network} » is not a network in CIDR notation: the gateway would not start");
            Assert.True(parsed.PrefixLength >= 8, $"« {network} » trusts a whole internet's worth of senders; give the ingress controller's pod network");
        }

        foreach (var proxy in Settings(manifests, container, "ForwardedHeaders__KnownProxies__"))
        {
            Assert.True(IPAddress.TryParse(proxy, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any), $"« {proxy} » is not one proxy's address");
        }
    }

    /// <summary>
    /// Inbox believes the visitor's address for the public form's per-address limit from the gateway's pods only: a
    /// network given (pods have no fixed address), never everybody.
    /// </summary>
    [Theory]
    [MemberData(nameof(Renderings))]
    public void Inbox_BelievesForwardedHeadersFromTheGatewayNetworkOnly(string folder)
    {
        var manifests = Manifests.Of(folder);
        var container = manifests.Single("Deployment", ResourceNames.InboxApi).Containers().Single();

        var networks = Settings(manifests, container, "Intake__TrustedNetworks__");
        Assert.NotEmpty(networks);
        foreach (var network in networks)
        {
            Assert.True(IPNetwork.TryParse(network, out var parsed), $"« {network} » is not a network in CIDR notation: inbox-api would not start");
            Assert.True(parsed.PrefixLength >= 8, $"« {network} » trusts a whole internet's worth of senders; give the gateway pods' network");
        }
    }

    /// <summary>The values a container reads under a prefix, literal or from the rendered ConfigMap.</summary>
    private static List<string> Settings(Manifests manifests, YamlMappingNode container, string prefix) =>
        container.Env()
            .Where(e => e.Text("name")!.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => e.Text("value") ?? manifests.ConfigValue(e.At("valueFrom", "configMapKeyRef")
                ?? throw new Xunit.Sdk.XunitException($"{e.Text("name")} is neither a value nor a ConfigMap key")))
            .ToList();
}
