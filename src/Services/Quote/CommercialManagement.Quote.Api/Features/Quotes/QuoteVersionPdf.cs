using CommercialManagement.Documents;
using CommercialManagement.Quote.Api.Documents;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;

namespace CommercialManagement.Quote.Api.Features.Quotes;

using DocumentCustomer = CommercialManagement.Documents.CustomerDetails;

/// <summary>
/// An earlier sent version of a quote as its document: the current document's seller and stay (a quote keeps its stay for
/// life: a new stay makes a new quote), with the version's own customer, lines, totals and schedule, marked replaced.
/// </summary>
internal static class QuoteVersionPdf
{
    /// <param name="acceptedOn">The version is the accepted order an open amendment may replace: shown accepted on that day, not replaced.</param>
    public static QuoteDocumentModel Of(
        QuoteDocumentModel current, QuoteVersion version, int currentVersion, OrganisationCopy organisation, DateOnly? arrival, DateOnly? acceptedOn = null)
    {
        var content = version.Read();
        var totals = content.Totals;
        var issued = version.SentAt is { } sent ? DateOnly.FromDateTime(sent.UtcDateTime) : current.Quote.IssueDate;
        var schedule = PaymentSchedule.Of(totals.TotalCents, arrival, issued, organisation.DepositPercentage, organisation.BalanceDueDaysBeforeArrival);
        var counted = content.Lines.Where(l => l.Problem is null).ToList();
        var stay = current.Stay;
        var adultNights = stay.Adults * stay.Nights;
        return current with
        {
            Quote = current.Quote with
            {
                Version = version.Version, IssueDate = issued, ValidUntil = version.ValidUntil ?? current.Quote.ValidUntil,
                State = acceptedOn is null ? QuoteDocumentState.Voided : QuoteDocumentState.Accepted, AcceptedOn = acceptedOn,
                VoidReason = acceptedOn is not null ? null : (current.Language == DocumentLanguage.English, version.Version > currentVersion) switch
                {
                    (true, true) => $"Version {version.Version} withdrawn: the accepted version {currentVersion} stands.",
                    (true, false) => $"Version {version.Version} replaced by version {currentVersion}.",
                    (false, true) => $"Version {version.Version} abandonnée : la version {currentVersion} acceptée reste en vigueur.",
                    (false, false) => $"Version {version.Version} remplacée par la version {currentVersion}.",
                },
            },
            Customer = content.Customer is { } customer
                ? new DocumentCustomer
                {
                    Name = customer.Name, Email = Blank(customer.Email), Phone = Blank(customer.Phone),
                    AddressLines = [.. customer.Address.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                }
                : current.Customer,
            Lines = [.. counted.Select(l => new DocumentLine
            {
                Label = l.Label, Description = l.Description, Details = l.Details ?? [], StartDate = l.From, EndDate = l.To, Quantity = l.Quantity,
                UnitPriceInclVatCents = l.UnitPriceCents, VatRateBasisPoints = l.VatRateBasisPoints, AmountInclVatCents = l.AmountCents,
            })],
            VatBreakdown = [.. totals.VatByRate.Select(v => new VatBreakdownRow { RateBasisPoints = v.RateBasisPoints, BaseExclVatCents = v.NetCents, VatCents = v.VatCents })],
            Totals = new DocumentTotals { ExclVatCents = totals.NetCents, VatCents = totals.VatCents, InclVatCents = totals.GrossCents, GrandTotalCents = totals.TotalCents },
            TouristTax = totals.TouristTaxCents == 0 || adultNights == 0 ? null : new TouristTaxLine
            {
                Adults = stay.Adults, Nights = stay.Nights, RatePerAdultPerNightCents = totals.TouristTaxCents / adultNights, AmountCents = totals.TouristTaxCents,
            },
            Deposit = new DepositInstalment { AmountCents = schedule.WholeAmountNow ? totals.TotalCents : schedule.DepositCents },
            Balance = schedule.WholeAmountNow || schedule.BalanceDueDate is not { } due ? null : new BalanceInstalment { AmountCents = schedule.BalanceCents, DueDate = due },
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
