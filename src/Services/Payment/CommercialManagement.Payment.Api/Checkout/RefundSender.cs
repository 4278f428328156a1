using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// Sends the refunds staff ordered (<see cref="RefundOrder"/>) to the provider that took the payment, never with a
/// transaction open (ADR 0012), as the <see cref="SessionCloser"/> closes sessions: a short transaction claims a few for a
/// lease, the provider is called outside any with the order's own idempotency key, a second short statement records the
/// answer. An order the provider could not be reached for is tried again, 30 s then longer (5 minutes at most), until it
/// answers; one refused for good is shown refused on the payment panel. The refund itself is recorded when the provider
/// reports it (<c>charge.refunded</c>). Woken by the endpoints that order, polling otherwise.
/// </summary>
internal sealed partial class RefundSender(IServiceScopeFactory scopes, TimeProvider time, ILogger<RefundSender> logger) : PollingWorker(PollInterval, Batch)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int Batch = 10;

    /// <summary>How long an order waits after its <paramref name="attempts"/>-th unanswered try: 30 s, doubling, 5 minutes at most.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 4)), 300));

    protected override Task<int> PassAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    protected override void PassFailed(Exception exception) => LogPassFailed(exception);

    /// <returns>How many orders were claimed.</returns>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
        var provider = scope.ServiceProvider.GetRequiredService<ICheckoutProvider>();
        var now = time.GetUtcNow();
        List<Guid> claimed;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            claimed = await db.Database.SqlQuery<Guid>($"""
                UPDATE refund_orders SET "SendAt" = {now + Lease}
                WHERE "Id" IN (
                    SELECT "Id" FROM refund_orders WHERE "SendAt" <= {now} AND "Status" = 'ToSend'
                    ORDER BY "SendAt" LIMIT {Batch} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var orders = await db.RefundOrders.IgnoreQueryFilters().AsNoTracking().Where(o => claimed.Contains(o.Id)).ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            var attempt = order.Provider == provider.Name
                ? await provider.RefundAsync(order, cancellationToken)
                : new RefundAttempt(RefundAttemptOutcome.Refused,
                    Failure: $"Le paiement a été pris par {order.Provider}, qui n'est plus configuré ici : remboursez-le hors ligne.");
            await RecordAsync(db, order, attempt, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>The answer, recorded without undoing what the provider's report may have recorded meanwhile (the order done).</summary>
    private async Task RecordAsync(PaymentDbContext db, RefundOrder order, RefundAttempt attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var orders = db.RefundOrders.IgnoreQueryFilters().Where(o => o.Id == order.Id);
        switch (attempt.Outcome)
        {
            case RefundAttemptOutcome.Taken:
                LogTaken(order.Id, attempt.ProviderRefundId);
                await orders.ExecuteUpdateAsync(o => o
                    .SetProperty(p => p.Status, p => p.Status == RefundOrderStatus.ToSend ? RefundOrderStatus.Sent : p.Status)
                    .SetProperty(p => p.ProviderRefundId, p => p.ProviderRefundId ?? attempt.ProviderRefundId)
                    .SetProperty(p => p.SentAt, p => p.SentAt ?? now)
                    .SetProperty(p => p.Attempts, p => p.Attempts + 1)
                    .SetProperty(p => p.Failure, (string?)null)
                    .SetProperty(p => p.SendAt, (DateTimeOffset?)null), CancellationToken.None);
                break;
            case RefundAttemptOutcome.Refused:
                LogRefused(order.Id, attempt.Failure);
                await orders.Where(o => o.Status == RefundOrderStatus.ToSend).ExecuteUpdateAsync(o => o
                    .SetProperty(p => p.Status, RefundOrderStatus.Refused)
                    .SetProperty(p => p.Failure, attempt.Failure)
                    .SetProperty(p => p.SentAt, now)
                    .SetProperty(p => p.Attempts, p => p.Attempts + 1)
                    .SetProperty(p => p.SendAt, (DateTimeOffset?)null), CancellationToken.None);
                break;
            default:
                await orders.Where(o => o.Status == RefundOrderStatus.ToSend).ExecuteUpdateAsync(o => o
                    .SetProperty(p => p.Failure, attempt.Failure)
                    .SetProperty(p => p.Attempts, p => p.Attempts + 1)
                    .SetProperty(p => p.SendAt, now + RetryDelay(order.Attempts + 1)), CancellationToken.None);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund order {OrderId} taken by the provider as {ProviderRefundId}")]
    private partial void LogTaken(Guid orderId, string? providerRefundId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund order {OrderId} refused by the provider: {Failure}")]
    private partial void LogRefused(Guid orderId, string? failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the ordered refunds failed; they stay to send and are tried at the next poll")]
    private partial void LogPassFailed(Exception exception);
}
