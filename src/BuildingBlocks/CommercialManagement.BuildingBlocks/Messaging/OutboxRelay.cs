using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommercialManagement.BuildingBlocks.Messaging;

/// <summary>
/// Publishes the pending outbox rows of one service with broker confirms, oldest first, and marks them sent.
/// Whatever a crash or a broker outage left pending is published on the next pass; rows are locked with
/// SKIP LOCKED so several instances of a service can relay side by side.
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

    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await PublishPendingAsync(stoppingToken) == settings.BatchSize;
                await CleanUpIfDueAsync(stoppingToken);
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

    /// <summary>One pass: publishes what is due, stops at the first failure to keep the order.</summary>
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

        foreach (var message in due)
        {
            try
            {
                await PublishAsync(message, cancellationToken);
                message.MarkSent(timeProvider.GetUtcNow());
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                message.MarkFailed(timeProvider.GetUtcNow(), exception.Message);
                LogPublishFailed(exception, message.Id, message.MessageType, message.Attempts, message.NextAttemptAt);
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    internal async Task<int> CleanUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var threshold = timeProvider.GetUtcNow() - options.Value.Retention;
        return await db.Set<OutboxMessage>()
            .Where(m => m.SentAt != null && m.SentAt <= threshold)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("messaging.message.type", message.MessageType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var payload = message.Deserialize();
        await bus.Publish(payload, payload.GetType(), context => context.MessageId = message.Id, timeout.Token);
    }

    private async Task CleanUpIfDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now - _lastCleanup < options.Value.CleanupInterval)
        {
            return;
        }

        _lastCleanup = now;
        var deleted = await CleanUpAsync(cancellationToken);
        if (deleted > 0)
        {
            LogCleaned(deleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({MessageType}) could not be published (attempt {Attempts}); next attempt at {NextAttemptAt}")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType, int attempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; pending rows stay pending")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox cleaned {Count} sent rows")]
    private partial void LogCleaned(int count);
}
