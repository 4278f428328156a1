using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.BuildingBlocks.Messaging.Redelivery;

/// <summary>
/// MassTransit's delayed redelivery (<c>UseDelayedRedelivery</c>) with the broker's wait queues as the delay: on a
/// RabbitMQ endpoint the message is forwarded through <see cref="WaitQueues"/>; on another transport (the in-memory test
/// harness) MassTransit's own delayed send is used. Outermost on each message type, it also reports what is parked.
/// </summary>
internal sealed class WaitQueueRedeliveryObserver(
    IConsumePipeConfigurator configurator,
    Action<IRedeliveryConfigurator> configure,
    WaitQueues queues,
    ILoggerFactory loggerFactory)
    : ScheduledRedeliveryConfigurationObserver(configurator, configure)
{
    protected override IRedeliveryPipeSpecification AddRedeliveryPipeSpecification<TMessage>(IConsumePipeConfigurator configurator)
    {
        var specification = new WaitQueueRedeliverySpecification<TMessage>(queues, loggerFactory.CreateLogger(ParkedMessages.LoggerCategory));
        configurator.AddPipeSpecification(specification);
        return specification;
    }
}

internal sealed class WaitQueueRedeliverySpecification<TMessage>(WaitQueues queues, ILogger logger)
    : IPipeSpecification<ConsumeContext<TMessage>>, IRedeliveryPipeSpecification
    where TMessage : class
{
    public RedeliveryOptions Options { get; set; }

    public void Apply(IPipeBuilder<ConsumeContext<TMessage>> builder) =>
        builder.AddFilter(new WaitQueueRedeliveryFilter<TMessage>(queues, Options, logger));

    public IEnumerable<ValidationResult> Validate() => [];
}

internal sealed class WaitQueueRedeliveryFilter<TMessage>(WaitQueues queues, RedeliveryOptions options, ILogger logger)
    : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    private static readonly Counter<long> Parked = MessagingMetrics.Meter.CreateCounter<long>(
        MessagingMetrics.MessagesParked,
        description: "Messages that failed every retry and redelivery, parked in their consumer's _error queue for a person.");

    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        context.GetOrAddPayload<MessageRedeliveryContext>(() => context.ReceiveContext.InputAddress.Scheme.StartsWith("rabbitmq", StringComparison.Ordinal)
            ? new WaitQueueRedeliveryContext<TMessage>(context, queues, options)
            : new DelayedMessageRedeliveryContext<TMessage>(context, options));
        try
        {
            await next.Send(context);
        }
        // A TransportException here means the redelivery could not be scheduled (the broker is down): the message is not
        // acknowledged and comes back from the broker, so it is not parked.
        catch (Exception exception) when (!context.CancellationToken.IsCancellationRequested && exception is not TransportException)
        {
            var queue = WaitQueueRedeliveryContext<TMessage>.QueueOf(context);
            Parked.Add(1, new KeyValuePair<string, object?>(MessagingMetrics.ConsumerTag, queue));
            ParkedMessages.LogParked(logger, context.MessageId, typeof(TMessage).Name, queue, context.GetRedeliveryCount(), exception);
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("waitQueueRedelivery");
}

internal sealed class WaitQueueRedeliveryContext<TMessage>(ConsumeContext<TMessage> context, WaitQueues queues, RedeliveryOptions options)
    : MessageRedeliveryContext
    where TMessage : class
{
    /// <summary>The headers RabbitMQ adds when it dead-letters a message: each wait would otherwise carry all the previous ones.</summary>
    private static readonly string[] DeathHeaders =
        ["x-death", "x-first-death-exchange", "x-first-death-queue", "x-first-death-reason", "x-last-death-exchange", "x-last-death-queue", "x-last-death-reason"];

    /// <summary>The consumer's queue, the last segment of its address (a virtual host comes before it).</summary>
    public static string QueueOf(ConsumeContext context) =>
        context.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";

    public async Task ScheduleRedelivery(TimeSpan delay, Action<ConsumeContext, SendContext>? callback)
    {
        var exchange = await queues.EnsureAsync(delay, context.CancellationToken);
        var queue = QueueOf(context);
        var pipe = Pipe.Execute<SendContext<TMessage>>(send =>
        {
            foreach (var header in DeathHeaders)
            {
                send.Headers.Set(header, null);
            }

            send.ApplyRedeliveryOptions(context, options);
            send.SetRoutingKey(queue);
            callback?.Invoke(context, send);
        });
        var endpoint = await context.GetSendEndpoint(new Uri($"exchange:{exchange}?type=fanout"));
        await endpoint.Send(context.Message, new ForwardMessagePipe<TMessage>(context, pipe), context.CancellationToken);
    }
}
