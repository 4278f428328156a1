namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>Where a case stands: a request (not on the board yet), then the board's seven columns.</summary>
internal enum DossierStatus
{
    Request = 0,
    New = 1,
    InProgress = 2,
    AwaitingPayment = 3,
    DepositPaid = 4,
    PaidInFull = 5,
    Processed = 6,
    Archived = 7,
}
