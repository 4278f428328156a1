using CommercialManagement.BuildingBlocks.Messaging.Redelivery;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommercialManagement.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection string name of the broker (Aspire's resource name).</summary>
    public const string BrokerConnectionName = "rabbitmq";


    /// <summary>
    /// The name that starts a queue of one process only, for what open pages show (the gateway's live changes): it goes
    /// with the process (auto-delete, not durable), nothing is stored from it, so it has no inbox and no retries; a message
    /// lost there costs a page one refresh, never data.
    /// </summary>
    public const string EphemeralQueuePrefix = "ephemeral-";

    /// <summary>
    /// How many times a failed delivery is retried in memory (its last attempt is this number) before it waits in the broker
    /// for a redelivery (<see cref="RetryOptions"/>); consumers waiting for an event that may overtake theirs go on then.
    /// </summary>
    public static int RetryCount => RetryOptions.Default.Immediate.Count;

    /// <summary>
    /// MassTransit on RabbitMQ with queues prefixed by the service, the outbox relay of
    /// <typeparamref name="TDbContext"/>, an inbox filter on every consumer, in-memory retries, then redeliveries through
    /// the broker's wait queues for about two hours, then _error (parked, logged at Error, counted).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string queuePrefix,
        Action<IBusRegistrationConfigurator>? configureConsumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBroker = null)
        where TDbContext : DbContext
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section);
        services.AddHostedService<OutboxRelay<TDbContext>>();
        services.AddScoped<DbContext>(provider => provider.GetRequiredService<TDbContext>());
        var retry = RetryOptions.From(builder.Configuration);
        // Aspire's RabbitMQ.Client integration: one connection of the process's own beside MassTransit's (for the wait queues'
        // declarations), a health check on it, its traces. The connection is opened when first asked for.
        _ = BrokerAddress(builder.Configuration); // our own message when ConnectionStrings__rabbitmq is missing, before Aspire's
        builder.AddRabbitMQClient(BrokerConnectionName, configureConnectionFactory: factory => factory.ClientProvidedName = $"{queuePrefix}-client");
        services.TryAddSingleton(provider => new WaitQueues(provider.GetRequiredService<RabbitMQ.Client.IConnection>));
        // Sent outbox rows are kept for diagnosis; processed message ids as long as a redelivery can come back.
        services.AddRetentionRule(provider => new RetentionRule(
            MessagingModel.OutboxTable, "sent_at", provider.GetRequiredService<IOptions<OutboxOptions>>().Value.Retention));
        services.AddRetentionRule(provider => new RetentionRule(
            MessagingModel.InboxTable, "processed_at", provider.GetRequiredService<IOptions<InboxOptions>>().Value.Retention));

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, false));
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                if (name.StartsWith(EphemeralQueuePrefix, StringComparison.Ordinal))
                {
                    return;
                }

                // Outermost: a delivery that failed its in-memory retries waits in the broker, then comes back (nothing is held
                // meanwhile, a PostgreSQL restart or a long lock outlasts nothing); only after the last wait is it parked.
                _ = new WaitQueueRedeliveryObserver(
                    endpoint,
                    redelivery =>
                    {
                        redelivery.Ignore<PermanentMessageFailureException>();
                        redelivery.Intervals([.. retry.Redelivery]);
                    },
                    context.GetRequiredService<WaitQueues>(),
                    context.GetRequiredService<ILoggerFactory>());
                endpoint.UseMessageRetry(immediate =>
                {
                    immediate.Ignore<PermanentMessageFailureException>();
                    immediate.Intervals([.. retry.Immediate]);
                });
                endpoint.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(BrokerAddress(builder.Configuration));
                BrokerReconnection.ShortenSteps(rabbit);
                configureBroker?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });

        return builder;
    }

    private static Uri BrokerAddress(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(BrokerConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings__{BrokerConnectionName} is not set: the service cannot reach RabbitMQ.");
        }

        return new Uri(connectionString);
    }
}
