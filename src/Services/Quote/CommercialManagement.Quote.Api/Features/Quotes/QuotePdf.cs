using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Documents;
using CommercialManagement.Quote.Api.Documents;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CommercialManagement.Quote.Api.Features.Quotes;

using DocumentCustomer = CommercialManagement.Documents.CustomerDetails;
using Quote = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

/// <summary>
/// The quote as the customer receives it: the current version rendered to PDF (« Éditer le devis », the email's
/// attachment, the customer space's download). A voided or refused quote says « ANNULÉ » with the reason. <c>?version=n</c>
/// asks for one version: the current one, or an earlier sent one as it was (marked replaced), so that an email never attaches
/// a draft made after it was sent.
/// </summary>
internal static class QuotePdfEndpoint
{
    /// <summary>
    /// « Voir le PDF »: the same document, shown by the browser rather than downloaded (inline, with its file name kept
    /// for « Enregistrer sous »).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ShowAsync(
        Guid quoteId, int? version, HttpContext http, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await GetAsync(quoteId, version, db, time, cancellationToken);
        if (result.Result is not FileContentHttpResult file)
        {
            return result;
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(file.FileDownloadName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(file.FileContents.ToArray(), file.ContentType);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        Guid quoteId, int? version, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().Include(q => q.Lines).Include(q => q.Versions).SingleOrDefaultAsync(q => q.Id == quoteId, cancellationToken);
        if (quote is null)
        {
            return TypedResults.Problem(title: "Devis introuvable.", detail: $"Aucun devis n'a l'identifiant {quoteId}.", statusCode: StatusCodes.Status404NotFound);
        }

        var earlier = version is { } asked && asked != quote.Version ? quote.Versions.SingleOrDefault(v => v.Version == asked) : null;
        if (version is { } wanted && wanted != quote.Version && earlier is null)
        {
            return TypedResults.Problem(
                title: "Version introuvable.", detail: $"Le devis {quote.Number} n'a pas de version {wanted} : sa version actuelle est la {quote.Version}.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var organisation = await QuoteWork.OrganisationAsync(db, quote.OrganisationId, cancellationToken);
        var language = await db.Cases.AsNoTracking().Where(c => c.Id == quote.RequestId).Select(c => c.Language).SingleOrDefaultAsync(cancellationToken);
        var model = Model(quote, organisation, language, ParisTime.Today(time));
        if (earlier is not null)
        {
            // While an amendment is open, the accepted version is still the order in force, not a replaced one.
            var inForce = quote.IsAmendment && earlier.Version == quote.AcceptedVersion && quote.AcceptedAt is { } acceptedAt
                ? DateOnly.FromDateTime(acceptedAt.UtcDateTime)
                : (DateOnly?)null;
            model = QuoteVersionPdf.Of(model, earlier, quote.Version, organisation, quote.Stay.Arrival, inForce);
        }

        var suffix = earlier is null ? "" : $"-v{earlier.Version}";
        return TypedResults.File(QuoteDocument.Render(model), "application/pdf", $"{quote.Number}{suffix}.pdf");
    }

    public static QuoteDocumentModel Model(Quote quote, OrganisationCopy organisation, string? language, DateOnly today)
    {
        var totals = quote.Totals;
        var issued = quote.SentAt is { } sent ? DateOnly.FromDateTime(sent.UtcDateTime) : today;
        // The schedule the customer was sent: whether the whole amount is asked depends on the day it was issued.
        var schedule = PaymentSchedule.Of(totals.TotalCents, quote.Stay.Arrival, issued, organisation.DepositPercentage, organisation.BalanceDueDaysBeforeArrival);
        var arrival = quote.Stay.Arrival ?? issued;
        var departure = quote.Stay.Departure ?? arrival;
        var counted = quote.Lines.Where(l => l.Counted).OrderBy(l => l.Position).ToList();
        var taxed = counted.Where(l => l.TouristTaxCents > 0).ToList();
        var english = language == "en";
        return new QuoteDocumentModel
        {
            Language = english ? DocumentLanguage.English : DocumentLanguage.French,
            Seller = new SellerDetails
            {
                Name = organisation.Name, AddressLines = Lines(organisation.Address), Siret = organisation.Siret ?? "", VatNumber = organisation.VatNumber,
                TravelOperatorRegistration = organisation.TravelOperatorRegistration, Email = organisation.ContactEmail, Phone = organisation.ContactPhone,
                TermsOfSale = organisation.TermsOfSale,
            },
            Quote = new QuoteHeader
            {
                Number = quote.Number, Version = quote.Version, IssueDate = issued,
                ValidUntil = quote.ValidUntil ?? PaymentSchedule.ValidUntil(today, organisation.QuoteValidityDays, quote.Stay.Arrival),
                State = quote.State switch
                {
                    QuoteState.Sent or QuoteState.Expired => QuoteDocumentState.Sent,
                    QuoteState.Accepted => QuoteDocumentState.Accepted,
                    QuoteState.Refused or QuoteState.Voided => QuoteDocumentState.Voided,
                    _ => QuoteDocumentState.Draft,
                },
                AcceptedOn = quote.AcceptedAt is { } accepted ? DateOnly.FromDateTime(accepted.UtcDateTime) : null,
                VoidReason = quote.State == QuoteState.Refused ? $"Refusé par le client : {quote.ClosingReason}" : quote.ClosingReason,
            },
            Customer = new DocumentCustomer
            {
                Name = quote.Customer.Name, AddressLines = Lines(quote.Customer.Address), Email = NullIfEmpty(quote.Customer.Email), Phone = NullIfEmpty(quote.Customer.Phone),
            },
            Stay = new StayDetails
            {
                Arrival = arrival, Departure = departure, Nights = departure.DayNumber - arrival.DayNumber, Adults = quote.Stay.Adults, ChildrenAges = quote.Stay.ChildrenAges,
            },
            Lines = [.. counted.Select(l => new DocumentLine
            {
                Label = l.Label, Description = l.Description, Details = [.. l.Breakdown.Select(b => b.Label)], StartDate = l.From, EndDate = l.To,
                Quantity = l.Quantity, UnitPriceInclVatCents = l.UnitPriceCents, VatRateBasisPoints = l.VatRateBasisPoints, AmountInclVatCents = l.AmountCents,
            })],
            VatBreakdown = [.. totals.VatByRate.Select(v => new VatBreakdownRow { RateBasisPoints = v.RateBasisPoints, BaseExclVatCents = v.NetCents, VatCents = v.VatCents })],
            Totals = new DocumentTotals { ExclVatCents = totals.NetCents, VatCents = totals.VatCents, InclVatCents = totals.GrossCents, GrandTotalCents = totals.TotalCents },
            TouristTax = taxed.Count == 0 ? null : new TouristTaxLine
            {
                Adults = taxed.Max(l => l.TouristTaxAdults), Nights = taxed.Max(l => l.TouristTaxNights),
                RatePerAdultPerNightCents = taxed.Max(l => l.TouristTaxCentsPerAdultNight), AmountCents = totals.TouristTaxCents,
            },
            Deposit = new DepositInstalment { AmountCents = schedule.WholeAmountNow ? totals.TotalCents : schedule.DepositCents },
            Balance = schedule.WholeAmountNow || schedule.BalanceDueDate is not { } due ? null : new BalanceInstalment { AmountCents = schedule.BalanceCents, DueDate = due },
            CancellationTerms = CancellationTerms.Describe(organisation.CancellationTerms, english),
        };
    }

    private static string[] Lines(string text) =>
        [.. text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
