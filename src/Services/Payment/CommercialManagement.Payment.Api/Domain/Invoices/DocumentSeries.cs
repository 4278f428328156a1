using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Payment.Api.Domain.Invoices;

/// <summary>
/// The last number given in one organisation's series for one year. Read and advanced only by
/// <c>PaymentDbContext.NextNumberAsync</c>, in the transaction that saves the document: the row's lock serialises
/// concurrent issuers, and a transaction that rolls back gives its number back, so the series has no gap. Tenant-owned like
/// every row with an organisation: a query through the model sees its own organisation's series only.
/// </summary>
internal sealed class DocumentSeries : ITenantOwned
{
    private DocumentSeries()
    {
    }

    public Guid OrganisationId { get; private set; }

    public string Series { get; private set; } = "";

    public int Year { get; private set; }

    public int LastNumber { get; private set; }
}
