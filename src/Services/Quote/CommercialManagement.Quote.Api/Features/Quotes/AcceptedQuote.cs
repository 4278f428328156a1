using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Quotes;

using Quote = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

/// <summary>
/// <c>QuoteAccepted</c>, the same whoever accepted: with the accepted content (customer, stay, counted lines and their
/// VAT, totals) that Payment invoices as it is.
/// </summary>
internal static class AcceptedQuote
{
    /// <param name="previousTotalCents">An amendment accepted: the total of the version it replaces.</param>
    public static async Task<QuoteAccepted> EventAsync(
        QuoteDbContext db, Quote quote, AcceptedBy by, DateTimeOffset now, CancellationToken cancellationToken, long? previousTotalCents = null)
    {
        var language = await db.Cases.Where(c => c.Id == quote.RequestId).Select(c => c.Language).SingleOrDefaultAsync(cancellationToken) ?? "fr";
        var productIds = quote.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        // The marketplace's products too: a booking office sells other organisations' lessons and passes (CatalogueVisibility).
        var productNames = await (await db.VisibleProductsAsync(cancellationToken)).Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new QuoteAccepted
        {
            OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id, Number = quote.Number,
            TotalCents = quote.Totals.TotalCents, AcceptedBy = by.ToString(), Version = quote.Version, Content = Content(quote, language, productNames),
            PreviousTotalCents = previousTotalCents,
        };
    }

    /// <param name="productNames">The catalogue's names of the lines' products (a product deleted since: no name).</param>
    public static AcceptedQuoteContent Content(Quote quote, string language, IReadOnlyDictionary<Guid, string> productNames)
    {
        var totals = quote.Totals;
        var arrival = quote.Stay.Arrival ?? DateOnly.FromDateTime(quote.CreatedAt.UtcDateTime);
        return new AcceptedQuoteContent
        {
            CustomerName = quote.Customer.Name,
            CustomerAddressLines = [.. quote.Customer.Address.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            CustomerEmail = quote.Customer.Email, CustomerCompanyId = quote.Customer.CompanyId, CustomerVatNumber = quote.Customer.VatNumber,
            Language = language, Arrival = arrival, Departure = quote.Stay.Departure ?? arrival, Adults = quote.Stay.Adults, ChildrenAges = quote.Stay.ChildrenAges,
            Lines = [.. quote.Lines.Where(l => l.Counted).OrderBy(l => l.Position).Select(l => Line(l, productNames))],
            VatByRate = [.. totals.VatByRate.Select(v => new AcceptedVatRate { RateBasisPoints = v.RateBasisPoints, NetCents = v.NetCents, VatCents = v.VatCents })],
            NetCents = totals.NetCents, VatCents = totals.VatCents, GrossCents = totals.GrossCents, TouristTaxCents = totals.TouristTaxCents, TotalCents = totals.TotalCents,
        };
    }

    private static AcceptedQuoteLine Line(QuoteLine line, IReadOnlyDictionary<Guid, string> productNames)
    {
        var (net, vat) = Vat.Split(line.AmountCents, line.VatRateBasisPoints);
        return new AcceptedQuoteLine
        {
            Label = line.Label, Description = line.Description, From = line.From, To = line.To, Quantity = line.Quantity,
            UnitPriceInclVatCents = line.UnitPriceCents, VatRateBasisPoints = line.VatRateBasisPoints, AmountInclVatCents = line.AmountCents,
            AmountExclVatCents = net, VatCents = vat, TouristTaxCents = line.TouristTaxCents,
            TouristTaxAdults = line.TouristTaxAdults, TouristTaxNights = line.TouristTaxNights, TouristTaxCentsPerAdultNight = line.TouristTaxCentsPerAdultNight,
            ProductId = line.ProductId, ProductName = line.ProductId is { } id ? productNames.GetValueOrDefault(id) : null,
            ProductType = line.ProductType?.ToString(),
        };
    }
}
