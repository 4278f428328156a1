using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Payment.Api.Domain;

internal enum RefundOrderStatus
{
    /// <summary>Decided, committed, not yet acknowledged by the provider (sent after the commit, tried again until it answers).</summary>
    ToSend,

    /// <summary>The provider took it (its refund id is known); the provider's <c>charge.refunded</c> records the refund.</summary>
    Sent,

    /// <summary>The provider reported the refund: it is in the ledger (<see cref="RefundOrder.RefundId"/>).</summary>
    Done,

    /// <summary>The provider refused it for good (<see cref="RefundOrder.Failure"/>): nothing was given back; staff refund another way.</summary>
    Refused,
}

internal static class RefundOrderStatuses
{
    /// <summary>As staff read it on the payment panel.</summary>
    public static string Label(this RefundOrderStatus status) => status switch
    {
        RefundOrderStatus.ToSend => "En cours d'envoi",
        RefundOrderStatus.Sent => "Envoyé, en attente de confirmation",
        RefundOrderStatus.Done => "Remboursé",
        RefundOrderStatus.Refused => "Refusé par le prestataire",
        _ => status.ToString(),
    };

    /// <summary>« Geste commercial », « Trop-perçu », « Annulation ».</summary>
    public static string Label(this RefundPurpose purpose) => purpose switch
    {
        RefundPurpose.Goodwill => "Geste commercial",
        RefundPurpose.Overpayment => "Trop-perçu",
        RefundPurpose.Cancellation => "Annulation",
        _ => purpose.ToString(),
    };
}

/// <summary>Why money is given back outside a cancellation.</summary>
internal enum RefundPurpose
{
    /// <summary>A commercial gesture: what the customer owes drops by as much (« Geste commercial »).</summary>
    Goodwill,

    /// <summary>Money held beyond the accepted total (« Trop-perçu »): what the customer owes does not change.</summary>
    Overpayment,

    /// <summary>Part of « Annuler le dossier »: the case's invoices were credited when it was cancelled.</summary>
    Cancellation,
}

/// <summary>
/// A refund decided by staff, to be made through the payment provider (Stripe's Refunds API, or the sandbox): saved with the
/// decision, sent after the commit by the <c>RefundSender</c> with its own idempotency key (never with a transaction open,
/// ADR 0012, as the checkout sessions are closed), and recorded in the ledger only when the provider reports it
/// (<c>charge.refunded</c>), as any refund made in Stripe's dashboard. Until then the money it gives back may not be given
/// back twice.
/// </summary>
internal sealed class RefundOrder : ITenantOwned
{
    private RefundOrder()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The case.</summary>
    public Guid RequestId { get; private set; }

    /// <summary>The payment given back on; none for a payment the ledger never counted (flagged « À rembourser »).</summary>
    public Guid? PaymentId { get; private set; }

    /// <summary>The provider's payment (<c>pi_…</c>) the refund is made on.</summary>
    public string PaymentIntent { get; private set; } = "";

    /// <summary>"Stripe" or "Sandbox": the provider that took the payment.</summary>
    public string Provider { get; private set; } = "";

    public long AmountCents { get; private set; }

    public RefundPurpose Purpose { get; private set; }

    /// <summary>Why, as staff wrote it: the credit note and the customer's email repeat it.</summary>
    public string Reason { get; private set; } = "";

    public string OrderedBy { get; private set; } = "";

    public DateTimeOffset OrderedAt { get; private set; }

    public RefundOrderStatus Status { get; private set; }

    /// <summary>When the sender is to (try to) send it; a claim pushes it by a lease; none once the provider answered.</summary>
    public DateTimeOffset? SendAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The provider's refund id (<c>re_…</c>), once it took the order.</summary>
    public string? ProviderRefundId { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The ledger's refund that the provider's report recorded.</summary>
    public Guid? RefundId { get; private set; }

    /// <summary>Why the provider refused it, or why it could not be sent for a day (in the provider's words).</summary>
    public string? Failure { get; private set; }

    /// <summary>Our key for the provider: a retry after a lost answer is the same refund, never a second one.</summary>
    public string IdempotencyKey => $"refund-{Id:N}";

    public bool IsOutstanding => Status is RefundOrderStatus.ToSend or RefundOrderStatus.Sent;

    public static RefundOrder Create(Payment payment, string provider, long amountCents, RefundPurpose purpose, string reason, string orderedBy, DateTimeOffset now)
    {
        if (payment.ProviderReference is null)
        {
            throw new ArgumentException("Only a payment made online is refunded through its provider.", nameof(payment));
        }

        if (amountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountCents), "A refund gives back a positive amount.");
        }

        return new()
        {
            Id = Guid.CreateVersion7(now), OrganisationId = payment.OrganisationId, RequestId = payment.RequestId, PaymentId = payment.Id,
            PaymentIntent = payment.ProviderReference, Provider = provider, AmountCents = amountCents, Purpose = purpose, Reason = reason,
            OrderedBy = orderedBy, OrderedAt = now, Status = RefundOrderStatus.ToSend, SendAt = now,
        };
    }

    /// <summary>
    /// The whole of a payment the provider took but the ledger never counted (paid for a withdrawn request, twice, or above
    /// the total: its event flagged « À rembourser »): given back as it came, with no refund in the ledger and no credit note.
    /// </summary>
    public static RefundOrder Uncounted(
        Guid organisationId, Guid caseId, string paymentIntent, string provider, long amountCents, string reason, string orderedBy, DateTimeOffset now) =>
        amountCents <= 0
            ? throw new ArgumentOutOfRangeException(nameof(amountCents), "A refund gives back a positive amount.")
            : new()
            {
                Id = Guid.CreateVersion7(now), OrganisationId = organisationId, RequestId = caseId, PaymentId = null, PaymentIntent = paymentIntent,
                Provider = provider, AmountCents = amountCents, Purpose = RefundPurpose.Overpayment, Reason = reason, OrderedBy = orderedBy, OrderedAt = now,
                Status = RefundOrderStatus.ToSend, SendAt = now,
            };

    /// <summary>The provider reported the refund of an uncounted payment: nothing to record in the ledger, the order is done.</summary>
    public void Confirmed()
    {
        Status = RefundOrderStatus.Done;
        SendAt = null;
    }

    /// <summary>The provider took it: its refund id is kept, the refund itself is recorded when the provider reports it.</summary>
    public void Acknowledged(string providerRefundId, DateTimeOffset now)
    {
        if (Status == RefundOrderStatus.ToSend)
        {
            Status = RefundOrderStatus.Sent;
        }

        ProviderRefundId ??= providerRefundId;
        SentAt ??= now;
        SendAt = null;
        Failure = null;
    }

    /// <summary>The provider refused it for good: nothing was given back.</summary>
    public void Refuse(string failure, DateTimeOffset now)
    {
        if (Status is RefundOrderStatus.Done)
        {
            return;
        }

        Status = RefundOrderStatus.Refused;
        Failure = failure.Length > 500 ? failure[..500] : failure;
        SentAt ??= now;
        SendAt = null;
    }

    /// <summary>The provider's report was recorded as <paramref name="refund"/>.</summary>
    public void Recorded(Refund refund)
    {
        Status = RefundOrderStatus.Done;
        RefundId = refund.Id;
        ProviderRefundId ??= refund.ProviderRefundId;
        SendAt = null;
    }
}
