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

    /// <summary>The payment request it settles, when it was paid online against one. Optional: added with payment requests.</summary>
    public Guid? PaymentRequestId { get; init; }

    /// <summary>The day the money was received (Europe/Paris): a cheque typed in later keeps its own day. Optional: added with receipts.</summary>
    public DateOnly? ReceivedOn { get; init; }
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

/// <summary>
/// Staff asked the customer to pay part of the accepted total (the deposit, the balance, or the whole): the Notification
/// worker emails the link to the customer space, where « Payer » opens the checkout; the request expires at <see cref="ExpiresAt"/>.
/// </summary>
public sealed record PaymentRequested : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>The payment request (several per case: one open per kind at a time).</summary>
    public required Guid PaymentRequestId { get; init; }

    public required Guid QuoteId { get; init; }

    public required string QuoteNumber { get; init; }

    /// <summary>"Deposit", "Balance" or "Full".</summary>
    public required string Kind { get; init; }

    public required long AmountCents { get; init; }

    /// <summary>The accepted total and what is paid so far, for the email's summary.</summary>
    public required long AcceptedTotalCents { get; init; }

    public required long PaidCents { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>
/// A payment request still open stopped being payable without a payment: staff withdrew it, or the Payment service did
/// (its quote replaced or voided, the stay changed, a payment left less to pay than it asks, the case cancelled). With
/// <see cref="PaymentReceived.PaymentRequestId"/>, what tells a copy of the requests that one is no longer open; a request
/// past its <see cref="PaymentRequested.ExpiresAt"/> stays open (staff may still withdraw it) and needs no event.
/// </summary>
public sealed record PaymentRequestWithdrawn : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid PaymentRequestId { get; init; }

    /// <summary>Why, in French, as the ledger shows it (« Annulée par Lucas Girard. », « Le séjour a changé. »).</summary>
    public required string Reason { get; init; }
}

/// <summary>A payment attempt for a request failed at the provider (a delayed method refused, for instance); the request stays open.</summary>
public sealed record PaymentFailed : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid PaymentRequestId { get; init; }

    /// <summary>What the provider said, in words staff can read.</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// The Payment service applied something that changes what may be asked of the customer without a payment (a quote
/// accepted or voided, the stay moved), committed: open dossier pages redraw their payments from it. No service
/// needs to keep anything from it.
/// </summary>
public sealed record PaymentAccountChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }
}
