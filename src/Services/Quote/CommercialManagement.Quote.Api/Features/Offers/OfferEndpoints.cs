using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Features.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Offers;

internal sealed record OfferLine(string Label, AgeBand? AgeBand, int Quantity, long UnitPriceCents, long AmountCents, IReadOnlyList<PriceComponent> Breakdown);

/// <summary>A product priced for the case: the dates and quantity the panel proposes, available or why not, the price and its breakdown.</summary>
internal sealed record Offer(
    Guid ProductId, ProductType Type, string TypeLabel, string Name, string? Description, string? SellerName, bool OwnedByMe, LessonKind? LessonKind,
    int VatRateBasisPoints, DateOnly From, DateOnly To, int Quantity, int Participants, bool Available, string? Reason,
    long? AmountCents, long? TouristTaxCents, int? PlacesLeft, IReadOnlyList<OfferLine> Lines);

/// <summary>
/// « Ajouter une prestation »: the products the organisation sees (its own, and the marketplace for the booking office)
/// priced for the case's stay and party, each available or with the reason it is not.
/// </summary>
internal static class OfferEndpoints
{
    /// <param name="productId">Only this product (the panel prices one card again when its participants change).</param>
    /// <param name="participants">The people the products are for, the first of the case's children first as a line
    /// counts them; the whole party when absent. A children's group lesson is priced for the children only this way.</param>
    public static async Task<Results<Ok<List<Offer>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid requestId, ProductType? type, Guid? productId, int? participants, QuoteDbContext db, CancellationToken cancellationToken)
    {
        if (participants is < 1 or > LineEndpoints.MaxParticipants)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["participants"] = [$"Le nombre de participants va de 1 à {LineEndpoints.MaxParticipants}."] },
                title: "La demande de prix contient des erreurs.");
        }

        var copy = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == requestId, cancellationToken);
        if (copy is null)
        {
            return QuoteEndpoints.CaseNotFound(requestId);
        }

        if (copy.Arrival is not { } arrival || copy.Departure is not { } departure)
        {
            return QuoteEndpoints.Conflict("Le séjour de ce dossier n'a pas de dates : indiquez-les pour voir les prestations et leurs prix.");
        }

        var query = (await db.VisibleProductsAsync(cancellationToken)).AsNoTracking().Where(p => !p.Retired);
        if (type is { } wanted)
        {
            query = query.Where(p => p.Type == wanted);
        }

        if (productId is { } only)
        {
            query = query.Where(p => p.Id == only);
        }

        var products = await query.OrderBy(p => p.Type).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        var sellers = await db.SellerNamesAsync(products.Select(p => p.OrganisationId), cancellationToken);
        // A case without anyone yet prices nothing: each product says « Indiquez au moins un participant. »
        var party = LinePricing.PartyFor(copy, participants, null, null).Party ?? new Party(0, 0, []);

        // An amendment open: the places its accepted order alone holds are the case's own, offered to the amendment again
        // (a night removed from a full chalet, the stay added back shorter).
        var current = await QuoteWork.CurrentAsync(db, requestId, cancellationToken);
        var own = current is { IsAmendment: true } ? AmendmentStock.KeptForAcceptedOrder(current) : null;
        var offers = new List<Offer>();
        foreach (var product in products)
        {
            var (from, to) = DefaultDates(product.Type, arrival, departure);
            var quantity = product.Type == ProductType.Accommodation ? Math.Max(1, (party.Size + (product.UnitCapacity ?? 1) - 1) / (product.UnitCapacity ?? 1)) : 1;
            var priced = PriceCalculator.Price(product, new PriceRequest(from, to, quantity, party, arrival, departure));
            string? reason = priced.Refusal;
            int? left = null;
            if (!priced.Refused && ProductTypes.HasAvailability(product.Type))
            {
                var needed = priced.Lines.Sum(l => l.HeldPerDate);
                var (fewest, shortDate) = await db.LeftAsync(product, priced.Dates, needed, cancellationToken, own);
                left = fewest;
                reason = shortDate is { } date ? AvailabilityStore.Full(product, date, fewest, needed) : null;
            }

            offers.Add(new Offer(
                product.Id, product.Type, ProductTypes.Label(product.Type), product.Name, product.Description, sellers.GetValueOrDefault(product.OrganisationId),
                product.OrganisationId == db.CurrentOrganisationId, product.LessonKind, product.VatRateBasisPoints, from, to, quantity, party.Size,
                reason is null, reason, priced.Refused ? null : priced.AmountCents, priced.Refused ? null : priced.TouristTaxCents, left,
                priced.Lines.Select(l => new OfferLine(l.Label, l.Band, l.Quantity, l.UnitPriceCents, l.AmountCents, l.Breakdown)).ToList()));
        }

        return TypedResults.Ok(offers);
    }

    /// <summary>
    /// The dates the panel proposes: the whole stay for accommodation; the days between arrival and departure for
    /// lessons, passes and rental (a week's stay gives six days on the slopes); the day after arrival for an activity.
    /// </summary>
    public static (DateOnly From, DateOnly To) DefaultDates(ProductType type, DateOnly arrival, DateOnly departure)
    {
        var nights = departure.DayNumber - arrival.DayNumber;
        return type switch
        {
            ProductType.Accommodation => (arrival, departure),
            ProductType.Activity => nights >= 2 ? (arrival.AddDays(1), arrival.AddDays(1)) : (arrival, arrival),
            _ => nights >= 2 ? (arrival.AddDays(1), departure.AddDays(-1)) : (arrival, arrival),
        };
    }
}
