namespace CommercialManagement.Contracts.Payment;

/// <summary>A payment of the case was received (recorded once per payment, from the provider's webhook).</summary>
public sealed record PaymentReceived : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>The payment; the dossier counts each one once, whatever the order events arrive in.</summary>
    public required Guid PaymentId { get; init; }

    public required Guid QuoteId { get; init; }

    public required long AmountCents { get; init; }

    /// <summary>"Deposit", "Balance" or "Full".</summary>
    public required string Kind { get; init; }
}

/// <summary>A received payment was refunded, in part or in full.</summary>
public sealed record PaymentRefunded : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid PaymentId { get; init; }

    /// <summary>The refund's own id at the provider, so that each refund counts once.</summary>
    public required Guid RefundId { get; init; }

    public required long AmountCents { get; init; }
}
