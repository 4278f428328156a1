using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>Money given back to the customer on a payment, as the provider reported it; counted once by the provider's refund id.</summary>
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

    /// <summary>The provider's refund id (<c>re_…</c>), or the charge and its refunded total when the provider listed no refund.</summary>
    public string ProviderRefundId { get; private set; } = "";

    public long AmountCents { get; private set; }

    public DateTimeOffset RefundedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Refund Of(Payment payment, string providerRefundId, long amountCents, DateTimeOffset refundedAt, DateTimeOffset now)
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
