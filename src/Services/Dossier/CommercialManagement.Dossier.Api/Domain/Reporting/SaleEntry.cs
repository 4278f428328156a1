using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Dossier.Api.Domain.Reporting;

/// <summary>
/// One movement of the accepted turnover (« CA accepté ») of « Pilotage »: a line of an accepted quote (TTC, its tourist
/// tax included, as the board's totals), or the reversal of what a case had accepted when an amendment replaces it, its
/// quote is voided or the case is cancelled. Rows are only ever added, dated when the change happened: a month's figure
/// never changes after the fact, and a case's current accepted lines are the sum of its rows per product.
/// </summary>
internal sealed class SaleEntry : ITenantOwned
{
    /// <summary>What a line without a product is filed under (a custom line, or an acceptance from before lines travelled).</summary>
    public const string OtherType = "Other";

    private SaleEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid DossierId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Positive for a line accepted, negative for its reversal.</summary>
    public long AmountCents { get; private set; }

    /// <summary>The catalogue's product type (Accommodation, SkiLesson…), <see cref="OtherType"/> for a line without a product.</summary>
    public string ProductType { get; private set; } = OtherType;

    public Guid? ProductId { get; private set; }

    /// <summary>The product's name as the quote printed it (the line's label when it has no product).</summary>
    public string ProductName { get; private set; } = "";

    /// <summary>The line's dates (an accommodation's arrival and departure): the nights its units occupy.</summary>
    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>The line's quantity (an accommodation's units), negative in a reversal.</summary>
    public int Units { get; private set; }

    /// <summary>The accepted lines of <paramref name="dossier"/>: one row per line, or the whole total when the event carried no content.</summary>
    public static List<SaleEntry> Accepted(Dossier dossier, AcceptedQuoteContent? content, long totalCents, DateTimeOffset at)
    {
        if (content is null || content.Lines.Count == 0)
        {
            return [Of(dossier, at, totalCents, OtherType, null, "", null, null, 0)];
        }

        var entries = content.Lines
            .Select(l => Of(dossier, at, checked(l.AmountInclVatCents + l.TouristTaxCents), ProductTypeOf(l), l.ProductId, l.ProductName ?? l.Label, l.From, l.To, l.Quantity))
            .ToList();

        // The tourist tax the content carries apart from its lines (none today) and any rounding: the rows add up to the total.
        var left = totalCents - entries.Sum(e => e.AmountCents);
        if (left != 0)
        {
            entries.Add(Of(dossier, at, left, OtherType, null, "", null, null, 0));
        }

        return entries;
    }

    /// <summary>The reversal of every row of the case so far, grouped by product and dates: the case then counts for nothing accepted nor occupied.</summary>
    public static List<SaleEntry> Reversal(Dossier dossier, IEnumerable<SaleEntry> existing, DateTimeOffset at) =>
        [.. existing
            .GroupBy(e => (e.ProductType, e.ProductId, e.ProductName, e.From, e.To))
            .Select(g => (g.Key, Cents: g.Sum(e => e.AmountCents), Units: g.Sum(e => e.Units)))
            .Where(g => g.Cents != 0 || g.Units != 0)
            .Select(g => Of(dossier, at, -g.Cents, g.Key.ProductType, g.Key.ProductId, g.Key.ProductName, g.Key.From, g.Key.To, -g.Units))];

    private static string ProductTypeOf(AcceptedQuoteLine line) =>
        string.IsNullOrWhiteSpace(line.ProductType) ? OtherType : line.ProductType;

    private static SaleEntry Of(Dossier dossier, DateTimeOffset at, long cents, string type, Guid? productId, string name, DateOnly? from, DateOnly? to, int units) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = dossier.OrganisationId,
        DossierId = dossier.Id,
        At = at,
        AmountCents = cents,
        ProductType = type,
        ProductId = productId,
        ProductName = name.Length > 200 ? name[..200] : name,
        From = from,
        To = to,
        Units = units,
    };
}
