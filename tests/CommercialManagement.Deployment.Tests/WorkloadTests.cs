using System.Text.RegularExpressions;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using YamlDotNet.RepresentationModel;

namespace CommercialManagement.Deployment.Tests;

/// <summary>What an operator checks in the rendered manifests before an apply: each service is there, probed, sized, locked down.</summary>
public sealed partial class WorkloadTests
{
    public static readonly string[] Services =
    [
        ResourceNames.Gateway, ResourceNames.InboxApi, ResourceNames.DossierApi,
        ResourceNames.QuoteApi, ResourceNames.PaymentApi, ResourceNames.NotificationWorker,
    ];

    public static TheoryData<string> Renderings => new() { Manifests.Base, Manifests.Production };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Rendering_EveryServiceHasADeploymentAServiceAndADisruptionBudget_AndNoOtherDeployment(string folder)
    {
        var manifests = Manifests.Of(folder);
        foreach (var kind in new[] { "Deployment", "Service", "PodDisruptionBudget" })
        {
            Assert.Equal(Services.Order(), manifests.OfKind(kind).Select(o => o.Name()!).Order());
        }

        Assert.All(manifests.OfKind("PodDisruptionBudget"), pdb => Assert.Equal("1", pdb.At("spec")!.Text("minAvailable")));
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Workloads_NameAnImageWithRepositoryAndTag_NeverLatest(string folder)
    {
        foreach (var (workload, container) in Containers(Manifests.Of(folder)))
        {
            var image = container.Text("image") ?? "";
            Assert.True(ImageWithTag().IsMatch(image), $"{workload}: image « {image} » has no repository/name:tag");
            Assert.False(image.EndsWith(":latest", StringComparison.Ordinal), $"{workload}: image « {image} » is latest");
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Deployments_AreReadyOnHealth_AndAliveOnAlive(string folder)
    {
        foreach (var deployment in Manifests.Of(folder).OfKind("Deployment"))
        {
            var container = deployment.Containers().Single();
            Assert.Equal(Microsoft.Extensions.Hosting.Extensions.HealthEndpointPath, container.At("readinessProbe", "httpGet")?.Text("path"));
            Assert.Equal(Microsoft.Extensions.Hosting.Extensions.AlivenessEndpointPath, container.At("livenessProbe", "httpGet")?.Text("path"));
            Assert.Equal("http", container.At("readinessProbe", "httpGet")?.Text("port"));
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Deployments_RunAtLeastTwoReplicas_AndRollWithoutLosingOne(string folder)
    {
        foreach (var deployment in Manifests.Of(folder).OfKind("Deployment"))
        {
            Assert.True(int.Parse(deployment.At("spec")!.Text("replicas") ?? "1", System.Globalization.CultureInfo.InvariantCulture) >= 2, $"{deployment.Name()} runs fewer than 2 replicas");
            Assert.Equal("0", deployment.At("spec", "strategy", "rollingUpdate")?.Text("maxUnavailable"));
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Containers_RequestAndLimitCpuAndMemory(string folder)
    {
        foreach (var (workload, container) in Containers(Manifests.Of(folder)))
        {
            foreach (var side in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.False(string.IsNullOrWhiteSpace(container.At("resources", side)?.Text(resource)), $"{workload}: no {side}.{resource}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Containers_RunAsNonRoot_OnAReadOnlyRoot_WithoutCapabilities(string folder)
    {
        foreach (var workload in Workloads(Manifests.Of(folder)))
        {
            Assert.Equal("true", workload.PodSpec().At("securityContext")?.Text("runAsNonRoot"));
            Assert.Equal("false", workload.PodSpec().Text("automountServiceAccountToken"));
            foreach (var container in workload.Containers())
            {
                var security = container.At("securityContext");
                Assert.Equal("true", security?.Text("readOnlyRootFilesystem"));
                Assert.Equal("false", security?.Text("allowPrivilegeEscalation"));
                Assert.Equal(["ALL"], ((security?.At("capabilities")?.Get("drop") as YamlSequenceNode)?.Children ?? []).Select(c => c.ToString()));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Containers_RunInProduction(string folder)
    {
        foreach (var (workload, container) in Containers(Manifests.Of(folder)))
        {
            Assert.True(container.EnvValue("ASPNETCORE_ENVIRONMENT") == "Production", $"{workload} does not run in Production");
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Services_SelectTheirDeploymentsPods_OnItsHttpPort(string folder)
    {
        var manifests = Manifests.Of(folder);
        foreach (var service in manifests.OfKind("Service"))
        {
            var deployment = manifests.Single("Deployment", service.Name()!);
            var podLabels = deployment.At("spec", "template", "metadata", "labels")!;
            foreach (var (key, value) in service.At("spec", "selector")!.Children)
            {
                Assert.Equal(value.ToString(), podLabels.Text(key.ToString()));
            }

            var port = Assert.Single(service.At("spec")!.Items("ports"));
            Assert.Equal("80", port.Text("port"));
            Assert.Contains(deployment.Containers().Single().Items("ports"), p => p.Text("name") == port.Text("targetPort"));
        }
    }

    /// <summary>The addresses service discovery reads (<c>services__quote-api__http__0</c>, as Aspire sets them) reach a rendered Service.</summary>
    [Theory]
    [MemberData(nameof(Renderings))]
    public void DiscoveredAddresses_ReachARenderedService(string folder)
    {
        var manifests = Manifests.Of(folder);
        var expected = new Dictionary<string, string[]>
        {
            [ResourceNames.Gateway] = [ResourceNames.InboxApi, ResourceNames.DossierApi, ResourceNames.QuoteApi, ResourceNames.PaymentApi, ResourceNames.NotificationWorker],
            [ResourceNames.NotificationWorker] = [ResourceNames.QuoteApi, ResourceNames.PaymentApi],
        };
        foreach (var deployment in manifests.OfKind("Deployment"))
        {
            var container = deployment.Containers().Single();
            var discovered = container.Env().Select(e => e.Text("name")!).Where(n => n.StartsWith("services__", StringComparison.Ordinal)).ToList();
            var wanted = expected.GetValueOrDefault(deployment.Name()!, []);
            Assert.Equal(wanted.Select(s => $"services__{s}__http__0").Order(), discovered.Order());
            foreach (var service in wanted)
            {
                Assert.Equal($"http://{service}", container.EnvValue($"services__{service}__http__0"));
                manifests.Single("Service", service);
            }
        }
    }

    /// <summary>A private key to its signer alone, a public key to whoever checks (ADR 0007), exactly as the AppHost gives them.</summary>
    [Theory]
    [MemberData(nameof(Renderings))]
    public void TokenKeys_GoToTheProcessesTokenKeysGivenToNames(string folder)
    {
        foreach (var deployment in Manifests.Of(folder).OfKind("Deployment"))
        {
            var given = deployment.Containers().Single().Env().Select(e => e.Text("name")!).Where(n => n.StartsWith("Auth__", StringComparison.Ordinal));
            Assert.Equal(TokenKeys.GivenTo(deployment.Name()!).Select(TokenKeys.EnvironmentVariable).Order(), given.Order());
        }
    }

    /// <summary>The images the manifests name are the ones <c>dotnet publish -t:PublishContainer</c> builds (ContainerRepository).</summary>
    [Fact]
    public void Images_AreTheRepositoriesTheProjectsPublish()
    {
        var published = ContainerProjects.All().Select(p => p.Repository).Order().ToList();
        var named = Containers(Manifests.Of(Manifests.Production)).Select(c => Repository(c.Container.Text("image")!)).Distinct().Order().ToList();
        Assert.Equal(published, named);
        Assert.Equal(Services.Select(s => $"commercialmanagement/{s}").Order(), published);
    }

    internal static string Repository(string image) => image[..image.LastIndexOf(':')];

    internal static IEnumerable<YamlMappingNode> Workloads(Manifests manifests) => manifests.OfKind("Deployment").Concat(manifests.OfKind("Job"));

    internal static IEnumerable<(string Workload, YamlMappingNode Container)> Containers(Manifests manifests) =>
        Workloads(manifests).SelectMany(w => w.Containers().Select(c => ($"{w.Text("kind")} {w.Name()}", c)));

    [GeneratedRegex(@"^[a-z0-9.\-]+(:[0-9]+)?(/[a-z0-9._\-]+)+:[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}$")]
    private static partial Regex ImageWithTag();
}

/// <summary>The projects that publish an image: their csproj's ContainerRepository, and where their build output is.</summary>
internal sealed record ContainerProjects(string Repository, string ProjectFile)
{
    public static IReadOnlyList<ContainerProjects> All() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(file => (file, match: Regex.Match(File.ReadAllText(file), "<ContainerRepository>([^<]+)</ContainerRepository>")))
            .Where(p => p.match.Success)
            .Select(p => new ContainerProjects(p.match.Groups[1].Value, p.file))
            .ToList();

    /// <summary>The service's own build output, of the configuration these tests were built in.</summary>
    public string Assembly
    {
        get
        {
            var configuration = typeof(ContainerProjects).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
                .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
            var name = Path.GetFileNameWithoutExtension(ProjectFile);
            return Path.Combine(Path.GetDirectoryName(ProjectFile)!, "bin", configuration, "net10.0", name + ".dll");
        }
    }
}
