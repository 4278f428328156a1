namespace CommercialManagement.Contracts.Dossier;

/// <summary>
/// Staff archived a dossier (« Archiver », issue 17): the Quote service voids the case's quote still in progress (draft or
/// sent) and gives back the places it holds. An accepted order is left alone (cancelling it is « Annuler le dossier »).
/// </summary>
public sealed record DossierArchived : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>Who archived it.</summary>
    public required string StaffName { get; init; }
}
