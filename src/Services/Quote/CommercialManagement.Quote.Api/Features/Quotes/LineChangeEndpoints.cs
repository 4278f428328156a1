using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Quotes;

using Quote = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

internal sealed record QuantityBody(int? Quantity);

/// <summary>
/// Staff change a line's quantity (units or people) at the price it was added at, or remove it; the places it holds
/// follow. A flagged line is priced again for its dates when its quantity is set: fixed, or refused with why.
/// </summary>
internal static class LineChangeEndpoints
{
    public static async Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> ChangeQuantityAsync(
        Guid quoteId, Guid lineId, QuantityBody body, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.Quantity is not (>= 1 and <= LineEndpoints.MaxQuantity) || body.Quantity is not { } quantity)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["quantity"] = [$"La quantité va de 1 à {LineEndpoints.MaxQuantity}."] }, title: "La prestation contient des erreurs.");
        }

        return await QuoteEndpoints.ChangeAsync(quoteId, db, time, cancellationToken, async (quote, now) =>
        {
            var line = FindLine(quote, lineId);
            if (line.Kind == LineKind.Custom)
            {
                quote.ChangeQuantity(line, quantity, 0, 0, now);
                return;
            }

            var product = await db.Products.IgnoreQueryFilters().SingleAsync(p => p.Id == line.ProductId, cancellationToken);
            if (!line.Counted)
            {
                await FixAsync(db, quote, line, product, quantity, now, cancellationToken);
                return;
            }

            var people = product.Type == ProductType.Accommodation ? line.Participants : quantity;
            if (product.Type == ProductType.Accommodation && line.Participants > quantity * (product.UnitCapacity ?? 1))
            {
                throw new QuoteRuleException($"« {product.Name} » accueille {product.UnitCapacity} personnes par logement : il en faut plus de {quantity} pour {line.Participants} personnes.");
            }

            var held = LinePricing.HeldFor(product, quantity);
            var dates = PriceCalculator.Dates(product.Type, line.From!.Value, line.To!.Value);
            if (held > line.HeldPerDate && await db.HoldAsync(product, dates, held - line.HeldPerDate, cancellationToken) is { } full)
            {
                throw new QuoteRuleException(full);
            }

            if (held < line.HeldPerDate)
            {
                await db.ReleaseAsync(product.Id, dates, line.HeldPerDate - held, cancellationToken);
            }

            quote.ChangeQuantity(line, quantity, held, people, now);
        });
    }

    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        Guid quoteId, Guid lineId, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        QuoteEndpoints.ChangeAsync(quoteId, db, time, cancellationToken, async (quote, now) =>
        {
            var line = FindLine(quote, lineId);
            quote.RemoveLine(line, now);
            await db.ReleaseAsync(line, cancellationToken);
        });

    /// <summary>A flagged line priced again for its dates in the quote's stay with the quantity given: counted again, or refused.</summary>
    private static async Task FixAsync(QuoteDbContext db, Quote quote, QuoteLine line, Product product, int quantity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (quote.Stay.Arrival is not { } arrival || quote.Stay.Departure is not { } departure || line.From is not { } from || line.To is not { } to)
        {
            throw new QuoteRuleException("Cette prestation n'a pas de dates dans le séjour : retirez-la et ajoutez-la de nouveau.");
        }

        var party = product.Type == ProductType.Accommodation
            ? new Party(Math.Max(line.Participants - line.ChildrenAges.Count, 0), line.Seniors, line.ChildrenAges)
            : line.AgeBand is { } band ? LinePricingBands.Of(band, quantity) : new Party(quantity, 0, []);
        var priced = PriceCalculator.Price(product, new PriceRequest(from, to, product.Type == ProductType.Accommodation ? quantity : 1, party, arrival, departure));
        if (priced.Refused)
        {
            throw new QuoteRuleException(priced.Refusal!);
        }

        var chosen = priced.Lines.First();
        if (await db.HoldAsync(product, priced.Dates, chosen.HeldPerDate, cancellationToken) is { } full)
        {
            throw new QuoteRuleException(full);
        }

        quote.Reprice(line, chosen, from, to, now);
    }

    private static QuoteLine FindLine(Quote quote, Guid lineId) => quote.Line(lineId);
}
