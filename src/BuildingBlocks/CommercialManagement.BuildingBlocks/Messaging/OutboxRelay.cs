using System.Collections.Concurrent;
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
/// Whatever a crash or a broker outage left pending is published on the next pass. Rows are claimed for a lease in a short
/// transaction, published outside any transaction, then marked (docs/adr/0012); several instances of a service relay side
/// by side, and a case's rows go out in commit order across passes and instances (docs/architecture.md, « Ordering »).
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
    /// One pass, in three steps, and no transaction open while the broker is waited for (docs/adr/0012):
    /// <list type="number">
    /// <item>a short transaction claims a batch of due rows (<see cref="ClaimAsync"/>) and commits;</item>
    /// <item>the batch is published, outside any transaction: the rows of one case (<see cref="OutboxChains"/>) one after the
    /// other in commit order, the cases concurrently; a failed row holds back the case's later rows of the batch;</item>
    /// <item>a second short transaction marks the confirmed rows sent, the failed ones with their back-off, and gives back
    /// what was not tried.</item>
    /// </list>
    /// A relay that dies between the steps leaves its rows claimed until the claim lapses; another pass (or instance) then
    /// publishes them again: at least once, as always, and the consumers' inbox skips what they already had.
    /// </summary>
    /// <returns>How many rows were claimed.</returns>
    internal async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var claimedAt = timeProvider.GetUtcNow();
        var leaseEnd = claimedAt + settings.ClaimLease;
        var due = await ClaimAsync(db, claimedAt, leaseEnd, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var sent = new ConcurrentBag<Guid>();
        var settled = new ConcurrentDictionary<Guid, bool>();
        var pass = new Pass(sent, settled, leaseEnd - settings.PublishTimeout);
        try
        {
            // The oldest row goes first, alone: with the broker down, one row fails and waits (as the old relay did) instead
            // of a whole batch of publishes each waiting for its timeout.
            var chains = OutboxChains.Of(due);
            await PublishChainAsync(chains[0], pass, cancellationToken, onlyFirst: true);
            if (sent.Contains(chains[0][0].Message.Id))
            {
                chains[0].RemoveAt(0);
                await Task.WhenAll(chains.Where(chain => chain.Count > 0).Select(chain => PublishChainAsync(chain, pass, cancellationToken)));
            }
        }
        finally
        {
            // Even when stopping: what the broker confirmed is marked sent, what was not tried is given back at once.
            await MarkAsync(db, due, sent, settled, CancellationToken.None);
        }

        Published.Add(sent.Count);
        return due.Count;
    }

    /// <summary>
    /// Claims up to a batch of due rows, oldest first, by pushing their next attempt to the end of the lease, in a short
    /// transaction. A case with a row not due (failing and waiting, or claimed by a pass in flight, here or in another
    /// instance) has none of its rows claimed: a later row never overtakes an earlier one of its case. Claims are taken one
    /// at a time per database (a transaction-scoped advisory lock, a few milliseconds), so that two instances never both see
    /// a case as free.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(TDbContext db, DateTimeOffset now, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('outbox_messages claim', 0))", cancellationToken);
        // The case key as OutboxChains reads it: the requestId, else the caseId, else the organisationId of the stored event.
        var claimed = await db.Set<OutboxMessage>()
            .FromSql($"""
                WITH held AS (
                    SELECT DISTINCT coalesce(payload->>'requestId', payload->>'caseId', payload->>'organisationId', '') AS chain
                    FROM outbox_messages
                    WHERE sent_at IS NULL AND next_attempt_at > {now}
                ), due AS (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NULL AND next_attempt_at <= {now}
                      AND coalesce(payload->>'requestId', payload->>'caseId', payload->>'organisationId', '') NOT IN (SELECT chain FROM held)
                    ORDER BY occurred_at, id
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE outbox_messages AS claimed SET next_attempt_at = {leaseEnd}
                FROM due WHERE claimed.id = due.id
                RETURNING claimed.*
                """)
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. claimed.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)];
    }

    /// <summary>The outcome of a pass, in a short transaction: sent, failed (and held behind), or given back due now.</summary>
    private async Task MarkAsync(
        TDbContext db, List<OutboxMessage> due, ConcurrentBag<Guid> sent, ConcurrentDictionary<Guid, bool> settled, CancellationToken cancellationToken)
    {
        var sentIds = sent.ToHashSet();
        var now = timeProvider.GetUtcNow();
        foreach (var message in due.Where(m => !sentIds.Contains(m.Id) && !settled.ContainsKey(m.Id)))
        {
            message.Release(now);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (sentIds.Count > 0)
        {
            var ids = sentIds.ToArray();
            await db.Set<OutboxMessage>()
                .Where(m => ids.Contains(m.Id) && m.SentAt == null)
                .ExecuteUpdateAsync(
                    row => row.SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null),
                    cancellationToken);
            foreach (var message in due.Where(m => sentIds.Contains(m.Id)))
            {
                db.Entry(message).State = EntityState.Unchanged;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Publishes a chain in order; stops at its first failure (holding the rest behind it) or when the lease runs short.</summary>
    private async Task PublishChainAsync(IReadOnlyList<DueRow> chain, Pass pass, CancellationToken cancellationToken, bool onlyFirst = false)
    {
        for (var i = 0; i < (onlyFirst ? 1 : chain.Count); i++)
        {
            // A publish started now could outlast the claim: the rest is given back, never published by two instances at once.
            if (timeProvider.GetUtcNow() >= pass.LastStart)
            {
                return;
            }

            var (message, payload, unreadable) = chain[i];
            try
            {
                await PublishAsync(message, payload ?? throw unreadable!, cancellationToken);
                pass.Sent.Add(message.Id);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                message.MarkFailed(timeProvider.GetUtcNow(), exception.Message);
                pass.Settled[message.Id] = true;
                LogPublishFailed(exception, message.Id, message.MessageType, message.Attempts, message.NextAttemptAt);
                foreach (var later in chain.Skip(i + 1))
                {
                    later.Message.HoldBehind(message);
                    pass.Settled[later.Message.Id] = true;
                }

                return;
            }
        }
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

    /// <summary>What the chains of one pass report: the confirmed ids, the rows failed or held back, the last moment a publish may start.</summary>
    private sealed record Pass(ConcurrentBag<Guid> Sent, ConcurrentDictionary<Guid, bool> Settled, DateTimeOffset LastStart);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({MessageType}) could not be published (attempt {Attempts}); next attempt at {NextAttemptAt}")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType, int attempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; pending rows stay pending")]
    private partial void LogPassFailed(Exception exception);
}
