using CommercialManagement.Quote.Api.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Persistence;

/// <summary>
/// Who sees which product, written once: an organisation sees its own products (the tenant filter), and the booking
/// office also sees every other organisation's products sold on the marketplace. Nothing else leaves an organisation.
/// </summary>
internal static class CatalogueVisibility
{
    public static async Task<IQueryable<Product>> VisibleProductsAsync(this QuoteDbContext db, CancellationToken cancellationToken)
    {
        var organisationId = db.CurrentOrganisationId;
        if (organisationId is null)
        {
            return db.Products.Where(_ => false);
        }

        var isBookingOffice = await db.Organisations.AnyAsync(o => o.OrganisationId == organisationId && o.IsBookingOffice, cancellationToken);
        return isBookingOffice
            ? db.Products.IgnoreQueryFilters().Where(p => p.OrganisationId == organisationId || p.SoldOnMarketplace)
            : db.Products;
    }

    /// <summary>The names of the organisations whose products a caller sees (their own and the marketplace's sellers).</summary>
    public static Task<Dictionary<Guid, string>> SellerNamesAsync(this QuoteDbContext db, IEnumerable<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var ids = organisationIds.Distinct().ToList();
        return db.Organisations.IgnoreQueryFilters().Where(o => ids.Contains(o.OrganisationId))
            .ToDictionaryAsync(o => o.OrganisationId, o => o.Name, cancellationToken);
    }
}
