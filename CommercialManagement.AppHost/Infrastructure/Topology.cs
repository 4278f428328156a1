using Microsoft.Extensions.Configuration;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// <c>--Topology:Replicas=2</c> (or CM_REPLICAS=2 with ./run.sh and ./test.sh) runs that many processes of every service
/// and of the gateway, as a cluster would: each replica its own process, the AppHost's proxy spreading calls between them.
/// The demo website stays one.
/// </summary>
internal static class Topology
{
    public static int Replicas(this IDistributedApplicationBuilder builder)
    {
        var replicas = builder.Configuration.GetValue("Topology:Replicas", 1);
        return replicas is >= 1 and <= 4
            ? replicas
            : throw new InvalidOperationException("Topology:Replicas is between 1 and 4 on one machine.");
    }

    public static IResourceBuilder<ProjectResource> WithTopologyReplicas(this IResourceBuilder<ProjectResource> project)
    {
        var replicas = project.ApplicationBuilder.Replicas();
        return replicas == 1 ? project : project.WithReplicas(replicas);
    }
}
