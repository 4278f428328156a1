using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;

namespace CommercialManagement.Quote.Api.Features.Quotes;

using Quote = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

internal sealed record LineView(
    Guid Id, int Position, LineKind Kind, Guid? ProductId, ProductType? ProductType, AgeBand? AgeBand, string Label, string? Description,
    DateOnly? From, DateOnly? To, int Quantity, int Participants, long UnitPriceCents, long AmountCents, int VatRateBasisPoints,
    long NetCents, long VatCents, IReadOnlyList<PriceComponent> Breakdown, long TouristTaxCents, bool Counted, string? Problem);

internal sealed record ScheduleView(int DepositPercentage, long DepositCents, long BalanceCents, DateOnly? BalanceDueDate, bool WholeAmountNow);

internal sealed record AcceptanceView(DateTimeOffset At, AcceptedBy By, int Version, string? From, string? Note);

internal sealed record VersionView(int Version, DateTimeOffset? SentAt, DateOnly? ValidUntil, long TotalCents, int LineCount, DateTimeOffset SupersededAt, VersionContent Content);

/// <summary>An open amendment of the accepted quote: the accepted version and total it would replace, and the difference.</summary>
internal sealed record AmendmentView(int AcceptedVersion, long AcceptedTotalCents, long DifferenceCents);

internal sealed record OtherQuoteView(Guid Id, string Number, QuoteState State, long TotalCents, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? ClosingReason);

/// <summary>The current quote of a case, as the dossier's quote panel shows it.</summary>
internal sealed record QuoteView(
    Guid Id, Guid RequestId, string Number, QuoteState State, string StateLabel, int Version, bool Expired,
    QuotedStay Stay, CustomerDetails Customer, IReadOnlyList<LineView> Lines, QuoteTotals Totals, ScheduleView Schedule,
    DateOnly? ValidUntil, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SentAt, AcceptanceView? Acceptance,
    DateTimeOffset? ClosedAt, string? ClosingReason, Guid? ReplacesQuoteId, IReadOnlyList<VersionView> PreviousVersions,
    IReadOnlyList<OtherQuoteView> OtherQuotes, IReadOnlyList<string> SendBlockers, AmendmentView? Amendment, DateTimeOffset? PlacesReleasedAt = null)
{
    public static QuoteView Of(Quote quote, OrganisationCopy organisation, DateOnly today, IEnumerable<QuoteVersion> versions, IEnumerable<Quote> others)
    {
        var totals = quote.Totals;
        var schedule = PaymentSchedule.Of(totals.TotalCents, quote.Stay.Arrival, today, organisation.DepositPercentage, organisation.BalanceDueDaysBeforeArrival);
        var lines = quote.Lines.OrderBy(l => l.Position).Select(l =>
        {
            var (net, vat) = Vat.Split(l.AmountCents, l.VatRateBasisPoints);
            return new LineView(l.Id, l.Position, l.Kind, l.ProductId, l.ProductType, l.AgeBand, l.Label, l.Description, l.From, l.To, l.Quantity,
                l.Participants, l.UnitPriceCents, l.AmountCents, l.VatRateBasisPoints, net, vat, l.Breakdown, l.TouristTaxCents, l.Counted, l.Problem);
        }).ToList();
        var validUntil = quote.ValidUntil ?? (quote.State == QuoteState.Draft ? PaymentSchedule.ValidUntil(today, organisation.QuoteValidityDays, quote.Stay.Arrival) : null);
        var acceptance = quote.AcceptedAt is { } at ? new AcceptanceView(at, quote.AcceptedBy!.Value, quote.AcceptedVersion ?? quote.Version, quote.AcceptedFrom, quote.AcceptanceNote) : null;
        return new QuoteView(
            quote.Id, quote.RequestId, quote.Number, quote.State, quote.State.Label(), quote.Version, quote.IsExpired(today),
            quote.Stay, quote.Customer, lines, totals,
            new ScheduleView(organisation.DepositPercentage, schedule.DepositCents, schedule.BalanceCents, schedule.BalanceDueDate, schedule.WholeAmountNow),
            validUntil, quote.CreatedAt, quote.UpdatedAt, quote.SentAt, acceptance, quote.ClosedAt, quote.ClosingReason, quote.ReplacesQuoteId,
            versions.OrderByDescending(v => v.Version).Select(v => new VersionView(v.Version, v.SentAt, v.ValidUntil, v.TotalCents, v.LineCount, v.SupersededAt, v.Read())).ToList(),
            others.Where(o => o.Id != quote.Id).OrderByDescending(o => o.CreatedAt)
                .Select(o => new OtherQuoteView(o.Id, o.Number, o.State, o.Totals.TotalCents, o.CreatedAt, o.ClosedAt, o.ClosingReason)).ToList(),
            quote.SendBlockers(),
            quote.AcceptedTotals is { } accepted
                ? new AmendmentView(quote.AcceptedVersion ?? quote.Version - 1, accepted.TotalCents, totals.TotalCents - accepted.TotalCents)
                : null,
            quote.PlacesReleasedAt);
    }
}
