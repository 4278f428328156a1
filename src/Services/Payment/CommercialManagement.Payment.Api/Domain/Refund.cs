using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>
/// Money given back to the customer on a payment: as the provider reported it (counted once by the provider's refund id), or
/// offline as staff recorded it (its means and reference).
/// </summary>
internal sealed class Refund : ITenantOwned
{
    private Refund()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The case.</summary>
    public Guid RequestId { get; private set; }

    public Guid PaymentId { get; private set; }

    /// <summary>
    /// The provider's refund id (<c>re_…</c>), or the charge and its refunded total when the provider listed no refund; none
    /// for money given back offline.
    /// </summary>
    public string? ProviderRefundId { get; private set; }

    /// <summary>How money was given back offline (a transfer, a cheque…); none for the provider's refunds.</summary>
    public PaymentMethod? Method { get; private set; }

    /// <summary>The transfer's or the cheque's reference, for an offline refund.</summary>
    public string? Reference { get; private set; }

    /// <summary>Who recorded an offline refund.</summary>
    public string? RecordedBy { get; private set; }

    public long AmountCents { get; private set; }

    public DateTimeOffset RefundedAt { get; private set; }

    /// <summary>Why staff gave it back outside a cancellation or with it; none for a refund made in the provider's dashboard.</summary>
    public RefundPurpose? Purpose { get; private set; }

    /// <summary>The reason staff gave (the credit note repeats it); none for a refund made in the provider's dashboard.</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Money given back offline on <paramref name="payment"/> (« Rembourser » by transfer, cheque…), recorded by staff.</summary>
    public static Refund Offline(
        Payment payment, long amountCents, PaymentMethod method, string reference, DateTimeOffset refundedAt, string recordedBy, DateTimeOffset now,
        RefundPurpose purpose = RefundPurpose.Cancellation, string? reason = null)
    {
        var refund = Of(payment, null, amountCents, refundedAt, now);
        refund.Method = method;
        refund.Reference = reference;
        refund.RecordedBy = recordedBy;
        refund.Purpose = purpose;
        refund.Reason = reason;
        return refund;
    }

    /// <summary>The provider's report of a refund we ordered: it carries the order's purpose and reason.</summary>
    public void Fulfils(RefundOrder order)
    {
        Purpose = order.Purpose;
        Reason = order.Reason;
        RecordedBy = order.OrderedBy;
    }

    public static Refund Of(Payment payment, string? providerRefundId, long amountCents, DateTimeOffset refundedAt, DateTimeOffset now)
    {
        if (amountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountCents), "A refund gives back a positive amount.");
        }

        return new()
        {
            Id = Guid.CreateVersion7(now), OrganisationId = payment.OrganisationId, RequestId = payment.RequestId, PaymentId = payment.Id,
            ProviderRefundId = providerRefundId, AmountCents = amountCents, RefundedAt = refundedAt, RecordedAt = now,
        };
    }
}
