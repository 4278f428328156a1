using Aspire.Hosting.ApplicationModel;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.AppHost.Infrastructure;

internal static class InfrastructureExtensions
{
    public static InfrastructureResources AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = InfrastructureModeDetector.Resolve(builder.Configuration["Infrastructure:Mode"]);
        return mode switch
        {
            InfrastructureMode.Local => LocalInfrastructure.Add(builder),
            InfrastructureMode.Containers => AddContainers(builder),
            _ => AddExternal(builder),
        };
    }

    /// <summary>A service's database and the broker, waiting for the servers to be healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithInfrastructure(
        this IResourceBuilder<ProjectResource> project, InfrastructureResources infrastructure, string database)
    {
        project.WithReference(infrastructure.Database(database)).WithReference(infrastructure.Broker);
        foreach (var server in infrastructure.Servers)
        {
            project.WaitFor(server);
        }

        return project;
    }

    private static InfrastructureResources AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres).WithDataVolume();
        var rabbitmq = builder.AddRabbitMQ(ResourceNames.RabbitMq).WithDataVolume();
        return new InfrastructureResources(
            name => postgres.AddDatabase(name),
            rabbitmq,
            [postgres, rabbitmq]);
    }

    private static InfrastructureResources AddExternal(IDistributedApplicationBuilder builder) => new(
        name => builder.AddConnectionString(name),
        builder.AddConnectionString(ResourceNames.RabbitMq),
        []);
}
