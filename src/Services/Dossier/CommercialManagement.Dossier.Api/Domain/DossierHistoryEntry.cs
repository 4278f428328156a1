using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>
/// One line of a case's history: a move between columns, or something that happened (who or what, when, from,
/// to, why). Written in the same transaction as the change it tells.
/// </summary>
internal sealed class DossierHistoryEntry : ITenantOwned
{
    private DossierHistoryEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid DossierId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Who or what: a staff member's name, « Client », « Paiement », « Système ».</summary>
    public string Actor { get; private set; } = "";

    public string What { get; private set; } = "";

    public DossierStatus? From { get; private set; }

    public DossierStatus? To { get; private set; }

    public static DossierHistoryEntry For(Dossier dossier, DateTimeOffset at, string actor, string what, DossierStatus? from = null, DossierStatus? to = null) => new()
    {
        Id = Guid.CreateVersion7(at),
        OrganisationId = dossier.OrganisationId,
        DossierId = dossier.Id,
        At = at,
        Actor = actor,
        What = what,
        From = from,
        To = to,
    };
}

/// <summary>A payment or a refund counted on the dossier, once each, by its id at the payment service.</summary>
internal sealed class DossierPayment : ITenantOwned
{
    private DossierPayment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>Positive for a payment, negative for a refund.</summary>
    public long AmountCents { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static DossierPayment Of(Dossier dossier, Guid id, long amountCents, DateTimeOffset at) => new()
    {
        Id = id,
        OrganisationId = dossier.OrganisationId,
        DossierId = dossier.Id,
        AmountCents = amountCents,
        At = at,
    };
}
