using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// Closes at the provider the live checkout sessions of cancelled requests (<see cref="Domain.PaymentRequest.SessionToCloseAt"/>),
/// never with a transaction open (ADR 0012): a short transaction claims a few for a lease, the provider is called outside any,
/// a second short transaction records the outcome. A session the provider could not be reached for is tried again every
/// 30 s until it would have expired by itself; a closer that dies leaves its claim to lapse and another pass takes it.
/// Woken by the endpoints that cancel, polling otherwise (the consumers' cancellations commit in the inbox's transaction).
/// </summary>
internal sealed partial class SessionCloser(IServiceScopeFactory scopes, TimeProvider time, ILogger<SessionCloser> logger) : PollingWorker(PollInterval, Batch)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);
    private const int Batch = 20;

    protected override Task<int> PassAsync(CancellationToken cancellationToken) => CloseDueAsync(cancellationToken);

    protected override void PassFailed(Exception exception) => LogPassFailed(exception);

    /// <returns>How many sessions were claimed.</returns>
    internal async Task<int> CloseDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
        var provider = scope.ServiceProvider.GetRequiredService<ICheckoutProvider>();
        var now = time.GetUtcNow();
        List<ToClose> claimed;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            claimed = await db.Database.SqlQuery<ToClose>($"""
                UPDATE payment_requests SET "SessionToCloseAt" = {now + Lease}
                WHERE "Id" IN (
                    SELECT "Id" FROM payment_requests WHERE "SessionToCloseAt" <= {now}
                    ORDER BY "SessionToCloseAt" LIMIT {Batch} FOR UPDATE SKIP LOCKED)
                RETURNING "Id", "Provider", "CheckoutSessionId", "CheckoutExpiresAt"
                """).ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var settled = new List<Guid>();
        var retry = new List<Guid>();
        foreach (var session in claimed)
        {
            // Another provider's session (the configuration changed) or one already dead: nothing to close here.
            var settles = session.Provider != provider.Name || session.CheckoutSessionId is null || session.CheckoutExpiresAt <= now
                || await provider.ExpireAsync(session.CheckoutSessionId, cancellationToken);
            (settles || session.CheckoutExpiresAt <= now + RetryDelay ? settled : retry).Add(session.Id);
        }

        if (settled.Count > 0)
        {
            await db.PaymentRequests.IgnoreQueryFilters().Where(r => settled.Contains(r.Id))
                .ExecuteUpdateAsync(r => r.SetProperty(p => p.SessionToCloseAt, (DateTimeOffset?)null), CancellationToken.None);
        }

        if (retry.Count > 0)
        {
            var next = time.GetUtcNow() + RetryDelay;
            await db.PaymentRequests.IgnoreQueryFilters().Where(r => retry.Contains(r.Id))
                .ExecuteUpdateAsync(r => r.SetProperty(p => p.SessionToCloseAt, next), CancellationToken.None);
        }

        return claimed.Count;
    }

    private sealed record ToClose(Guid Id, string? Provider, string? CheckoutSessionId, DateTimeOffset? CheckoutExpiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing cancelled checkout sessions failed; they stay to close and are tried at the next poll")]
    private partial void LogPassFailed(Exception exception);
}
