using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Sandbox;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// The local stand-in for Stripe Checkout: a session row and the address of its page on the same origin as the customer space
/// (the gateway routes <c>/sandbox/**</c> here). The row is saved with the request's change, in the caller's transaction;
/// asked again with the same idempotency key, it answers the same session. A refund is taken at once and reported as Stripe
/// would, by a signed <c>charge.refunded</c> listing every refund on the payment, delivered to our own webhook.
/// </summary>
internal sealed class SandboxCheckout(PaymentDbContext db, SandboxWebhookClient webhook, IOptions<StripeOptions> stripe, TimeProvider time) : ICheckoutProvider
{
    public const string ProviderName = "Sandbox";

    public string Name => ProviderName;

    public async Task<CheckoutSession> CreateAsync(CheckoutOrder order, CancellationToken cancellationToken)
    {
        var key = order.Request.CheckoutIdempotencyKey;
        var session = await db.SandboxSessions.SingleOrDefaultAsync(s => s.IdempotencyKey == key, cancellationToken);
        if (session is null)
        {
            session = SandboxSession.Open(order);
            db.SandboxSessions.Add(session);
        }

        return new CheckoutSession(session.Id, PageUrl(order.SuccessUrl, session.Id), session.ExpiresAt);
    }

    /// <summary>Nothing to do: the sandbox's page checks that its request is still payable.</summary>
    public Task<bool> ExpireAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult(true);

    public static string PageUrl(Uri successUrl, string sessionId) =>
        $"{successUrl.GetLeftPart(UriPartial.Authority)}/sandbox/checkout/{Uri.EscapeDataString(sessionId)}";

    public async Task<RefundAttempt> RefundAsync(RefundOrder order, CancellationToken cancellationToken)
    {
        var id = order.ProviderRefundId ?? $"re_sandbox_{order.Id:N}";
        // The charge's amount: the ledger's payment, or for one it never counted, the sandbox session that took it.
        var charged = await db.Payments.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.OrganisationId == order.OrganisationId && p.ProviderReference == order.PaymentIntent).Select(p => (long?)p.AmountCents)
            .SingleOrDefaultAsync(cancellationToken)
            ?? await db.SandboxSessions.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.OrganisationId == order.OrganisationId && s.PaymentIntentId == order.PaymentIntent).Select(s => (long?)s.AmountCents)
                .FirstOrDefaultAsync(cancellationToken);
        if (charged is not { } amount)
        {
            return new RefundAttempt(RefundAttemptOutcome.Refused, Failure: $"Le paiement {order.PaymentIntent} est inconnu du bac à sable.");
        }

        var made = await db.RefundOrders.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.OrganisationId == order.OrganisationId && o.PaymentIntent == order.PaymentIntent && o.Id != order.Id
                && o.ProviderRefundId != null && o.Status != RefundOrderStatus.Refused)
            .Select(o => new { Id = o.ProviderRefundId!, o.AmountCents, Created = o.SentAt ?? o.OrderedAt }).ToListAsync(cancellationToken);
        var refunds = made.Select(r => (r.Id, r.AmountCents, r.Created)).Append((id, order.AmountCents, time.GetUtcNow())).ToList();
        if (refunds.Sum(r => r.AmountCents) > amount)
        {
            return new RefundAttempt(RefundAttemptOutcome.Refused, Failure: "Le bac à sable refuse : le paiement serait remboursé au-delà de son montant.");
        }

        var now = time.GetUtcNow();
        var payload = SandboxEvent.Refunded($"evt_sandbox_{order.Id:N}", order.OrganisationId, order.RequestId, order.PaymentIntent, amount, refunds, now);
        return await webhook.DeliverAsync(payload, SandboxEvent.Sign(payload, stripe.Value.WebhookSecret, now), cancellationToken)
            ? new RefundAttempt(RefundAttemptOutcome.Taken, id)
            : new RefundAttempt(RefundAttemptOutcome.Unreachable, Failure: "Le bac à sable n'a pas pu signaler le remboursement : nouvel essai bientôt.");
    }
}
