using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Catalogue;

/// <summary>
/// Places a quote holds on one of my products: which quote and case, how many per date, from when to when, and until when
/// they stay held (a sent quote's last valid day, a draft's release day; an accepted order's until the stay). A quote of
/// another organisation (the booking office selling my product) shows that organisation's name, never its customer.
/// </summary>
internal sealed record HeldPlacesView(
    Guid ProductId, string ProductName, Guid QuoteId, Guid RequestId, string Number, QuoteState State, string StateLabel, string? CustomerName,
    string? OtherOrganisation, string Label, DateOnly? From, DateOnly? To, int Places, DateOnly? HeldUntil);

/// <summary>« Places réservées » (issue 17): what holds the stock of my organisation's products.</summary>
internal static class HeldPlacesEndpoints
{
    public static async Task<Ok<List<HeldPlacesView>>> ListAsync(Guid? productId, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var organisationId = db.CurrentOrganisationId;
        var products = await db.Products.AsNoTracking().Where(p => productId == null || p.Id == productId)
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var ids = products.Keys.ToList();
        var today = ParisTime.Today(time);
        var rows = await (
            from line in db.QuoteLines.AsNoTracking()
            join quote in db.Quotes.IgnoreQueryFilters().AsNoTracking() on line.QuoteId equals quote.Id
            where line.ProductId != null && ids.Contains(line.ProductId.Value) && line.HeldPerDate > 0
                && (quote.State == QuoteState.Sent || quote.State == QuoteState.Accepted || (quote.State == QuoteState.Draft && quote.PlacesReleasedAt == null))
                && (line.To == null || line.To >= today)
            select new
            {
                ProductId = line.ProductId!.Value, line.Label, line.From, line.To, line.HeldPerDate, QuoteId = quote.Id, quote.RequestId, quote.Number, quote.State,
                quote.OrganisationId, CustomerName = quote.Customer.Name, quote.ValidUntil, quote.UpdatedAt,
            }).ToListAsync(cancellationToken);
        var organisationIds = rows.Select(r => r.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => organisationIds.Contains(o.OrganisationId))
            .ToDictionaryAsync(o => o.OrganisationId, o => (o.Name, o.Schedule), cancellationToken);
        var held = rows.Select(r =>
        {
            var own = r.OrganisationId == organisationId;
            var (name, schedule) = organisations.GetValueOrDefault(r.OrganisationId, ("Autre organisation", new ScheduleSettings()));
            DateOnly? until = r.State switch
            {
                QuoteState.Sent => r.ValidUntil,
                QuoteState.Draft => ParisTime.Day(r.UpdatedAt).AddDays(schedule.DraftHoldDays),
                _ => null,
            };
            return new HeldPlacesView(
                r.ProductId, products[r.ProductId], r.QuoteId, own ? r.RequestId : Guid.Empty, r.Number, r.State, r.State.Label(), own ? r.CustomerName : null,
                own ? null : name, r.Label, r.From, r.To, r.HeldPerDate, until);
        }).OrderBy(h => h.ProductName).ThenBy(h => h.From).ThenBy(h => h.Number).ToList();
        return TypedResults.Ok(held);
    }
}
