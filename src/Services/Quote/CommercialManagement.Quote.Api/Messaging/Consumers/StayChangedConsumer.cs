using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Features.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Messaging.Consumers;

/// <summary>
/// The stay rule: when the stay changes, the quote in progress is lost (voided, its places given back,
/// <c>QuoteVoided</c>) and a new draft, newly numbered, re-prices the same lines for the new stay; a line that cannot
/// be sold any more is kept flagged, out of the totals. The same change applied twice (or an older one) does nothing.
/// </summary>
internal sealed class StayChangedConsumer(QuoteDbContext db, TimeProvider time) : IConsumer<StayChanged>
{
    public async Task Consume(ConsumeContext<StayChanged> context)
    {
        var changed = context.Message;
        var cancellationToken = context.CancellationToken;
        await db.LockCaseAsync(changed.RequestId, cancellationToken);
        var copy = await db.Cases.SingleOrDefaultAsync(c => c.Id == changed.RequestId, cancellationToken)
            ?? throw new CaseNotReceivedYetException(changed.RequestId);
        var oldArrival = copy.Arrival;
        if (!copy.Apply(changed))
        {
            return;
        }

        var current = await QuoteWork.CurrentAsync(db, copy.Id, cancellationToken);
        // An amendment of an accepted quote is not a quote in progress: the accepted order stays (its stay is Dossier's to refuse).
        if (current is not { InProgress: true } || current.IsAmendment)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        // The number first, the places after: the same order as a first line added by staff, so the two never deadlock.
        var number = await QuoteWork.NumberAsync(db, copy.OrganisationId, ParisTime.Today(time), cancellationToken);
        var reason = $"Les dates ou les participants du séjour ont changé ({changed.StaffName}) : ce devis est annulé, un nouveau devis est préparé pour le nouveau séjour.";
        await QuoteWork.VoidAsync(db, current, reason, now, cancellationToken, replacedByNewQuote: true);
        await db.SaveChangesAsync(cancellationToken);

        var draft = QuoteWork.Create(db, copy, number, now, replaced: current);
        var shift = copy.Arrival is { } arrival && oldArrival is { } before ? arrival.DayNumber - before.DayNumber : 0;
        foreach (var line in current.Lines.OrderBy(l => l.Position))
        {
            draft.AddLine(line.Kind == LineKind.Custom ? line.CopyForNewQuote() : await RepriceAsync(line, copy, current.Stay, shift, cancellationToken), now);
        }

        QuoteWork.Changed(db, draft, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<QuoteLine> RepriceAsync(QuoteLine line, CaseCopy copy, QuotedStay oldStay, int shift, CancellationToken cancellationToken)
    {
        if (copy.Arrival is not { } arrival || copy.Departure is not { } departure || line.From is not { } from || line.To is not { } to)
        {
            return Flagged(line, "Le nouveau séjour n'a pas de dates : choisissez-les puis ajoutez de nouveau cette prestation.");
        }

        var product = await db.Products.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == line.ProductId, cancellationToken);
        if (product is null || product.Retired)
        {
            return Flagged(line, "Cette prestation n'est plus au catalogue.");
        }

        var (newFrom, newTo) = line.ProductType == ProductType.Accommodation && from == oldStay.Arrival && to == oldStay.Departure
            ? (arrival, departure)
            : (Max(from.AddDays(shift), arrival), Min(to.AddDays(shift), departure));
        var party = product.Type switch
        {
            ProductType.Accommodation => new Party(copy.Adults, 0, copy.ChildrenAges),
            ProductType.LiftPass => line.AgeBand is { } band ? LinePricingBands.Of(band, line.Quantity) : new Party(line.Quantity, 0, []),
            _ => new Party(line.Quantity, 0, []),
        };
        var (lines, refusal) = await LinePricing.PriceAndHoldAsync(db, product, newFrom, newTo, line.Quantity, party, copy, cancellationToken);
        return refusal is null ? lines[0] : Flagged(line, refusal.Message, newFrom, newTo);
    }

    private static QuoteLine Flagged(QuoteLine line, string problem, DateOnly? from = null, DateOnly? to = null)
    {
        var copy = line.CopyForNewQuote(from, to);
        copy.Flag(problem);
        return copy;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>An event overtook its case's <c>RequestReceived</c>: retried until the case exists.</summary>
internal sealed class CaseNotReceivedYetException(Guid caseId) : Exception($"Case {caseId} is not known to the Quote service yet.");
