using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Dossier.Api.Domain.Reporting;

/// <summary>
/// The catalogue as « Pilotage » needs it, copied from Quote's <c>CatalogueProductChanged</c> (the latest wins): each
/// accommodation's units per night are what its occupancy is measured against.
/// </summary>
internal sealed class CatalogueProduct : ITenantOwned
{
    private CatalogueProduct()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Type { get; private set; } = "";

    public int? Capacity { get; private set; }

    public bool Retired { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static CatalogueProduct From(CatalogueProductChanged changed)
    {
        var product = new CatalogueProduct { Id = changed.ProductId, OrganisationId = changed.OrganisationId, ChangedAt = DateTimeOffset.MinValue };
        product.Apply(changed);
        return product;
    }

    /// <summary>The product as announced, unless an announcement of a later change was applied already.</summary>
    public void Apply(CatalogueProductChanged changed)
    {
        if (changed.OccurredAt <= ChangedAt)
        {
            return;
        }

        (Name, Type, Capacity, Retired, ChangedAt) = (changed.Name, changed.Type, changed.Capacity, changed.Retired, changed.OccurredAt);
    }
}
