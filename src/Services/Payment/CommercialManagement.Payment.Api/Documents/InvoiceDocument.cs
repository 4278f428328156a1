using System.Globalization;
using CommercialManagement.Documents;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.Api.Documents;

/// <summary>
/// An invoice, a facture d'acompte or a credit note as an A4 PDF, drawn with the document kit from the content frozen at
/// issue (so the same document every time): the seller and its legal details, the customer (and its identifiers when a
/// business), the stay as the date of the service, the lines priced excluding VAT, the VAT by rate, the tourist tax
/// apart, the deposits deducted and the payments received, then the payment terms and legal mentions. A business
/// customer's is a Factur-X PDF: the same pages, PDF/A-3B, with the CII XML of the EN 16931 profile embedded
/// (<see cref="InvoiceCii"/>).
/// </summary>
internal static class InvoiceDocument
{
    public static byte[] Render(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var content = invoice.Content;
        var language = content.Language == "en" ? DocumentLanguage.English : DocumentLanguage.French;
        var document = DocumentContext.For(language);
        var text = InvoiceText.For(content.Language);
        var format = document.Format;
        var customer = Customer(content, text);
        var heading = new DocumentHeading
        {
            Kind = invoice.Kind switch
            {
                InvoiceKind.Deposit => DocumentKind.DepositInvoice,
                InvoiceKind.CreditNote => DocumentKind.CreditNote,
                _ => DocumentKind.Invoice,
            },
            Number = invoice.Number,
            IssueDate = invoice.IssueDate,
            Badge = invoice.Kind != InvoiceKind.CreditNote && content.DueCents == 0 ? new DocumentBadge(text.Paid, DocumentTone.Success) : null,
        };
        return DocumentPdf.Render(document, Seller(content.Seller), heading, customer.Name, new PageDecoration { RunningNote = customer.Name }, flow =>
        {
            PartiesPanel.Draw(flow, document, customer, new StayDetails
            {
                Arrival = content.Arrival, Departure = content.Departure, Nights = content.Departure.DayNumber - content.Arrival.DayNumber, Adults = content.Adults,
                ChildrenAges = content.ChildrenAges,
            });
            NotesSection.Draw(flow, document, text.Reference, [Reference(content, text, format)]);
            LinesTable.Draw(flow, document, [.. content.Lines.Select(Line)], LinePricing.ExclVat);
            TotalsSection.Draw(flow, document, Totals(invoice, text, format), [.. content.VatByRate.Select(r => new VatBreakdownRow
            {
                RateBasisPoints = r.RateBasisPoints, BaseExclVatCents = r.NetCents, VatCents = r.VatCents,
            })], touristTax: null);
            NotesSection.Draw(flow, document, text.Terms, Mentions(invoice, text, format));
        }, InvoiceCii.AppliesTo(invoice) ? new FacturXInvoice { Xml = InvoiceCii.Build(invoice) } : null);
    }

    private static string Reference(InvoiceContent content, InvoiceText text, DocumentFormat format) =>
        content.Corrects is { } corrected
            ? string.Format(CultureInfo.InvariantCulture, text.Corrects, corrected.Number, format.LongDate(corrected.IssueDate), format.Money(corrected.AmountCents), content.Reason)
            : string.Format(CultureInfo.InvariantCulture, text.QuoteReference, content.QuoteNumber);

