using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.Api.Documents;

/// <summary>
/// The UN/CEFACT Cross Industry Invoice (CII D16B) of an issued invoice or credit note, EN 16931 profile, as Factur-X
/// embeds it in the PDF of a business customer's invoice: built from the same frozen content as the pages, so the two say
/// the same thing. Amounts with two decimals, in euros.
/// </summary>
/// <remarks>
/// What EN 16931 leaves to the issuer, decided here (ADR 0022): the tourist tax is a line of VAT category E (its exemption
/// reason saying it is collected for the commune, outside VAT), because category O « not subject to VAT » may not sit
/// beside standard-rated lines (BR-O-11); the cancellation indemnity, alone on its invoice, is category O, and such an
/// invoice names no VAT identifier (BR-O-02 to BR-O-04); the legal registration is the SIREN (ICD 0002, nine digits)
/// taken from the SIRET; a final invoice's deposits deducted and payments acknowledged are its prepaid amount.
/// </remarks>
internal static partial class InvoiceCii
{
    public const string GuidelineId = "urn:cen.eu:en16931:2017";

    public static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    public static readonly XNamespace Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    private const string TouristTaxReason = "Taxe de séjour perçue pour le compte de la commune, hors du champ de la TVA";
    private const string ZeroRatedReason = "Prestation non soumise à la TVA";

    /// <summary>A business customer's invoice gets a Factur-X PDF; a consumer's, the plain one.</summary>
    public static bool AppliesTo(Invoice invoice) => invoice.Content.Customer.IsBusiness;

    /// <summary>The XML, UTF-8 without byte order mark, indented.</summary>
    public static byte[] Build(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            Document(invoice).Save(writer);
        }

