using System.Reflection;
using MassTransit;
using MassTransit.Configuration;

namespace CommercialManagement.BuildingBlocks.Messaging;

/// <summary>
/// How soon MassTransit's receive endpoints try RabbitMQ again after losing it (ADR 0016). MassTransit 8.5 hard-codes an
/// exponential schedule that reaches one attempt every 30 s and never starts over, so after a minute-long outage a
/// consumer came back up to 30 s after the broker; and it gives up for good after 1,000 attempts. Its host configuration
/// offers no setter: the policy is replaced on the host configuration before the bus is built, keeping MassTransit's own
/// choice of which failures are retried. A MassTransit whose shape differs fails here at start, loudly, not silently slow.
/// </summary>
public static class BrokerReconnection
{
    /// <summary>The longest wait between two attempts: a consumer is back within it (and its jitter) of the broker's return.</summary>
    public static readonly TimeSpan LongestStep = TimeSpan.FromSeconds(5);

    private const string HostConfigurationField = "_hostConfiguration";
    private const string PolicyBackingField = $"<{nameof(IHostConfiguration.ReceiveTransportRetryPolicy)}>k__BackingField";

    /// <summary>Attempts every 2, 3, then <see cref="LongestStep"/> seconds (±25 %), for as long as the process lives.</summary>
    public static void ShortenSteps(IRabbitMqBusFactoryConfigurator rabbit)
    {
        var host = HostOf(rabbit);
        var masstransits = host.ReceiveTransportRetryPolicy;
        var ours = Retry.CreatePolicy(policy =>
        {
            policy.Handle<Exception>(masstransits.IsHandled);
            policy.Exponential(int.MaxValue, TimeSpan.FromSeconds(1), LongestStep, TimeSpan.FromSeconds(1));
        });
        FieldOf(host, PolicyBackingField).SetValue(host, ours);
    }

    /// <summary>The schedule the bus configured by <paramref name="rabbit"/> will reconnect its receive endpoints on.</summary>
    public static IRetryPolicy ReceivePolicyOf(IRabbitMqBusFactoryConfigurator rabbit) => HostOf(rabbit).ReceiveTransportRetryPolicy;

    private static IHostConfiguration HostOf(IRabbitMqBusFactoryConfigurator rabbit)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        return FieldOf(rabbit, HostConfigurationField).GetValue(rabbit) as IHostConfiguration
            ?? throw Unexpected($"{rabbit.GetType().Name}.{HostConfigurationField} is not a host configuration");
    }

    private static FieldInfo FieldOf(object instance, string name)
    {
        for (var type = instance.GetType(); type is not null; type = type.BaseType)
        {
            var field = type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            if (field is not null)
            {
                return field;
            }
        }

        throw Unexpected($"{instance.GetType().Name} has no field {name}");
    }

    private static InvalidOperationException Unexpected(string what) => new(
        $"MassTransit's RabbitMQ host is not shaped as BrokerReconnection expects ({what}); see ADR 0016 before upgrading MassTransit.");
}
