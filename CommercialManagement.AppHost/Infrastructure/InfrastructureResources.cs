namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>The databases and the broker, whatever the mode, and the servers a service cannot start without.</summary>
internal sealed class InfrastructureResources(
    Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase,
    IResourceBuilder<IResourceWithConnectionString> broker,
    IReadOnlyList<IResourceBuilder<IResource>> servers)
{
    private readonly Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> _databases = [];

    public IResourceBuilder<IResourceWithConnectionString> Broker { get; } = broker;

    public IReadOnlyList<IResourceBuilder<IResource>> Servers { get; } = servers;

    public IResourceBuilder<IResourceWithConnectionString> Database(string name)
    {
        if (!_databases.TryGetValue(name, out var database))
        {
            database = addDatabase(name);
            _databases[name] = database;
        }

        return database;
    }
}
