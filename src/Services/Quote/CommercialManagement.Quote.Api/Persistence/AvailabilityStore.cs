using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Persistence;

/// <summary>
/// Places held by quote lines on a product's dates. Each hold is one conditional UPDATE per date
/// (<c>held + n &lt;= capacity</c>) in the caller's transaction, dates in order (no deadlock between two agents): of two
/// agents taking the last unit at once, one updates the row and the other finds it full.
/// </summary>
internal static class AvailabilityStore
{
    /// <summary>
    /// Takes <paramref name="count"/> places on every date, or none of them and returns why not: the dates already taken
    /// when one is full are given back at once, so a caller that keeps its transaction (a line flagged rather than the
    /// change refused) leaves no places held by nobody.
    /// </summary>
    public static async Task<string?> HoldAsync(this QuoteDbContext db, Product product, IReadOnlyList<DateOnly> dates, int count, CancellationToken cancellationToken)
    {
        if (count <= 0 || !ProductTypes.HasAvailability(product.Type))
        {
            return null;
        }

        var taken = new List<DateOnly>();
        foreach (var date in dates.Order())
        {
            var updated = await db.Database.ExecuteSqlAsync($"""
                UPDATE availability SET "Held" = "Held" + {count}
                WHERE "ProductId" = {product.Id} AND "Date" = {date} AND "Held" + {count} <= "Capacity"
                """, cancellationToken);
            if (updated == 0)
            {
                await db.ReleaseAsync(product.Id, taken, count, cancellationToken);
                return await WhyNotAsync(db, product, date, count, cancellationToken);
            }

            taken.Add(date);
        }

        return null;
    }

    public static async Task ReleaseAsync(this QuoteDbContext db, Guid productId, IReadOnlyList<DateOnly> dates, int count, CancellationToken cancellationToken)
    {
        if (count <= 0 || dates.Count == 0)
        {
            return;
        }

        // Date by date in order, as holds are taken: a release and a hold crossing on the same dates cannot deadlock.
        foreach (var date in dates.Order())
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE availability SET "Held" = GREATEST("Held" - {count}, 0)
                WHERE "ProductId" = {productId} AND "Date" = {date}
                """, cancellationToken);
        }
    }

    /// <summary>Gives back what a line holds (removed, or its quote voided or refused).</summary>
    public static Task ReleaseAsync(this QuoteDbContext db, QuoteLine line, CancellationToken cancellationToken) =>
        line is { ProductId: { } productId, ProductType: { } type, From: { } from, To: { } to, HeldPerDate: > 0 }
            ? db.ReleaseAsync(productId, PriceCalculator.Dates(type, from, to), line.HeldPerDate, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The fewest places left over the dates, and the first date that has fewer than needed.</summary>
    /// <param name="own">Places the case itself holds and may reuse, per product and date (an open amendment's accepted order).</param>
    public static async Task<(int Left, DateOnly? Short)> LeftAsync(
        this QuoteDbContext db, Product product, IReadOnlyList<DateOnly> dates, int needed, CancellationToken cancellationToken,
        IReadOnlyDictionary<(Guid ProductId, DateOnly Date), int>? own = null)
    {
        if (!ProductTypes.HasAvailability(product.Type))
        {
            return (int.MaxValue, null);
        }

        var rows = await db.Availability.AsNoTracking().Where(a => a.ProductId == product.Id && dates.Contains(a.Date))
            .ToDictionaryAsync(a => a.Date, a => a.Capacity - a.Held + (own?.GetValueOrDefault((product.Id, a.Date)) ?? 0), cancellationToken);
        var left = dates.Select(d => rows.GetValueOrDefault(d)).DefaultIfEmpty(0).Min();
        var first = dates.Where(d => rows.GetValueOrDefault(d) < needed).Select(d => (DateOnly?)d).FirstOrDefault();
        return (left, first);
    }

    public static string Full(Product product, DateOnly date, int left, int wanted) => left <= 0
        ? $"« {product.Name} » est complet le {Money.Date(date)}."
        : $"« {product.Name} » n'a plus que {left} place(s) le {Money.Date(date)} ({wanted} demandée(s)).";

    private static async Task<string> WhyNotAsync(QuoteDbContext db, Product product, DateOnly date, int count, CancellationToken cancellationToken)
    {
        var row = await db.Availability.AsNoTracking().SingleOrDefaultAsync(a => a.ProductId == product.Id && a.Date == date, cancellationToken);
        return row is null
            ? $"« {product.Name} » n'est pas ouvert à la vente le {Money.Date(date)}."
            : Full(product, date, row.Capacity - row.Held, count);
    }

    /// <summary>A row per season date at the product's capacity; a changed capacity applies to every date (holds kept).</summary>
    public static Task OpenDatesAsync(this QuoteDbContext db, Product product, CancellationToken cancellationToken)
    {
        if (product.Capacity is not { } capacity)
        {
            return Task.CompletedTask;
        }

        var dates = product.SeasonDates().ToArray();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO availability ("ProductId", "Date", "Capacity", "Held")
            SELECT {product.Id}, d, {capacity}, 0 FROM unnest({dates}) AS d
            ON CONFLICT ("ProductId", "Date") DO UPDATE SET "Capacity" = GREATEST(excluded."Capacity", availability."Held")
            """, cancellationToken);
    }
}
