namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>
/// How a case ended, apart from its column: a cancelled dossier (« Annuler le dossier », issue 16) stays in « Archivé »
/// for good, with the outcome « Annulé », whatever arrives after.
/// </summary>
internal enum DossierOutcome
{
    None = 0,
    Cancelled = 1,
}
