using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// What a checkout session is opened for: the request, the words the customer reads, where the browser goes back, and
/// <see cref="Now"/>, the moment kept on the request (<see cref="PaymentRequest.SessionOpeningAt"/>) the session's expiry derives from.
/// </summary>
internal sealed record CheckoutOrder(PaymentRequest Request, string QuoteNumber, string MerchantName, Uri SuccessUrl, Uri CancelUrl, DateTimeOffset Now)
{
    /// <summary>« Acompte — devis DEV-2026-00042 »: the line the customer pays.</summary>
    public string Description => $"{Request.Kind.Label()} — devis {QuoteNumber}";

    /// <summary>
    /// The request's expiry, within what Stripe accepts for a session (between 30 minutes and 24 hours after its creation,
    /// a minute's margin each side for the clocks): an expired session leaves the request open for another one.
    /// </summary>
    public DateTimeOffset SessionExpiresAt => ExpiresFrom(Request, Now);

    /// <summary>A session opened from <paramref name="openingAt"/> can still be created at <paramref name="now"/> (Stripe wants 30 minutes left).</summary>
    public static bool StillOpens(PaymentRequest request, DateTimeOffset openingAt, DateTimeOffset now) =>
        openingAt <= now && ExpiresFrom(request, openingAt) >= now.AddMinutes(30);

    private static DateTimeOffset ExpiresFrom(PaymentRequest request, DateTimeOffset openingAt)
    {
        var latest = openingAt.AddHours(24).AddMinutes(-1);
        var earliest = openingAt.AddMinutes(31);
        var wanted = request.ExpiresAt < latest ? request.ExpiresAt : latest;
        return wanted > earliest ? wanted : earliest;
    }

    public Dictionary<string, string> Metadata => new()
    {
        [CheckoutMetadata.OrganisationId] = Request.OrganisationId.ToString(),
        [CheckoutMetadata.RequestId] = Request.RequestId.ToString(),
        [CheckoutMetadata.PaymentRequestId] = Request.Id.ToString(),
    };
}

/// <summary>A checkout session opened at the provider: its id, the page to send the browser to, when it expires.</summary>
internal sealed record CheckoutSession(string Id, string Url, DateTimeOffset ExpiresAt);

/// <summary>Where customers pay: Stripe Checkout with keys configured, else the local sandbox.</summary>
internal interface ICheckoutProvider
{
    /// <summary>"Stripe" or "Sandbox", kept on the request with its session.</summary>
    string Name { get; }

    /// <summary>Opens a session with the request's <see cref="PaymentRequest.CheckoutIdempotencyKey"/>: a retry never opens a second one.</summary>
    Task<CheckoutSession> CreateAsync(CheckoutOrder order, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the live session of a request withdrawn or cancelled, so that its page takes no payment any more (a payment
    /// arriving anyway is for the webhook to flag). Never throws; never called with a transaction open (ADR 0012).
    /// </summary>
    /// <returns>True when it is settled (closed, or refused for good: already paid or expired); false to try again later (unreachable).</returns>
    Task<bool> ExpireAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives <see cref="RefundOrder.AmountCents"/> back on the order's payment, with its <see cref="RefundOrder.IdempotencyKey"/>:
    /// a retry after a lost answer is the same refund. The refund is recorded when the provider reports it (<c>charge.refunded</c>).
    /// Never throws; never called with a transaction open (ADR 0012).
    /// </summary>
    Task<RefundAttempt> RefundAsync(RefundOrder order, CancellationToken cancellationToken);
}

internal enum RefundAttemptOutcome
{
    /// <summary>The provider took it: <see cref="RefundAttempt.ProviderRefundId"/>.</summary>
    Taken,

    /// <summary>The provider refused it for good (the payment fully refunded already, disputed…): <see cref="RefundAttempt.Failure"/>.</summary>
    Refused,

    /// <summary>No answer (unreachable, 5xx, timeout): to try again with the same key.</summary>
    Unreachable,
}

/// <summary>What became of one attempt to give money back through the provider.</summary>
internal sealed record RefundAttempt(RefundAttemptOutcome Outcome, string? ProviderRefundId = null, string? Failure = null);

/// <summary>The provider could not open the session; the customer may try again.</summary>
internal class CheckoutUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The provider refused the idempotency key, used before with other parameters: a new key is needed.</summary>
internal sealed class CheckoutKeyConflictException(string message, Exception? inner = null) : CheckoutUnavailableException(message, inner);
