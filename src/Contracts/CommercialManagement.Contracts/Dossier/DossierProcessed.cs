namespace CommercialManagement.Contracts.Dossier;

/// <summary>
/// Staff ticked « Saisie dans le logiciel (Traité) »: the order is processed. Payment issues the final invoice then when
/// the organisation's setting says so (issue 16). Ticked again after unticking, it is published again.
/// </summary>
public sealed record DossierProcessed : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }
}
