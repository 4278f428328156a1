using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Dossier.Api.Domain.Reporting;

/// <summary>
/// An invoice, deposit invoice or credit note of the case, from <c>InvoiceIssued</c> (once per invoice id): the invoiced
/// turnover (« CA facturé ») of « Pilotage ». A final invoice is worth the whole order and deducts the case's deposit
/// invoices (what their credit notes left of them), so the report counts a final for its amount less the deposits issued
/// before it; a credit note counts negatively.
/// </summary>
internal sealed class DossierInvoice : ITenantOwned
{
    public const string Deposit = "Deposit";
    public const string Final = "Final";
    public const string CreditNote = "CreditNote";

    private DossierInvoice()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid DossierId { get; private set; }

    public string Number { get; private set; } = "";

    /// <summary>"Deposit", "Final" or "CreditNote".</summary>
    public string Kind { get; private set; } = "";

    /// <summary>When it was issued: a final deducts the deposits issued before it.</summary>
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>What the document is worth, tourist tax included (a credit note's positive).</summary>
    public long AmountCents { get; private set; }

    /// <summary>The invoice a credit note corrects.</summary>
    public string? CorrectsNumber { get; private set; }

    public static DossierInvoice Of(Dossier dossier, Guid id, string number, string kind, DateTimeOffset issuedAt, long amountCents, string? correctsNumber) => new()
    {
        Id = id,
        OrganisationId = dossier.OrganisationId,
        DossierId = dossier.Id,
        Number = number,
        Kind = kind,
        IssuedAt = issuedAt,
        AmountCents = amountCents,
        CorrectsNumber = correctsNumber,
    };
}
