using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Quotes;

using Quote = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

/// <summary>What every quote change shares: the case's quotes, numbering, the events through the outbox.</summary>
internal static class QuoteWork
{
    /// <summary>The case's latest quote (any state), with its lines; none before its first line.</summary>
    public static Task<Quote?> CurrentAsync(QuoteDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        db.Quotes.Include(q => q.Lines).Where(q => q.RequestId == requestId).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).FirstOrDefaultAsync(cancellationToken);

    public static async Task<OrganisationCopy> OrganisationAsync(QuoteDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.OrganisationId == organisationId, cancellationToken) ?? OrganisationCopy.Default(organisationId);

    /// <summary>A new quote for the case, numbered {prefix}-{year}-{00042} in this transaction (gapless: a rollback gives the number back).</summary>
    public static async Task<Quote> CreateAsync(QuoteDbContext db, CaseCopy copy, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken) =>
        Create(db, copy, await NumberAsync(db, copy.OrganisationId, today, cancellationToken), now);

    /// <summary>The next number of the organisation, taken in the caller's transaction (before any hold, always in that order).</summary>
    public static async Task<string> NumberAsync(QuoteDbContext db, Guid organisationId, DateOnly today, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationAsync(db, organisationId, cancellationToken);
        var next = await db.NextQuoteNumberAsync(organisationId, today.Year, cancellationToken);
        return $"{organisation.QuoteNumberPrefix}-{today.Year}-{next:00000}";
    }

    public static Quote Create(QuoteDbContext db, CaseCopy copy, string number, DateTimeOffset now, Quote? replaced = null)
    {
        var customer = replaced?.Customer ?? new CustomerDetails(copy.CustomerName, "", copy.CustomerEmail, copy.CustomerPhone ?? "");
        var quote = Quote.Create(copy.OrganisationId, copy.Id, number, new QuotedStay(copy.Arrival, copy.Departure, copy.Adults, copy.ChildrenAges.ToList()), customer, now, replaced?.Id);
        db.Quotes.Add(quote);
        return quote;
    }

    /// <summary>The quote lines are added to: the one in progress, or a new one; none when the case's quote is accepted or the case cancelled.</summary>
    public static async Task<Quote> OpenAsync(QuoteDbContext db, CaseCopy copy, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(db, copy.Id, cancellationToken);
        if (current is { State: QuoteState.Accepted })
        {
            throw new QuoteRuleException($"Le devis {current.Number} de ce dossier est accepté : « Modifier la commande » en ouvre une modification, à faire accepter de nouveau par le client.");
        }

        if (current is { CancelledWithCase: true })
        {
            throw new QuoteRuleException($"Ce dossier est annulé (devis {current.Number}) : il ne reçoit plus de devis. Pour un nouveau séjour, ouvrez une nouvelle demande.");
        }

        if (current is { InProgress: true })
        {
            await RestoreHoldsAsync(db, current, cancellationToken);
            return current;
        }

        return await CreateAsync(db, copy, now, today, cancellationToken);
    }

    /// <summary>
    /// A draft whose places were given back after its days (<c>draft-hold-release</c>) is changed or sent: its lines hold
    /// their places again first. A line whose places are gone meanwhile is flagged with the reason (it holds nothing and
    /// stops the sending until fixed), or, with <paramref name="refuse"/> (the sending), refuses the whole with that reason.
    /// </summary>
    public static async Task RestoreHoldsAsync(QuoteDbContext db, Quote quote, CancellationToken cancellationToken, bool refuse = false)
    {
        if (quote is not { State: QuoteState.Draft, PlacesReleasedAt: not null })
        {
            return;
        }

        var held = quote.Lines.Where(l => l is { ProductId: not null, ProductType: not null, From: not null, To: not null, HeldPerDate: > 0 }).OrderBy(l => l.Position).ToList();
        var productIds = held.Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.IgnoreQueryFilters().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var line in held)
        {
            var dates = Domain.Pricing.PriceCalculator.Dates(line.ProductType!.Value, line.From!.Value, line.To!.Value);
            if (await db.HoldAsync(products[line.ProductId!.Value], dates, line.HeldPerDate, cancellationToken) is { } full)
            {
                var reason = $"Les places de ce brouillon ont été libérées faute d'envoi, et ne sont plus toutes disponibles : {full}";
                if (refuse)
                {
                    throw new QuoteRuleException($"{reason} Retirez ou changez cette prestation avant d'envoyer le devis.");
                }

                line.Flag(reason);
            }
        }

        quote.PlacesHeldAgain();
    }

    public static async Task<QuoteView> ViewAsync(QuoteDbContext db, Quote quote, DateOnly today, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationAsync(db, quote.OrganisationId, cancellationToken);
        var versions = await db.QuoteVersions.AsNoTracking().Where(v => v.QuoteId == quote.Id).ToListAsync(cancellationToken);
        var others = await db.Quotes.AsNoTracking().Include(q => q.Lines).Where(q => q.RequestId == quote.RequestId && q.Id != quote.Id).ToListAsync(cancellationToken);
        return QuoteView.Of(quote, organisation, today, versions, others);
    }

    public static void Changed(QuoteDbContext db, Quote quote, DateTimeOffset now) => db.AddToOutbox(new QuoteChanged
    {
        OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id,
        LineCount = quote.Lines.Count, TotalCents = quote.Totals.TotalCents,
    });

    /// <summary>Voids the quote, gives back every place its lines hold, and says so on the bus.</summary>
    /// <param name="replacedByNewQuote">A new quote is prepared in its place (the stay changed): a customer who had it is told.</param>
    public static async Task VoidAsync(
        QuoteDbContext db, Quote quote, string reason, DateTimeOffset now, CancellationToken cancellationToken, bool replacedByNewQuote = false)
    {
        quote.Void(reason, now);
        await ReleaseAndAnnounceAsync(db, quote, reason, now, replacedByNewQuote, cancellationToken);
    }

    /// <summary>
    /// The case was cancelled: its quote is voided, accepted or still in progress, and as with any void its places go back
    /// and <c>QuoteVoided</c> says so (no new quote replaces it: the customer is not told by this event).
    /// </summary>
    public static async Task VoidWithCaseAsync(QuoteDbContext db, Quote quote, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (quote.State == QuoteState.Accepted || quote.IsAmendment)
        {
            // An open amendment goes with its order: the places kept for the accepted order are given back with the lines'.
            await db.LendAsync(quote, cancellationToken);
            quote.VoidAccepted(reason, now);
        }
        else
        {
            quote.Void(reason, now);
        }

        await ReleaseAndAnnounceAsync(db, quote, reason, now, replacedByNewQuote: false, cancellationToken);
    }

    private static async Task ReleaseAndAnnounceAsync(QuoteDbContext db, Quote quote, string reason, DateTimeOffset now, bool replacedByNewQuote, CancellationToken cancellationToken)
    {
        await ReleaseAllAsync(db, quote, cancellationToken);
        db.AddToOutbox(new QuoteVoided
        {
            OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id, Reason = reason,
            Number = quote.Number, SeenByCustomer = quote.SeenByCustomer, ReplacedByNewQuote = replacedByNewQuote,
        });
    }

    public static async Task ReleaseAllAsync(QuoteDbContext db, Quote quote, CancellationToken cancellationToken)
    {
        if (quote.PlacesReleasedAt is not null)
        {
            // A draft that gave its places back after its days (draft-hold-release): nothing is held to give back twice.
            return;
        }

        foreach (var line in quote.Lines)
        {
            await db.ReleaseAsync(line, cancellationToken);
        }
    }
}
