using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Webhooks;

/// <summary>What processing an event did, and why (in French, for staff).</summary>
internal sealed record StripeEventResult(StripeEventOutcome Outcome, string Note, string? RefundDueReference = null)
{
    /// <summary>Money received that the case must not keep: flagged, with the provider's reference of the payment to give back.</summary>
    public static StripeEventResult ToRefund(string note, string providerReference) => new(StripeEventOutcome.Flagged, note, providerReference);

    public static StripeEventResult Applied(string note) => new(StripeEventOutcome.Applied, note);

    public static StripeEventResult Ignored(string note) => new(StripeEventOutcome.Ignored, note);

    public static StripeEventResult Duplicate(string note) => new(StripeEventOutcome.Duplicate, note);

    public static StripeEventResult Flagged(string note) => new(StripeEventOutcome.Flagged, note);
}

/// <summary>
/// Processes the stored events, oldest first, each in its own transaction with its row locked (<c>FOR UPDATE SKIP
/// LOCKED</c>: several instances never take the same one); woken by the webhook, polling as a fallback. The outcome is
/// recorded on the row with what it changed; a failure leaves it pending and retried later, never dropped, and so does an
/// event that came too early (<see cref="StripeEventNotYetException"/>).
/// </summary>
internal sealed class StripeEventProcessor(IServiceScopeFactory scopes, StripeEventSignal signal, TimeProvider time, ILogger<StripeEventProcessor> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Stripe events could not be read; trying again at the next poll");
            }

            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Processes one pending event; false when none is due.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var pending = await db.StripeEvents.FromSql(
                $"""
                 SELECT * FROM stripe_events WHERE processed_at IS NULL AND next_attempt_at <= {now}
                 ORDER BY received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
                 """)
            .ToListAsync(cancellationToken);
        if (pending is not [var stored])
        {
            return false;
        }

        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<StripeEventHandlers>().HandleAsync(stored, cancellationToken);
            stored.Processed(result.Outcome, result.Note, time.GetUtcNow(), result.RefundDueReference);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Stripe event {EventId} ({Type}): {Outcome} — {Note}", stored.Id, stored.Type, result.Outcome, result.Note);
        }
        catch (StripeEventNotYetException exception)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogInformation("Stripe event {EventId} ({Type}) waits: {Reason}", stored.Id, stored.Type, exception.Message);
            await RecordFailureAsync(stored.Id, exception, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogError(exception, "Stripe event {EventId} ({Type}) failed; it stays pending", stored.Id, stored.Type);
            await RecordFailureAsync(stored.Id, exception, cancellationToken);
        }

        return true;
    }

    private async Task RecordFailureAsync(string eventId, Exception exception, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
        var stored = await db.StripeEvents.SingleAsync(e => e.Id == eventId, cancellationToken);
        if (exception is StripeEventNotYetException)
        {
            stored.Waiting(exception.Message, time.GetUtcNow());
        }
        else
        {
            stored.Failed(exception.GetBaseException().Message, time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The event cannot be processed yet (what it refers to is not recorded yet): it stays pending, retried with the back-off.</summary>
internal sealed class StripeEventNotYetException(string reason) : Exception(reason);
