using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Payment.Api.Domain;

internal enum PaymentRequestStatus
{
    /// <summary>Waiting for the customer (until it expires).</summary>
    Open,

    /// <summary>Paid: the payment it produced is in the ledger.</summary>
    Paid,

    /// <summary>Withdrawn by staff, or dead because the stay or the accepted quote changed.</summary>
    Cancelled,
}

/// <summary>
/// Staff asked the customer to pay an amount of the accepted total (the deposit, the balance or the whole), valid until
/// <see cref="ExpiresAt"/>. The customer pays it through a checkout session at the provider (Stripe, or the local sandbox);
/// a session that expires or fails leaves the request open for another one (<see cref="SessionNumber"/> counts them, and
/// names the idempotency key of each). Paid once at most: the payment it produced is <see cref="PaymentId"/>.
/// </summary>
internal sealed class PaymentRequest : ITenantOwned
{
    private PaymentRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The case (the request's id, as everywhere).</summary>
    public Guid RequestId { get; private set; }

    public Guid QuoteId { get; private set; }

    public PaymentKind Kind { get; private set; }

    public long AmountCents { get; private set; }

    public PaymentRequestStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>"Stripe" or "Sandbox": who holds the current checkout session, if any.</summary>
    public string? Provider { get; private set; }

    /// <summary>The provider's id of the current checkout session (<c>cs_…</c>).</summary>
    public string? CheckoutSessionId { get; private set; }

    public string? CheckoutUrl { get; private set; }

    public DateTimeOffset? CheckoutExpiresAt { get; private set; }

    /// <summary>How many checkout sessions were opened for it: the next one's idempotency key is derived from it.</summary>
    public int SessionNumber { get; private set; }

    /// <summary>
    /// When the next session (the one of <see cref="CheckoutIdempotencyKey"/>) was first asked for, kept before the provider is
    /// called: its parameters (its expiry) derive from it, so every retry of the same key sends the same request.
    /// </summary>
    public DateTimeOffset? SessionOpeningAt { get; private set; }

    /// <summary>The last failure the provider reported, shown to staff and the customer.</summary>
    public string? LastFailure { get; private set; }

    public Guid? PaymentId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>
    /// The live session of a request cancelled is still to be closed at the provider, from this moment: the closer
    /// (<see cref="Checkout.SessionCloser"/>) does it outside any transaction, after the cancellation committed; null once done.
    /// </summary>
    public DateTimeOffset? SessionToCloseAt { get; private set; }

    public static PaymentRequest Create(PaymentCase account, PaymentKind kind, long amountCents, string createdBy, DateTimeOffset now, TimeSpan validity) => new()
    {
        Id = Guid.CreateVersion7(now), OrganisationId = account.OrganisationId, RequestId = account.Id, QuoteId = account.AcceptedQuoteId!.Value,
        Kind = kind, AmountCents = amountCents, Status = PaymentRequestStatus.Open, CreatedAt = now, CreatedBy = createdBy, ExpiresAt = now + validity,
    };

    /// <summary>Open and not expired: the customer may still pay it.</summary>
    public bool IsPayableAt(DateTimeOffset now) => Status == PaymentRequestStatus.Open && now < ExpiresAt;

    public bool IsExpiredAt(DateTimeOffset now) => Status == PaymentRequestStatus.Open && now >= ExpiresAt;

    /// <summary>The idempotency key of the next (or current) checkout session: a retry of the same creation never makes a second one.</summary>
    public string CheckoutIdempotencyKey => $"payment-request-{Id:N}-session-{SessionNumber + 1}";

    /// <summary>A session the customer can still use, or null when a new one must be opened.</summary>
    public bool HasLiveSessionAt(DateTimeOffset now) => CheckoutSessionId is not null && CheckoutExpiresAt is { } until && now < until;

    /// <summary>
    /// Keeps the moment the next session is opened from, unless one is kept that <paramref name="stillOpens"/> (its session can
    /// still be created now); a kept moment that no longer fits spends its key: the next number, a new moment.
    /// </summary>
    public void PrepareSession(DateTimeOffset now, Func<DateTimeOffset, bool> stillOpens)
    {
        if (SessionOpeningAt is { } kept && stillOpens(kept))
        {
            return;
        }

        if (SessionOpeningAt is not null)
        {
            SessionNumber++;
        }

        SessionOpeningAt = now;
    }

    /// <summary>The provider refused the key (used before with other parameters): the next number, from <paramref name="now"/>.</summary>
    public void RenewSessionKey(DateTimeOffset now)
    {
        SessionNumber++;
        SessionOpeningAt = now;
    }

    public void AttachSession(string provider, string sessionId, string url, DateTimeOffset expiresAt)
    {
        SessionOpeningAt = null;
        Provider = provider;
        CheckoutSessionId = sessionId;
        CheckoutUrl = url;
        CheckoutExpiresAt = expiresAt;
        SessionNumber++;
    }

    /// <summary>The provider closed the session unpaid (expired or failed): the request stays open for a new one.</summary>
    public void SessionEnded(string sessionId, string? failure)
    {
        if (Status != PaymentRequestStatus.Open || CheckoutSessionId != sessionId)
        {
            throw new LedgerRuleException($"La session {sessionId} n'est pas celle, en cours, de cette demande : elle ne peut pas y être close.");
        }

        CheckoutSessionId = null;
        CheckoutUrl = null;
        CheckoutExpiresAt = null;
        if (failure is not null)
        {
            LastFailure = failure;
        }
    }

    /// <summary>Paid once: by the payment recorded for it (<see cref="CaseLedger.PayOnline"/>).</summary>
    public void MarkPaid(Guid paymentId, DateTimeOffset now)
    {
        if (Status != PaymentRequestStatus.Open)
        {
            throw new LedgerRuleException(Status == PaymentRequestStatus.Paid ? "Cette demande est déjà payée." : "Cette demande est annulée : elle ne peut pas être payée.");
        }

        Status = PaymentRequestStatus.Paid;
        PaymentId = paymentId;
        ClosedAt = now;
        LastFailure = null;
    }

    /// <summary>Withdrawn while open (<see cref="CaseLedger.Withdraw"/>, <see cref="CaseLedger.WithdrawOpen"/>): its link dies.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (Status != PaymentRequestStatus.Open)
        {
            throw new LedgerRuleException(Status == PaymentRequestStatus.Paid
                ? "Cette demande est déjà payée : elle ne peut plus être annulée."
                : "Cette demande est déjà annulée.");
        }

        Status = PaymentRequestStatus.Cancelled;
        CancelReason = reason;
        ClosedAt = now;
        if (CheckoutSessionId is not null && CheckoutExpiresAt > now)
        {
            SessionToCloseAt = now;
        }
    }
}
