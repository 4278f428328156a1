namespace CommercialManagement.Contracts.Quote;

/// <summary>
/// A catalogue product was created, changed or retired (its whole current state: the latest <see cref="OccurredAt"/>
/// wins). Quote also announces every product when it starts, so a new consumer learns the catalogue. « Pilotage » keeps
/// it to measure the occupancy of accommodation against its units per night (issue 19).
/// </summary>
public sealed record CatalogueProductChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    /// <summary>When the product last changed (not when it was announced): a repeated announcement changes nothing.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid ProductId { get; init; }

    public required string Name { get; init; }

    /// <summary>Accommodation, SkiLesson, LiftPass, Rental or Activity.</summary>
    public required string Type { get; init; }

    /// <summary>Units per night (accommodation), places per session or date; null for unlimited types.</summary>
    public int? Capacity { get; init; }

    public required bool Retired { get; init; }
}
