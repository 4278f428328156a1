namespace CommercialManagement.Contracts;

/// <summary>
/// What every integration event carries besides its own facts: the organisation it happened in and when.
/// The message id is the envelope's (the outbox row id), so a redelivery keeps the same id.
/// </summary>
public interface IIntegrationEvent
{
    Guid OrganisationId { get; }

    DateTimeOffset OccurredAt { get; }
}
