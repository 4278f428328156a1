namespace CommercialManagement.Contracts.Payment;

/// <summary>A payment of the case was received (recorded once per payment: from the provider's webhook, or typed in by staff when received offline).</summary>
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

    /// <summary>What the case has paid so far, this payment included. Optional: added with the payment ledger.</summary>
    public long? PaidCents { get; init; }

    /// <summary>The accepted total the payments are measured against. Optional: added with the payment ledger.</summary>
    public long? AcceptedTotalCents { get; init; }

    /// <summary>"BankTransfer", "Cheque", "HolidayVouchers", "Card" or "Cash". Optional: added with the payment ledger.</summary>
    public string? Method { get; init; }
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
