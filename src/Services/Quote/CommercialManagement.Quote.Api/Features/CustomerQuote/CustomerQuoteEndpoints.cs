using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Features.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.CustomerQuote;

internal sealed record CustomerLine(string Label, string? Description, DateOnly? From, DateOnly? To, int Quantity, long UnitPriceCents, int VatRateBasisPoints, long AmountCents);

/// <summary>The quote as its customer reads it in the customer space: what was sent, never a draft nor staff notes.</summary>
internal sealed record CustomerQuoteView(
    Guid Id, string Number, int Version, QuoteState State, bool Expired, DateOnly? ValidUntil, IReadOnlyList<CustomerLine> Lines,
    long NetCents, long VatCents, long TouristTaxCents, long TotalCents, int DepositPercentage, long DepositCents, long BalanceCents,
    DateOnly? BalanceDueDate, bool WholeAmountNow, DateTimeOffset? AcceptedAt, string? ClosingReason, bool CanAccept, bool NewQuoteComing,
    CustomerAmendment? Amendment = null);

/// <summary>A modification of the customer's accepted order, sent for them to accept: the accepted total, the new one, the difference.</summary>
internal sealed record CustomerAmendment(int AcceptedVersion, long AcceptedTotalCents, long NewTotalCents, long DifferenceCents);

internal sealed record CustomerAcceptanceBody(Guid? QuoteId, int? Version, bool TermsAccepted, string? From);

internal sealed record CustomerRefusalBody(Guid? QuoteId, string? Reason);

/// <summary>
/// What the gateway's customer space calls with a customer token (one case, policy « Customer »): the quote sent,
/// its PDF, the acceptance with the terms ticked (time, address and version recorded) and the refusal.
/// </summary>
internal static class CustomerQuoteEndpoints
{
    public static async Task<Results<Ok<CustomerQuoteView>, ProblemHttpResult>> GetAsync(HttpContext http, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (quote, newQuoteComing) = await ShownQuoteAsync(http, db, cancellationToken);
        if (quote is null)
        {
            return NoQuote();
        }

        if (quote is { State: QuoteState.Sent, CustomerViewedAt: null })
        {
            // The first time the customer opens the sent quote: the follow-up before its expiry is then not sent (issue 17).
            var now = time.GetUtcNow();
            await db.Quotes.Where(q => q.Id == quote.Id && q.CustomerViewedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(q => q.CustomerViewedAt, now), cancellationToken);
        }

        var organisation = await QuoteWork.OrganisationAsync(db, quote.OrganisationId, cancellationToken);
        var today = ParisTime.Today(time);
        if (quote is { IsAmendment: true, State: QuoteState.Draft })
        {
            // Staff are preparing a modification: the customer's order is still the accepted version, as they accepted it.
            return TypedResults.Ok(AcceptedVersionView(quote));
        }

        var model = QuotePdfEndpoint.Model(quote, organisation, null, today);
        var totals = quote.Totals;
        return TypedResults.Ok(new CustomerQuoteView(
            quote.Id, quote.Number, quote.Version, quote.State, quote.IsExpired(today), quote.ValidUntil,
            [.. quote.Lines.Where(l => l.Counted).OrderBy(l => l.Position).Select(l => new CustomerLine(l.Label, l.Description, l.From, l.To, l.Quantity, l.UnitPriceCents, l.VatRateBasisPoints, l.AmountCents))],
            totals.NetCents, totals.VatCents, totals.TouristTaxCents, totals.TotalCents, organisation.DepositPercentage, model.Deposit.AmountCents,
            model.Balance?.AmountCents ?? 0, model.Balance?.DueDate, model.Balance is null, quote.AcceptedAt,
            // Staff's words for why are theirs; the customer of a replaced quote reads the space's own notice instead.
            newQuoteComing ? null : quote.ClosingReason,
            quote.State == QuoteState.Sent && !quote.IsExpired(today), newQuoteComing,
            quote.AcceptedTotals is { } accepted
                ? new CustomerAmendment(quote.AcceptedVersion ?? quote.Version - 1, accepted.TotalCents, totals.TotalCents, totals.TotalCents - accepted.TotalCents)
                : null));
    }

