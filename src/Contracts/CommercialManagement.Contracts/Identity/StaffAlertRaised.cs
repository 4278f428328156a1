namespace CommercialManagement.Contracts.Identity;

/// <summary>
/// The gateway stored an alert for staff (a customer answered, accepted or paid online), committed: every gateway
/// instance tells its open pages, so the bell rings wherever the recipient is signed in.
/// </summary>
public sealed record StaffAlertRaised : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>Whom it is for; null: everyone of the organisation (the request is unassigned).</summary>
    public Guid? RecipientId { get; init; }

    /// <summary>CustomerReplied, QuoteAccepted or PaymentReceived; empty in an event written before it existed.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The alert as the bell shows it, in French (« Jeanne Martin a accepté le devis DEV-2026-0001 (1 250,00 €). »).</summary>
    public string Text { get; init; } = "";
}

/// <summary>
/// A staff member marked alerts read, committed: every gateway instance redraws its open bells (an unassigned request's
/// alert is read for the whole organisation once one of them read it).
/// </summary>
public sealed record StaffAlertsRead : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who read them.</summary>
    public required Guid StaffId { get; init; }
}
