using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// The local stand-in for Stripe Checkout: a session row and the address of its page on the same origin as the customer space
/// (the gateway routes <c>/sandbox/**</c> here). The row is saved with the request's change, in the caller's transaction;
/// asked again with the same idempotency key, it answers the same session.
/// </summary>
internal sealed class SandboxCheckout(PaymentDbContext db) : ICheckoutProvider
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
}
