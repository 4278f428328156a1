using CommercialManagement.BuildingBlocks.Messaging;
using MassTransit;

namespace CommercialManagement.Gateway.Features.Live;

/// <summary>
/// Live pages: the services' events reach this gateway on a queue of its own (every instance gets each event, and the
/// queue goes with the process), and <see cref="LiveChanges"/> tells the open pages of the event's organisation.
/// </summary>
internal static class LiveModule
{
    public static IServiceCollection AddLiveChanges(this IServiceCollection services) =>
        services.AddSingleton<LiveChanges>().AddSingleton<Alerts.StaffAlerts>();

    /// <summary>
    /// The live consumer, kept off the shared endpoints; the alerts' consumer on them (durable, inboxed: an alert is
    /// raised once whichever gateway instance takes the event).
    /// </summary>
    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<LiveChangeConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<Alerts.StaffAlertConsumer>();
        bus.AddConsumer<Alerts.UnansweredAlertConsumer>();
        PersonalData.PersonalDataModule.AddConsumers(bus);
    }

    /// <summary>
    /// This instance's own queue: exclusive to its connection, auto-deleted, not durable, no inbox (nothing is stored from
    /// it). Exclusive as well: RabbitMQ 4.3 refuses a transient queue that is not (<c>transient_nonexcl_queues</c>).
    /// </summary>
    public static void AddEndpoint(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator rabbit) =>
        rabbit.ReceiveEndpoint($"{MessagingExtensions.EphemeralQueuePrefix}gateway-live-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.AutoDelete = true;
            endpoint.Durable = false;
            endpoint.Exclusive = true;
            endpoint.PrefetchCount = 64;
            endpoint.ConfigureConsumer<LiveChangeConsumer>(context);
        });
}
