namespace CommercialManagement.Contracts.Payment;

/// <summary>
/// The payment schedule reminded the customer of an open payment request (issue 17): before its due date (« J-3 »), after
/// it while unpaid (« J+1 », « J+7 »), or before its link expires. One event per request, step and due date (the Payment
/// service claims it once); the Notification worker emails it with the link, the Dossier writes it in the history.
/// </summary>
public sealed record PaymentReminderDue : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid PaymentRequestId { get; init; }

    public required string QuoteNumber { get; init; }

    /// <summary>"Deposit", "Balance" or "Full".</summary>
    public required string Kind { get; init; }

    /// <summary>"BeforeDue", "FirstOverdue", "SecondOverdue" or "LinkExpiry".</summary>
    public required string Step { get; init; }

    /// <summary>The step's distance to the due date as people write it: « J-3 », « J+1 », « J+7 » (to the link's expiry for LinkExpiry).</summary>
    public required string Label { get; init; }

    /// <summary>The day the amount is due (Europe/Paris), or the day the link expires for LinkExpiry.</summary>
    public required DateOnly DueOn { get; init; }

    public required long AmountCents { get; init; }

    public required long AcceptedTotalCents { get; init; }

    public required long PaidCents { get; init; }

    /// <summary>Until when the link works.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>The case's balance is past its due date and unpaid: the board marks the dossier « En retard ».</summary>
public sealed record PaymentOverdue : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>The day the balance was due (Europe/Paris).</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>What remains to pay.</summary>
    public required long RemainingCents { get; init; }
}

/// <summary>The case is no longer overdue (paid, cancelled, its stay moved): the board clears the mark.</summary>
public sealed record PaymentOverdueCleared : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }
}
