using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommercialManagement.BuildingBlocks.Messaging;

/// <summary>
/// Publishes the pending outbox rows of one service with broker confirms, in batches, and marks them sent.
/// Whatever a crash or a broker outage left pending is published on the next pass; rows are locked with
/// SKIP LOCKED so several instances of a service can relay side by side (each case's order then holds within
/// one instance's batch only: see docs/architecture.md, « Ordering »).
/// </summary>
internal sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    OutboxSignal signal,
    TimeProvider timeProvider,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly ActivitySource ActivitySource = new("CommercialManagement.Outbox");

    private static readonly Counter<long> Published = MessagingMetrics.Meter.CreateCounter<long>(
        MessagingMetrics.OutboxPublished, description: "Outbox rows published with the broker's confirm.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await PublishPendingAsync(stoppingToken) == settings.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
            }

            if (!full)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One pass: takes a batch of due rows, publishes the batch concurrently and awaits the confirms together, then marks
    /// what was confirmed sent in one statement. The rows of one case (<see cref="OutboxChains"/>) are published one after
    /// the other in commit order; a failed row holds back the case's later rows of the batch, with the same back-off.
    /// </summary>
    /// <returns>How many rows were looked at.</returns>
    internal async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = timeProvider.GetUtcNow();
        var due = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND next_attempt_at <= {now}
                ORDER BY occurred_at, id
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            // Nothing written: a read-only transaction, committed without signalling anyone.
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        // The oldest row goes first, alone: with the broker down, one row fails and waits (as the old relay did) instead of
        // a whole batch of publishes each waiting for its timeout.
        var chains = OutboxChains.Of(due);
        var probe = await PublishChainAsync(chains[0], cancellationToken, onlyFirst: true);
        if (probe.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        chains[0].RemoveAt(0);
        var rest = await Task.WhenAll(chains.Where(chain => chain.Count > 0).Select(chain => PublishChainAsync(chain, cancellationToken)));
        var sent = probe.Concat(rest.SelectMany(ids => ids)).ToArray();
        if (sent.Length > 0)
        {
            var sentAt = timeProvider.GetUtcNow();
            await db.Set<OutboxMessage>()
                .Where(m => sent.Contains(m.Id) && m.SentAt == null)
                .ExecuteUpdateAsync(
                    row => row.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null),
                    cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Published.Add(sent.Length);
        return due.Count;
    }

    /// <returns>The ids confirmed by the broker.</returns>
    private async Task<List<Guid>> PublishChainAsync(IReadOnlyList<DueRow> chain, CancellationToken cancellationToken, bool onlyFirst = false)
    {
        var sent = new List<Guid>(chain.Count);
        for (var i = 0; i < (onlyFirst ? 1 : chain.Count); i++)
        {
            var (message, payload, unreadable) = chain[i];
            try
            {
                await PublishAsync(message, payload ?? throw unreadable!, cancellationToken);
                sent.Add(message.Id);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                message.MarkFailed(timeProvider.GetUtcNow(), exception.Message);
                LogPublishFailed(exception, message.Id, message.MessageType, message.Attempts, message.NextAttemptAt);
                foreach (var later in chain.Skip(i + 1))
                {
                    later.Message.HoldBehind(message);
                }

                break;
            }
        }

        return sent;
    }

    private async Task PublishAsync(OutboxMessage message, object payload, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("messaging.message.type", message.MessageType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(payload, payload.GetType(), context => context.MessageId = message.Id, timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({MessageType}) could not be published (attempt {Attempts}); next attempt at {NextAttemptAt}")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType, int attempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; pending rows stay pending")]
    private partial void LogPassFailed(Exception exception);
}