    /// <summary>The accepted order while its modification is a draft: the kept lines and totals, accepted, nothing to accept.</summary>
    private static CustomerQuoteView AcceptedVersionView(Domain.Quotes.Quote quote)
    {
        var kept = quote.AcceptedLines!.Select(QuoteLine.Restore).Where(l => l.Counted).OrderBy(l => l.Position).ToList();
        var totals = QuoteTotals.Of(kept);
        return new CustomerQuoteView(
            quote.Id, quote.Number, quote.AcceptedVersion ?? quote.Version - 1, QuoteState.Accepted, false, null,
            [.. kept.Select(l => new CustomerLine(l.Label, l.Description, l.From, l.To, l.Quantity, l.UnitPriceCents, l.VatRateBasisPoints, l.AmountCents))],
            totals.NetCents, totals.VatCents, totals.TouristTaxCents, totals.TotalCents, 0, 0, 0, null, false, quote.AcceptedAt, null, false, false);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(HttpContext http, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var quote = await SentQuoteAsync(http, db, cancellationToken);
        // A modification being prepared: the customer's document is still the accepted version.
        var version = quote is { IsAmendment: true, State: QuoteState.Draft } ? quote.AcceptedVersion : null;
        return quote is null ? NoQuote() : await QuotePdfEndpoint.GetAsync(quote.Id, version, db, time, cancellationToken) is { Result: FileContentHttpResult file } ? file : NoQuote();
    }

    public static async Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        CustomerAcceptanceBody body, HttpContext http, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!body.TermsAccepted || body.QuoteId is null || body.Version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["termsAccepted"] = ["Cochez « J'ai lu et j'accepte les conditions générales de vente » pour accepter le devis."],
            });
        }

        if (await Superseded(body.QuoteId.Value, http, db, cancellationToken) is { } superseded)
        {
            return superseded;
        }

        var from = string.IsNullOrWhiteSpace(body.From) ? "adresse inconnue" : body.From.Trim()[..Math.Min(body.From.Trim().Length, 64)];
        return await QuoteEndpoints.ChangeAsync(body.QuoteId.Value, db, time, cancellationToken, async (quote, now) =>
        {
            var previousTotal = quote.AcceptedTotals?.TotalCents;
            quote.Accept(AcceptedBy.Customer, body.Version.Value, from, null, ParisTime.Today(time), now);
            db.AddToOutbox(await AcceptedQuote.EventAsync(db, quote, AcceptedBy.Customer, now, cancellationToken, previousTotal));
        }, changed: false);
    }

    public static async Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> RefuseAsync(
        CustomerRefusalBody body, HttpContext http, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.QuoteId is not { } quoteId)
        {
            return NoQuote();
        }

        return await Superseded(quoteId, http, db, cancellationToken) ?? await CloseEndpoints.RefuseAsync(quoteId, new ReasonBody(body.Reason), db, time, cancellationToken);
    }

    /// <summary>
    /// What the customer is shown: the quote sent to them, or, while staff prepare the quote that replaces it after a change
    /// of stay, the one they had (voided, with the notice that a new one is coming); nothing while the first is a draft.
    /// </summary>
    private static async Task<(Domain.Quotes.Quote? Quote, bool NewQuoteComing)> ShownQuoteAsync(HttpContext http, QuoteDbContext db, CancellationToken cancellationToken)
    {
        var current = await QuoteWork.CurrentAsync(db, CaseOf(http), cancellationToken);
        if (current is null || current.State != QuoteState.Draft || current.IsAmendment)
        {
            return (current, false);
        }

        // The stay may change again before the new quote goes out: the customer's quote is the last one they were sent.
        var replaced = current.ReplacesQuoteId;
        for (var hops = 0; replaced is { } id && hops < 10; hops++)
        {
            var before = await db.Quotes.Include(q => q.Lines).SingleOrDefaultAsync(q => q.Id == id && q.RequestId == current.RequestId, cancellationToken);
            if (before is null)
            {
                break;
            }

            if (before.SeenByCustomer)
            {
                return (before, true);
            }

            replaced = before.ReplacesQuoteId;
        }

        return (null, false);
    }

    /// <summary>The case's latest quote unless it is a draft (staff's work in progress, even a sent quote being changed); the case from the token only.</summary>
    private static async Task<Domain.Quotes.Quote?> SentQuoteAsync(HttpContext http, QuoteDbContext db, CancellationToken cancellationToken)
    {
        var quote = await QuoteWork.CurrentAsync(db, CaseOf(http), cancellationToken);
        return quote is null || (quote.State == QuoteState.Draft && !quote.IsAmendment) ? null : quote;
    }

    private static async Task<ProblemHttpResult?> Superseded(Guid quoteId, HttpContext http, QuoteDbContext db, CancellationToken cancellationToken)
    {
        var (current, newQuoteComing) = await ShownQuoteAsync(http, db, cancellationToken);
        if (current is null || !await db.Quotes.AnyAsync(q => q.Id == quoteId && q.RequestId == CaseOf(http), cancellationToken))
        {
            return NoQuote();
        }

        if (newQuoteComing)
        {
            return TypedResults.Problem(
                title: "Votre séjour a changé : ce devis n'est plus valable. Un nouveau devis vous sera envoyé très bientôt par e-mail.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return current.Id == quoteId && current.State != QuoteState.Draft
            ? null
            : TypedResults.Problem(title: "Ce devis a été remplacé par une nouvelle proposition : rechargez la page pour voir la dernière.", statusCode: StatusCodes.Status409Conflict);
    }

    private static Guid CaseOf(HttpContext http) => Guid.Parse(http.User.FindFirst(StaffClaims.CaseId)!.Value);

    private static ProblemHttpResult NoQuote() =>
        TypedResults.Problem(title: "Aucun devis à consulter pour l'instant.", statusCode: StatusCodes.Status404NotFound);
}
