using System.Globalization;
using CommercialManagement.Documents;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.Api.Features.Exports;

/// <summary>
/// The tourist-tax statement as a PDF, drawn with the invoices' document kit (same header, fonts and footer): the period,
/// one paragraph per stay with its counts and amount, then the totals the declaration asks for.
/// </summary>
internal static class TouristTaxDocument
{
    public static byte[] Render(OrganisationSettings seller, ExportPeriod period, IReadOnlyList<TouristTaxStay> stays, DateOnly today)
    {
        var document = DocumentContext.For(DocumentLanguage.French);
        var format = document.Format;
        var totals = TouristTaxTotals.Of(stays);
        var heading = new DocumentHeading { Kind = DocumentKind.TouristTaxStatement, Number = period.FileSuffix, IssueDate = today };
        var details = new SellerDetails
        {
            Name = seller.Name, AddressLines = [.. seller.Address.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Siret = seller.Siret ?? "", VatNumber = seller.VatNumber, LegalForm = seller.LegalForm, TradeRegister = seller.TradeRegister,
            TravelOperatorRegistration = seller.TravelOperatorRegistration, Email = seller.ContactEmail ?? "", Phone = seller.ContactPhone,
        };
        return DocumentPdf.Render(document, details, heading, $"Taxe de séjour {period.Label}", new PageDecoration { RunningNote = period.Label }, flow =>
        {
            NotesSection.Draw(flow, document, "Période", [$"Nuits passées {period.Label}, Europe/Paris. Taxe par adulte et par nuit ; les mineurs (moins de 18 ans) sont exonérés."]);
            NotesSection.Draw(flow, document, "Séjours", stays.Count == 0 ? ["Aucun séjour dans la période."] : [.. stays.Select(s => string.Format(
                CultureInfo.InvariantCulture, "{0} · {1} · du {2} au {3} : {4} nuit(s) dans la période, {5} personne(s), {6} assujettie(s), {7} exonérée(s), {8} nuitée(s) à {9} : {10}",
                s.QuoteNumber, s.CustomerName, format.ShortDate(s.Arrival), format.ShortDate(s.Departure), s.Nights, s.Persons, s.Liable, s.Exempt, s.TaxedNights,
                format.Money(s.CentsPerAdultNight), format.Money(s.AmountCents)))]);
            NotesSection.Draw(flow, document, "Totaux",
            [
                string.Format(CultureInfo.InvariantCulture, "{0} séjour(s), {1} personne(s) dont {2} assujettie(s) et {3} exonérée(s), {4} nuitée(s) taxée(s).",
                    totals.Stays, totals.Persons, totals.Liable, totals.Exempt, totals.TaxedNights),
                $"Taxe de séjour collectée : {format.Money(totals.AmountCents)}",
            ]);
        });
    }
}