    private static DocumentTotals Totals(Invoice invoice, InvoiceText text, DocumentFormat format)
    {
        var content = invoice.Content;
        var adjustments = new List<TotalsAdjustment>();
        if (content.TouristTaxCents > 0)
        {
            adjustments.Add(new TotalsAdjustment(text.TouristTax, content.TouristTaxCents));
        }

        if (invoice.Kind == InvoiceKind.CreditNote)
        {
            return new DocumentTotals
            {
                ExclVatCents = content.NetCents, VatCents = content.VatCents, InclVatCents = content.GrossCents, Adjustments = adjustments,
                GrandTotalCents = content.TotalCents, GrandTotalLabel = text.CreditTotal,
            };
        }

        adjustments.AddRange(content.Deducted.Select(d => new TotalsAdjustment(
            text.DepositDeducted, -d.AmountCents, string.Format(CultureInfo.InvariantCulture, text.DepositDeductedNote, d.Number, format.ShortDate(d.IssueDate)))));
        adjustments.AddRange(content.Payments.Select(p => new TotalsAdjustment(
            string.Format(CultureInfo.InvariantCulture, text.PaymentReceived, format.ShortDate(p.ReceivedOn)), -p.AmountCents, p.Method)));
        return new DocumentTotals
        {
            ExclVatCents = content.NetCents, VatCents = content.VatCents, InclVatCents = content.GrossCents, Adjustments = adjustments,
            GrandTotalCents = content.DueCents, GrandTotalLabel = adjustments.Count > (content.TouristTaxCents > 0 ? 1 : 0) ? text.Due : text.NetToPay,
        };
    }

    private static List<string> Mentions(Invoice invoice, InvoiceText text, DocumentFormat format)
    {
        var content = invoice.Content;
        var mentions = new List<string> { string.Format(CultureInfo.InvariantCulture, text.ServiceDate, format.LongDate(content.Arrival), format.LongDate(content.Departure)) };
        if (invoice.Kind == InvoiceKind.CreditNote)
        {
            mentions.Add(text.CreditRefunded);
        }
        else if (content.DueCents == 0 && content.Payments.Count > 0)
        {
            mentions.Add(string.Format(CultureInfo.InvariantCulture, text.PaidOn, format.LongDate(content.Payments.Max(p => p.ReceivedOn))));
        }
        else if (content.DueCents > 0)
        {
            mentions.Add(string.Format(CultureInfo.InvariantCulture, text.DueBefore, format.Money(content.DueCents), format.LongDate(content.Arrival)));
        }

        if (content.TouristTaxCents > 0)
        {
            mentions.Add(text.TouristTaxNote);
        }

        if (invoice.Kind == InvoiceKind.CancellationFee)
        {
            mentions.Add(text.CancellationFeeNote);
        }

        mentions.Add(content.Seller.LatePaymentTerms);
        if (content.Customer.IsBusiness)
        {
            mentions.Add(text.RecoveryIndemnity);
            mentions.Add(text.NoDiscount);
        }

        return mentions;
    }

    private static CustomerDetails Customer(InvoiceContent content, InvoiceText text)
    {
        var identifiers = new[]
        {
            content.Customer.CompanyId is { } id ? string.Format(CultureInfo.InvariantCulture, text.CustomerCompanyId, id) : null,
            content.Customer.VatNumber is { } vat ? string.Format(CultureInfo.InvariantCulture, text.CustomerVatNumber, vat) : null,
        }.OfType<string>();
        return new CustomerDetails { Name = content.Customer.Name, AddressLines = [.. content.Customer.AddressLines, .. identifiers], Email = content.Customer.Email };
    }

    private static SellerDetails Seller(InvoiceSeller seller) => new()
    {
        Name = seller.Name, AddressLines = seller.AddressLines, Siret = seller.Siret ?? "", VatNumber = seller.VatNumber, TravelOperatorRegistration = seller.TravelOperatorRegistration,
        LegalForm = seller.LegalForm, TradeRegister = seller.TradeRegister, Email = seller.Email ?? "", Phone = seller.Phone,
    };

    private static DocumentLine Line(InvoiceLine line) => new()
    {
        Label = line.Label, Description = line.Description, StartDate = line.From, EndDate = line.To, Quantity = line.Quantity,
        UnitPriceInclVatCents = line.AmountInclVatCents / Math.Max(line.Quantity, 1), VatRateBasisPoints = line.VatRateBasisPoints, AmountInclVatCents = line.AmountInclVatCents,
        UnitPriceExclVatCents = line.UnitPriceExclVatCents, AmountExclVatCents = line.AmountExclVatCents,
    };
}