        return output.ToArray();
    }

    /// <summary>The CII document of <paramref name="invoice"/>.</summary>
    public static XDocument Document(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var content = invoice.Content;
        var text = InvoiceText.For(content.Language);
        var outsideScope = invoice.Kind == InvoiceKind.CancellationFee;
        var lines = Lines(content, text, outsideScope);

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(Rsm + "CrossIndustryInvoice",
            new XAttribute(XNamespace.Xmlns + "rsm", Rsm), new XAttribute(XNamespace.Xmlns + "qdt", Qdt),
            new XAttribute(XNamespace.Xmlns + "ram", Ram), new XAttribute(XNamespace.Xmlns + "udt", Udt),
            new XElement(Rsm + "ExchangedDocumentContext",
                new XElement(Ram + "GuidelineSpecifiedDocumentContextParameter", new XElement(Ram + "ID", GuidelineId))),
            new XElement(Rsm + "ExchangedDocument",
                new XElement(Ram + "ID", invoice.Number),
                new XElement(Ram + "TypeCode", TypeCode(invoice.Kind)),
                new XElement(Ram + "IssueDateTime", Date(Udt, invoice.IssueDate)),
                Notes(invoice, text)),
            new XElement(Rsm + "SupplyChainTradeTransaction",
                lines.Select((line, index) => LineItem(index + 1, line)),
                new XElement(Ram + "ApplicableHeaderTradeAgreement",
                    Seller(content.Seller, outsideScope),
                    Buyer(content.Customer, outsideScope)),
                new XElement(Ram + "ApplicableHeaderTradeDelivery"),
                Settlement(invoice, lines, text))));
    }

    /// <summary>380 invoice, 386 prepayment (facture d'acompte), 381 credit note (UNTDID 1001).</summary>
    public static string TypeCode(InvoiceKind kind) => kind switch
    {
        InvoiceKind.Deposit => "386",
        InvoiceKind.CreditNote => "381",
        _ => "380",
    };

    /// <summary>Cents as euros with two decimals, invariant culture.</summary>
    public static string Amount(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static List<CiiLine> Lines(InvoiceContent content, InvoiceText text, bool outsideScope)
    {
        var lines = content.Lines.Select(l => new CiiLine(
            l.Label, l.Description, l.Quantity, l.UnitPriceExclVatCents, l.AmountExclVatCents, l.VatCents,
            outsideScope ? "O" : l.VatRateBasisPoints == 0 ? "E" : "S", l.VatRateBasisPoints,
            outsideScope ? text.CancellationFeeNote : l.VatRateBasisPoints == 0 ? ZeroRatedReason : null)).ToList();
        if (content.TouristTaxCents > 0)
        {
            lines.Add(new CiiLine(text.TouristTax, null, 1, content.TouristTaxCents, content.TouristTaxCents, 0, "E", 0, TouristTaxReason));
        }

        return lines;
    }

    private static IEnumerable<XElement> Notes(Invoice invoice, InvoiceText text)
    {
        var content = invoice.Content;
        if (content.Reason is { } reason)
        {
            yield return Note(reason, null);
        }

        if (content.TouristTaxCents > 0)
        {
            yield return Note(text.TouristTaxNote, null);
        }

        // The French B2B mentions, with the subject codes the French Factur-X guidance gives them (UNTDID 4451).
        yield return Note(content.Seller.LatePaymentTerms, "PMD");
        yield return Note(text.RecoveryIndemnity, "PMT");
        yield return Note(text.NoDiscount, "AAB");
    }

    private static XElement Note(string value, string? subject) =>
        new(Ram + "IncludedNote", new XElement(Ram + "Content", value), subject is null ? null : new XElement(Ram + "SubjectCode", subject));

    private static XElement LineItem(int id, CiiLine line) => new(Ram + "IncludedSupplyChainTradeLineItem",
        new XElement(Ram + "AssociatedDocumentLineDocument", new XElement(Ram + "LineID", id.ToString(CultureInfo.InvariantCulture))),
        new XElement(Ram + "SpecifiedTradeProduct",
            new XElement(Ram + "Name", line.Name),
            line.Description is { Length: > 0 } description ? new XElement(Ram + "Description", description) : null),
        new XElement(Ram + "SpecifiedLineTradeAgreement",
            new XElement(Ram + "NetPriceProductTradePrice", new XElement(Ram + "ChargeAmount", Amount(line.UnitPriceCents)))),
        new XElement(Ram + "SpecifiedLineTradeDelivery",
            new XElement(Ram + "BilledQuantity", new XAttribute("unitCode", "C62"), line.Quantity.ToString(CultureInfo.InvariantCulture))),
        new XElement(Ram + "SpecifiedLineTradeSettlement",
            Tax(line.Category, line.RateBasisPoints, null, null, reason: null),
            new XElement(Ram + "SpecifiedTradeSettlementLineMonetarySummation", new XElement(Ram + "LineTotalAmount", Amount(line.NetCents)))));

    /// <summary>A TradeTax: its children in the order of the D16B schema.</summary>
    private static XElement Tax(string category, int rateBasisPoints, long? calculatedCents, long? basisCents, string? reason) => new(Ram + "ApplicableTradeTax",
        calculatedCents is { } calculated ? new XElement(Ram + "CalculatedAmount", Amount(calculated)) : null,
        new XElement(Ram + "TypeCode", "VAT"),
        reason is null ? null : new XElement(Ram + "ExemptionReason", reason),
        basisCents is { } basis ? new XElement(Ram + "BasisAmount", Amount(basis)) : null,
        new XElement(Ram + "CategoryCode", category),
        category == "O" ? null : new XElement(Ram + "RateApplicablePercent", Percent(rateBasisPoints)));

    private static XElement Seller(InvoiceSeller seller, bool outsideScope)
    {
        var siret = BusinessIds.Normalise(seller.Siret);
        var legal = string.Join(" – ", new[] { seller.LegalForm, seller.TradeRegister }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new XElement(Ram + "SellerTradeParty",
            new XElement(Ram + "Name", seller.Name),
            legal.Length > 0 ? new XElement(Ram + "Description", legal) : null,
            siret is null ? null : new XElement(Ram + "SpecifiedLegalOrganization", new XElement(Ram + "ID", new XAttribute("schemeID", "0002"), BusinessIds.Siren(siret))),
            Address(seller.AddressLines),
            string.IsNullOrWhiteSpace(seller.Email) ? null
                : new XElement(Ram + "URIUniversalCommunication", new XElement(Ram + "URIID", new XAttribute("schemeID", "EM"), seller.Email)),
            outsideScope || BusinessIds.Normalise(seller.VatNumber) is not { } vat ? null
                : new XElement(Ram + "SpecifiedTaxRegistration", new XElement(Ram + "ID", new XAttribute("schemeID", "VA"), vat)));
    }

    private static XElement Buyer(InvoiceCustomer customer, bool outsideScope)
    {
        var companyId = BusinessIds.Normalise(customer.CompanyId);
        return new XElement(Ram + "BuyerTradeParty",
            new XElement(Ram + "Name", customer.Name),
            companyId is null ? null : new XElement(Ram + "SpecifiedLegalOrganization", new XElement(Ram + "ID", new XAttribute("schemeID", "0002"), BusinessIds.Siren(companyId))),
            Address(customer.AddressLines),
            string.IsNullOrWhiteSpace(customer.Email) ? null
                : new XElement(Ram + "URIUniversalCommunication", new XElement(Ram + "URIID", new XAttribute("schemeID", "EM"), customer.Email)),
            outsideScope || BusinessIds.Normalise(customer.VatNumber) is not { } vat ? null
                : new XElement(Ram + "SpecifiedTaxRegistration", new XElement(Ram + "ID", new XAttribute("schemeID", "VA"), vat)));
    }

    /// <summary>
    /// A postal address from the free lines the organisation and the customer write: the line that starts with a French
    /// postcode gives the postcode and the city (« , France » dropped); the others are the street lines. The country is
    /// France: the seller's always is, and a customer's is when nothing says otherwise (the lines carry no country code).
    /// </summary>
    private static XElement Address(IReadOnlyList<string> addressLines)
    {
        string? postcode = null;
        string? city = null;
        var street = new List<string>();
        foreach (var line in addressLines)
        {
            var match = PostcodeAndCity().Match(line);
            if (postcode is null && match.Success)
            {
                postcode = match.Groups["postcode"].Value;
                city = match.Groups["city"].Value.Trim();
            }
            else if (!line.Equals("France", StringComparison.OrdinalIgnoreCase))
            {
                street.Add(line);
            }
        }

        var streetLines = street.Count <= 3 ? street : [street[0], street[1], string.Join(", ", street.Skip(2))];
        return new XElement(Ram + "PostalTradeAddress",
            postcode is null ? null : new XElement(Ram + "PostcodeCode", postcode),
            streetLines.Select((line, i) => new XElement(Ram + (i switch { 0 => "LineOne", 1 => "LineTwo", _ => "LineThree" }), line)),
            city is null ? null : new XElement(Ram + "CityName", city),
            new XElement(Ram + "CountryID", "FR"));
    }

    private static XElement Settlement(Invoice invoice, List<CiiLine> lines, InvoiceText text)
    {
        var content = invoice.Content;
        var lineTotal = lines.Sum(l => l.NetCents);
        var taxTotal = lines.Sum(l => l.VatCents);
        var grandTotal = lineTotal + taxTotal;
        var due = invoice.Kind == InvoiceKind.CreditNote ? grandTotal : content.DueCents;
        var breakdown = lines
            .GroupBy(l => (l.Category, l.RateBasisPoints, l.ExemptionReason))
            .OrderBy(g => g.Key.Category == "S" ? 0 : 1).ThenBy(g => g.Key.RateBasisPoints)
            .Select(g => Tax(g.Key.Category, g.Key.RateBasisPoints, g.Sum(l => l.VatCents), g.Sum(l => l.NetCents), g.Key.ExemptionReason));
        var terms = invoice.Kind == InvoiceKind.CreditNote ? text.CreditRefunded
            : due > 0 ? string.Format(CultureInfo.InvariantCulture, text.DueBefore, $"{Amount(due)} EUR", content.Arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : content.Payments.Count > 0 ? string.Format(CultureInfo.InvariantCulture, text.PaidOn, content.Payments.Max(p => p.ReceivedOn).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : text.Paid;

        return new XElement(Ram + "ApplicableHeaderTradeSettlement",
            new XElement(Ram + "InvoiceCurrencyCode", "EUR"),
            breakdown,
            new XElement(Ram + "BillingSpecifiedPeriod",
                new XElement(Ram + "StartDateTime", Date(Udt, content.Arrival)),
                new XElement(Ram + "EndDateTime", Date(Udt, content.Departure))),
            new XElement(Ram + "SpecifiedTradePaymentTerms", new XElement(Ram + "Description", terms)),
            new XElement(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation",
                new XElement(Ram + "LineTotalAmount", Amount(lineTotal)),
                new XElement(Ram + "TaxBasisTotalAmount", Amount(lineTotal)),
                new XElement(Ram + "TaxTotalAmount", new XAttribute("currencyID", "EUR"), Amount(taxTotal)),
                new XElement(Ram + "GrandTotalAmount", Amount(grandTotal)),
                new XElement(Ram + "TotalPrepaidAmount", Amount(grandTotal - due)),
                new XElement(Ram + "DuePayableAmount", Amount(due))),
            content.Corrects is { } corrected
                ? new XElement(Ram + "InvoiceReferencedDocument",
                    new XElement(Ram + "IssuerAssignedID", corrected.Number),
                    new XElement(Ram + "FormattedIssueDateTime", Date(Qdt, corrected.IssueDate)))
                : null);
    }

    private static XElement Date(XNamespace ns, DateOnly date) =>
        new(ns + "DateTimeString", new XAttribute("format", "102"), date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<postcode>\d{5})\s+(?<city>[^,]+)(,\s*France)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostcodeAndCity();

    /// <summary>One line of the XML: a line of the document, or the tourist tax.</summary>
    private sealed record CiiLine(
        string Name, string? Description, int Quantity, long UnitPriceCents, long NetCents, long VatCents, string Category, int RateBasisPoints, string? ExemptionReason);
}
