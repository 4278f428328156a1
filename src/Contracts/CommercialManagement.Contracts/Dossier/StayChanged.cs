namespace CommercialManagement.Contracts.Dossier;

/// <summary>
/// Staff changed the stay (dates or party) of a case. When a quote was in progress it is lost: Quote voids it and
/// drafts a re-priced copy for the new stay.
/// </summary>
public sealed record StayChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public DateOnly? Arrival { get; init; }

    public DateOnly? Departure { get; init; }

    public required int Adults { get; init; }

    public required IReadOnlyList<int> ChildrenAges { get; init; }

    /// <summary>The quote in progress that this change makes lost, if any.</summary>
    public Guid? LostQuoteId { get; init; }

    public required Guid StaffId { get; init; }

    public required string StaffName { get; init; }
}
