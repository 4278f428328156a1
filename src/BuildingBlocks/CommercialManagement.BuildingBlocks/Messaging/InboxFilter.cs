using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.BuildingBlocks.Messaging;

/// <summary>
/// Makes every consumer idempotent: in one transaction, it acknowledges without effect a message this consumer already processed,
/// runs the consumer, and records the message id. A failure rolls everything back and lets retry (then the
/// _error queue) take it; a concurrent duplicate fails on the primary key and is skipped on retry.
/// </summary>
internal sealed partial class InboxFilter<TMessage>(DbContext db, TimeProvider timeProvider, ILogger<InboxFilter<TMessage>> logger)
    : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    private static readonly Counter<long> Duplicates = MessagingMetrics.Meter.CreateCounter<long>(
        MessagingMetrics.InboxDuplicates, description: "Redelivered messages a consumer had already processed, skipped.");

    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a message id cannot be deduplicated.");
        var consumer = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var seen = await db.Set<InboxMessage>()
            .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken);
        if (seen)
        {
            LogDuplicate(messageId, typeof(TMessage).Name, consumer);
            Duplicates.Add(1, new KeyValuePair<string, object?>(MessagingMetrics.ConsumerTag, consumer));
            // Consumed (its effect is already there) and so acknowledged: a message no consumer took would be moved to
            // the endpoint's *_skipped queue, which nobody reads and which only grows.
            await context.NotifyConsumed(context, TimeSpan.Zero, consumer);
            return;
        }

        await next.Send(context);

        db.Set<InboxMessage>().Add(new InboxMessage(messageId, consumer, timeProvider.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} ({MessageType}) already processed by {Consumer}: skipped")]
    private partial void LogDuplicate(Guid messageId, string messageType, string consumer);
}
