using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Dossier.Api.Domain.Reporting;

/// <summary>
/// A payment request of the case, for « Pilotage »'s « Demandes de paiement en cours »: opened by <c>PaymentRequested</c>,
/// closed by <c>PaymentRequestWithdrawn</c> or by the <c>PaymentReceived</c> that paid it. Events come in any order and
/// may come twice: a request closed stays closed (its first closing time kept), and a closing seen before the request
/// itself leaves a closed row that the request fills in when it arrives. Past its <see cref="ExpiresAt"/> an open request
/// can no longer be paid: the report counts it apart. No personal data here (no name, no email).
/// </summary>
internal sealed class DossierPaymentRequest : ITenantOwned
{
    private DossierPaymentRequest()
    {
    }

    /// <summary>The payment request's id in the Payment service.</summary>
    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>"Deposit", "Balance" or "Full"; null while only its closing was seen.</summary>
    public string? Kind { get; private set; }

    public long AmountCents { get; private set; }

    /// <summary>When staff asked it; null while only its closing was seen.</summary>
    public DateTimeOffset? RequestedAt { get; private set; }

    /// <summary>When its link stops working; null while only its closing was seen.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When it was withdrawn or paid; null while it is open.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>A request seen asked first: open.</summary>
    public static DossierPaymentRequest Requested(Dossier dossier, Guid id, string kind, long amountCents, DateTimeOffset requestedAt, DateTimeOffset expiresAt) => new()
    {
        Id = id,
        OrganisationId = dossier.OrganisationId,
        DossierId = dossier.Id,
        Kind = kind,
        AmountCents = amountCents,
        RequestedAt = requestedAt,
        ExpiresAt = expiresAt,
    };

    /// <summary>A request seen closed before (or without) its asking: closed at once, never counted as open.</summary>
    public static DossierPaymentRequest ClosedFirst(Dossier dossier, Guid id, DateTimeOffset closedAt) => new()
    {
        Id = id,
        OrganisationId = dossier.OrganisationId,
        DossierId = dossier.Id,
        ClosedAt = closedAt,
    };

    /// <summary>Its asking arrived after its closing: the details are filled in, it stays closed.</summary>
    public void RequestedLate(string kind, long amountCents, DateTimeOffset requestedAt, DateTimeOffset expiresAt)
    {
        if (RequestedAt is not null)
        {
            return;
        }

        (Kind, AmountCents, RequestedAt, ExpiresAt) = (kind, amountCents, requestedAt, expiresAt);
    }

    /// <summary>Withdrawn or paid: closed for good; a second closing (a redelivery, or a payment after a withdrawal) keeps the first.</summary>
    public void Close(DateTimeOffset at) => ClosedAt ??= at;
}
