namespace CommercialManagement.Contracts.Dossier;

/// <summary>
/// A dossier changed in the Dossier service (its column, assignee, stay, payments or history), committed. Open pages
/// of the back office reload on it (the gateway's live changes). Inbox keeps two facts from it: a dossier « Archived » stops its
/// unanswered-request clock (issue 17), and a request that went past « Request » became a dossier, so the retention of
/// requests that never did spares it (issue 19).
/// </summary>
public sealed record DossierChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>The dossier's column after the change (DossierStatus: Request, New, InProgress, AwaitingPayment...).</summary>
    public required string Status { get; init; }
}
