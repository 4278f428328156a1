using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommercialManagement.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection string name of the broker (Aspire's resource name).</summary>
    public const string BrokerConnectionName = "rabbitmq";

    /// <summary>Short in-memory retries: Debian's RabbitMQ has no delayed-message plugin.</summary>
    internal static readonly TimeSpan[] RetryIntervals =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)];

    /// <summary>
    /// The name that starts a queue of one process only, for what open pages show (the gateway's live changes): it goes
    /// with the process (auto-delete, not durable), nothing is stored from it, so it has no inbox and no retries; a message
    /// lost there costs a page one refresh, never data.
    /// </summary>
    public const string EphemeralQueuePrefix = "ephemeral-";

    /// <summary>How many times a failed message is retried before it goes to _error (its last attempt is this number).</summary>
    public static int RetryCount => RetryIntervals.Length;

    /// <summary>
    /// MassTransit on RabbitMQ with queues prefixed by the service, the outbox relay of
    /// <typeparamref name="TDbContext"/>, an inbox filter on every consumer, bounded retries, then _error.
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

                endpoint.UseMessageRetry(retry =>
                {
                    retry.Ignore<PermanentMessageFailureException>();
                    retry.Intervals(RetryIntervals);
                });
                endpoint.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(BrokerAddress(builder.Configuration));
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
