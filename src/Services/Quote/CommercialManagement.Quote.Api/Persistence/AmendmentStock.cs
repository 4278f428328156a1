using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Persistence;

/// <summary>
/// The places of a quote whose amendment is open. The accepted order keeps its places until the customer accepts the
/// amendment, and the amendment holds its own as soon as staff add them: on every product and date the quote holds the
/// more of the two (accepted lines, amendment lines). So an added night cannot be sold to someone else while the
/// customer reads the proposal, and « Abandonner la modification » always finds the accepted order's places: nothing
/// they gave up was sold meanwhile. Acceptance keeps the amendment's places only; abandoning, the accepted ones only.
/// <para>
/// The line endpoints move a line's own places as for a draft: around each change the places kept for the accepted
/// order alone (beyond what the amendment's lines hold) are lent (<see cref="LendAsync"/>, released in the change's
/// transaction, whose row locks keep them from anyone else) and taken back after (<see cref="KeepAsync"/>).
/// </para>
/// </summary>
internal static class AmendmentStock
{
    /// <summary>Before a change: the quote's places become its current lines' only.</summary>
    public static Task LendAsync(this QuoteDbContext db, Domain.Quotes.Quote quote, CancellationToken cancellationToken) =>
        db.ReleaseAsync(KeptForAcceptedOrder(quote), cancellationToken);

    /// <summary>
    /// The places the quote holds for its accepted order alone while an amendment is open: per product and date, what the
    /// accepted lines hold beyond the amendment's lines. Empty without an amendment.
    /// </summary>
    public static Dictionary<(Guid ProductId, DateOnly Date), int> KeptForAcceptedOrder(Domain.Quotes.Quote quote) =>
        quote.AcceptedLines is { } kept ? Beyond(Held(kept), Held(quote.Lines)) : [];

    /// <summary>After a change: the places of the accepted order that the amendment's lines do not hold are held again.</summary>
    public static async Task KeepAsync(this QuoteDbContext db, Domain.Quotes.Quote quote, CancellationToken cancellationToken)
    {
        var extra = KeptForAcceptedOrder(quote);
        var products = await ProductsAsync(db, extra.Keys.Select(k => k.ProductId), cancellationToken);
        foreach (var ((productId, date), count) in extra.OrderBy(e => e.Key.ProductId).ThenBy(e => e.Key.Date))
        {
            if (await db.HoldAsync(products[productId], [date], count, cancellationToken) is { } full)
            {
                throw new QuoteRuleException($"Les places de la commande acceptée ne sont plus disponibles : {full}");
            }
        }
    }

    /// <summary>
    /// « Abandonner la modification », after <see cref="LendAsync"/>: from the amendment's lines' places to the accepted
    /// ones (what the amendment added is released, what it gave up is taken back: lent in this transaction, still free).
    /// </summary>
    public static async Task BackToAcceptedAsync(this QuoteDbContext db, Domain.Quotes.Quote quote, CancellationToken cancellationToken)
    {
        if (quote.AcceptedLines is not { } kept)
        {
            return;
        }

        var accepted = Held(kept);
        var current = Held(quote.Lines);
        await db.ReleaseAsync(Beyond(current, accepted), cancellationToken);
        var missing = Beyond(accepted, current);
        var products = await ProductsAsync(db, missing.Keys.Select(k => k.ProductId), cancellationToken);
        foreach (var ((productId, date), count) in missing.OrderBy(e => e.Key.ProductId).ThenBy(e => e.Key.Date))
        {
            if (await db.HoldAsync(products[productId], [date], count, cancellationToken) is { } full)
            {
                throw new QuoteRuleException($"Les places de la commande acceptée ne sont plus disponibles : {full}");
            }
        }
    }

    /// <summary>Places held per product and date by lines (their quantity per date, on the dates their product counts).</summary>
    public static Dictionary<(Guid ProductId, DateOnly Date), int> Held(IEnumerable<QuoteLine> lines) =>
        Held(lines.Select(l => (l.ProductId, l.ProductType, l.From, l.To, l.HeldPerDate)));

    public static Dictionary<(Guid ProductId, DateOnly Date), int> Held(IEnumerable<KeptLine> lines) =>
        Held(lines.Select(l => (l.ProductId, l.ProductType, l.From, l.To, l.HeldPerDate)));

    private static Dictionary<(Guid ProductId, DateOnly Date), int> Held(IEnumerable<(Guid? ProductId, ProductType? Type, DateOnly? From, DateOnly? To, int Held)> lines)
    {
        var held = new Dictionary<(Guid, DateOnly), int>();
        foreach (var line in lines)
        {
            if (line is not { ProductId: { } productId, Type: { } type, From: { } from, To: { } to, Held: > 0 })
            {
                continue;
            }

            foreach (var date in PriceCalculator.Dates(type, from, to))
            {
                held[(productId, date)] = held.GetValueOrDefault((productId, date)) + line.Held;
            }
        }

        return held;
    }

    /// <summary>What <paramref name="more"/> holds beyond <paramref name="less"/>, per product and date.</summary>
    private static Dictionary<(Guid ProductId, DateOnly Date), int> Beyond(
        Dictionary<(Guid ProductId, DateOnly Date), int> more, Dictionary<(Guid ProductId, DateOnly Date), int> less) =>
        more.Select(m => (m.Key, Count: m.Value - less.GetValueOrDefault(m.Key))).Where(m => m.Count > 0).ToDictionary(m => m.Key, m => m.Count);

    private static async Task ReleaseAsync(this QuoteDbContext db, Dictionary<(Guid ProductId, DateOnly Date), int> places, CancellationToken cancellationToken)
    {
        foreach (var ((productId, date), count) in places.OrderBy(e => e.Key.ProductId).ThenBy(e => e.Key.Date))
        {
            await db.ReleaseAsync(productId, [date], count, cancellationToken);
        }
    }

    private static async Task<Dictionary<Guid, Product>> ProductsAsync(QuoteDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Products.IgnoreQueryFilters().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}
