using System.Text.Json;

namespace CommercialManagement.Quote.Api.Domain.Quotes;

/// <summary>A line as the version had it; the dates and the price breakdown were added later (null in older versions).</summary>
internal sealed record VersionLine(
    string Label, string? Description, int Quantity, long UnitPriceCents, long AmountCents, int VatRateBasisPoints, long TouristTaxCents, string? Problem,
    DateOnly? From = null, DateOnly? To = null, IReadOnlyList<string>? Details = null);

internal sealed record VersionContent(CustomerDetails? Customer, IReadOnlyList<VersionLine> Lines, QuoteTotals Totals);

/// <summary>A sent version kept read-only when the quote changed after it was sent: its lines, totals and customer.</summary>
internal sealed class QuoteVersion
{
    private QuoteVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid QuoteId { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateOnly? ValidUntil { get; private set; }

    public long TotalCents { get; private set; }

    public int LineCount { get; private set; }

    /// <summary>The version's lines, totals and customer as JSON: never queried, only shown.</summary>
    public string Content { get; private set; } = "";

    public DateTimeOffset SupersededAt { get; private set; }

    public static QuoteVersion Of(Quote quote, DateTimeOffset supersededAt)
    {
        var totals = quote.Totals;
        var content = new VersionContent(
            quote.Customer,
            quote.Lines.OrderBy(l => l.Position).Select(l => new VersionLine(
                l.Label, l.Description, l.Quantity, l.UnitPriceCents, l.AmountCents, l.VatRateBasisPoints, l.TouristTaxCents, l.Problem,
                l.From, l.To, [.. l.Breakdown.Select(b => b.Label)])).ToList(),
            totals);
        return new QuoteVersion
        {
            Id = Guid.CreateVersion7(), QuoteId = quote.Id, Version = quote.Version, SentAt = quote.SentAt, ValidUntil = quote.ValidUntil,
            TotalCents = totals.TotalCents, LineCount = quote.Lines.Count, Content = JsonSerializer.Serialize(content, JsonSerializerOptions.Web),
            SupersededAt = supersededAt,
        };
    }

    public VersionContent Read() => JsonSerializer.Deserialize<VersionContent>(Content, JsonSerializerOptions.Web)!;
}
