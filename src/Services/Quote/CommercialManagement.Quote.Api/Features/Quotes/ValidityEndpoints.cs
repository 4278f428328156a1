using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Quotes;

using Quote = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

/// <summary>« Prolonger la validité »: the new last valid day, today or later (Europe/Paris).</summary>
internal sealed record ValidityBody(DateOnly? ValidUntil);

/// <summary>
/// « Prolonger la validité » (issue 17): a sent quote's validity moves to a new date; an expired one is sent again, its
/// places held again first, or refused with the reason when they are gone (nothing changes then). The dossier's history
/// says so (<c>QuoteValidityExtended</c>).
/// </summary>
internal static class ValidityEndpoints
{
    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        Guid quoteId, ValidityBody body, HttpContext http, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(time);
        if (body.ValidUntil is not { } until || until < today || until > today.AddYears(1))
        {
            return Task.FromResult<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>>(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["validUntil"] = [$"Choisissez une date de validité entre aujourd'hui ({Money.Date(today)}) et un an plus tard."] },
                title: "La nouvelle date de validité n'est pas valable."));
        }

        var staff = http.User.FindFirst(StaffClaims.Name)?.Value ?? "Équipe";
        return QuoteEndpoints.ChangeAsync(quoteId, db, time, cancellationToken, async (quote, now) =>
        {
            var previous = quote.ValidUntil;
            var wasExpired = quote.State == QuoteState.Expired;
            if (wasExpired)
            {
                await HoldAgainAsync(db, quote, cancellationToken);
            }

            quote.ExtendValidity(until, today, now);
            db.AddToOutbox(new QuoteValidityExtended
            {
                OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id, Number = quote.Number,
                ValidUntil = until, PreviousValidUntil = previous, WasExpired = wasExpired, StaffName = staff,
            });
        }, changed: false);
    }

    /// <summary>
    /// The places an expired quote gave back, held again line by line in this transaction; the first one taken meanwhile
    /// refuses the whole (the caller rolls back what was held before it). Also a case's only quote in progress: another
    /// quote made since on the case refuses it.
    /// </summary>
    public static async Task HoldAgainAsync(QuoteDbContext db, Quote quote, CancellationToken cancellationToken)
    {
        if (await db.Quotes.AnyAsync(q => q.RequestId == quote.RequestId && q.Id != quote.Id && (q.State == QuoteState.Draft || q.State == QuoteState.Sent), cancellationToken))
        {
            throw new QuoteRuleException("Un autre devis est en cours sur ce dossier : ce devis expiré ne peut plus être prolongé.");
        }

        var held = quote.Lines.Where(l => l is { ProductId: not null, ProductType: not null, From: not null, To: not null, HeldPerDate: > 0 }).ToList();
        var productIds = held.Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.IgnoreQueryFilters().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var line in held.OrderBy(l => l.Position))
        {
            var dates = PriceCalculator.Dates(line.ProductType!.Value, line.From!.Value, line.To!.Value);
            if (await db.HoldAsync(products[line.ProductId!.Value], dates, line.HeldPerDate, cancellationToken) is { } full)
            {
                throw new QuoteRuleException($"Les places de ce devis ne sont plus toutes disponibles : {full} Préparez un nouveau devis.");
            }
        }
    }
}
