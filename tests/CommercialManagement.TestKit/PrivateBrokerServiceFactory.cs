namespace CommercialManagement.TestKit;

/// <summary>
/// One service on a RabbitMQ of its own (<see cref="RabbitMqServer.StartPrivateAsync"/>), which its test may stop and start
/// as an outage without touching the other tests' broker; the broker goes with the factory.
/// </summary>
public class PrivateBrokerServiceFactory<TEntryPoint>(string databaseName) : ServiceFactory<TEntryPoint>(databaseName)
    where TEntryPoint : class
{
    protected override bool OnRealBroker => true;

    protected override Task<RabbitMqServer> GetBrokerAsync() => RabbitMqServer.StartPrivateAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
    }
}
