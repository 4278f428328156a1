using System.Globalization;
using System.Xml.Linq;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Documents;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>
/// The CII XML (EN 16931 profile) a business customer's Factur-X PDF embeds, for each kind of document: well-formed, the
/// identities and references it must carry, and the EN 16931 business rules on amounts checked in code — BR-CO-10 (the lines
/// add up to the line total), BR-CO-13 and BR-CO-15 (tax basis plus tax is the grand total), BR-CO-16 (due is grand total less
/// prepaid), BR-S-08/BR-E-08/BR-O-08 (each VAT breakdown's basis is its lines' sum), BR-CO-17 (its tax is basis × rate, to the
/// rounding the official Schematron tolerates) and the O-category rules. No XSD nor Schematron runs here (ADR 0022).
/// </summary>
public sealed class FacturXTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly XNamespace Ram = InvoiceCii.Ram;
    private static readonly XNamespace Rsm = InvoiceCii.Rsm;
    private static readonly XNamespace Udt = InvoiceCii.Udt;

    [Fact]
    public void TheFinalInvoice_ToABusiness_IsAnEn16931Invoice_WithTheDepositAndThePaymentPrepaid()
    {
        var ledger = InvoicingTests.Ledger(business: true);
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        ledger.RecordOffline(70_000, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now);
        var final = ledger.FinalInvoice!;
        ledger.Number(final, 2, Now);

        var xml = Parse(final);

        Assert.True(InvoiceCii.AppliesTo(final));
        Assert.Equal("urn:cen.eu:en16931:2017", Value(xml, Rsm + "ExchangedDocumentContext", Ram + "GuidelineSpecifiedDocumentContextParameter", Ram + "ID"));
        Assert.Equal(("FA-2026-00002", "380", "20261204"), (
            Value(xml, Rsm + "ExchangedDocument", Ram + "ID"), Value(xml, Rsm + "ExchangedDocument", Ram + "TypeCode"),
            Value(xml, Rsm + "ExchangedDocument", Ram + "IssueDateTime", Udt + "DateTimeString")));

        var seller = xml.Descendants(Ram + "SellerTradeParty").Single();
        Assert.Equal("Hôtel des Cimes", seller.Element(Ram + "Name")!.Value);
        Assert.Equal(("0002", "812345678"), SchemeAndId(seller.Element(Ram + "SpecifiedLegalOrganization")!));
        Assert.Equal(("VA", "FR32812345678"), SchemeAndId(seller.Element(Ram + "SpecifiedTaxRegistration")!));
        Assert.Equal(("73150", "12 place de l'Église", "Val-d'Isère", "FR"), Address(seller));
        Assert.Equal("SAS au capital de 50 000 € – RCS Chambéry", seller.Element(Ram + "Description")!.Value);

        var buyer = xml.Descendants(Ram + "BuyerTradeParty").Single();
        Assert.Equal("Alpes Séminaires SARL", buyer.Element(Ram + "Name")!.Value);
        Assert.Equal(("0002", "732829320"), SchemeAndId(buyer.Element(Ram + "SpecifiedLegalOrganization")!));
        Assert.Equal(("VA", "FR44732829320"), SchemeAndId(buyer.Element(Ram + "SpecifiedTaxRegistration")!));
        Assert.Equal(("69002", "12 rue des Alpes", "Lyon", "FR"), Address(buyer));

        // The stay is the invoicing period.
        var period = xml.Descendants(Ram + "BillingSpecifiedPeriod").Single();
        Assert.Equal(("20270213", "20270220"), (period.Element(Ram + "StartDateTime")!.Value, period.Element(Ram + "EndDateTime")!.Value));

        // The quote's lines, then the tourist tax apart, outside VAT.
        Assert.Equal(
            [("1", "Appartement 4 pers.", "1", "763.64", "S", "10.00"), ("2", "Cours collectifs", "2", "100.00", "S", "20.00"), ("3", "Taxe de séjour (non soumise à la TVA)", "1", "40.00", "E", "0.00")],
            Lines(xml));
        Assert.All(xml.Descendants(Ram + "BilledQuantity"), q => Assert.Equal("C62", q.Attribute("unitCode")!.Value));
        Assert.Equal("50.00", xml.Descendants(Ram + "ChargeAmount").ElementAt(1).Value);

        Assert.Equal(
            [("S", "10.00", "763.64", "76.36"), ("S", "20.00", "100.00", "20.00"), ("E", "0.00", "40.00", "0.00")],
            Breakdown(xml).Select(b => (b.Category, b.Rate, b.Basis, b.Tax)));
        Assert.Contains("Taxe de séjour", xml.Descendants(Ram + "ExemptionReason").Single().Value, StringComparison.Ordinal);

        Assert.Equal(("903.64", "903.64", "96.36", "1000.00", "1000.00", "0.00"), Totals(xml));
        Assert.Equal("EUR", Summation(xml).Element(Ram + "TaxTotalAmount")!.Attribute("currencyID")!.Value);
        Assert.Equal(["PMD", "PMT", "AAB"], xml.Descendants(Ram + "SubjectCode").Select(c => c.Value));
        Assert.Empty(xml.Descendants(Ram + "InvoiceReferencedDocument"));
        AssertEn16931Arithmetic(xml, final.Content);
    }

    [Fact]
    public void TheFactureDAcompte_ToABusiness_Is386_SharedAcrossTheRates_AndPaid()
    {
        var ledger = InvoicingTests.Ledger(business: true);
        ledger.RecordOffline(33_333, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        var deposit = ledger.Invoices[0];
        ledger.Number(deposit, 1, Now);

        var xml = Parse(deposit);

        Assert.Equal("386", Value(xml, Rsm + "ExchangedDocument", Ram + "TypeCode"));
        Assert.Equal(
            [("S", "10.00", "254.55", "25.45"), ("S", "20.00", "33.33", "6.67"), ("E", "0.00", "13.33", "0.00")],
            Breakdown(xml).Select(b => (b.Category, b.Rate, b.Basis, b.Tax)));
        Assert.Equal(("301.21", "301.21", "32.12", "333.33", "333.33", "0.00"), Totals(xml));
        Assert.Equal("Facture acquittée le 2026-12-04.", Value(xml, Rsm + "SupplyChainTradeTransaction", Ram + "ApplicableHeaderTradeSettlement", Ram + "SpecifiedTradePaymentTerms", Ram + "Description"));
        AssertEn16931Arithmetic(xml, deposit.Content);
    }

    [Fact]
    public void TheAvoir_ToABusiness_Is381_AndNamesTheInvoiceItCorrects()
    {
        var ledger = InvoicingTests.Ledger(business: true);
        var payment = ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 7, Now);
        ledger.RecordRefund(payment.Id, "re_1", 10_000, Now, Now);
        var avoir = ledger.Unnumbered.Single();
        ledger.Number(avoir, 3, Now);

        var xml = Parse(avoir);

        Assert.Equal(("AV-2026-00003", "381"), (Value(xml, Rsm + "ExchangedDocument", Ram + "ID"), Value(xml, Rsm + "ExchangedDocument", Ram + "TypeCode")));
        var corrected = xml.Descendants(Ram + "InvoiceReferencedDocument").Single();
        Assert.Equal("FA-2026-00007", corrected.Element(Ram + "IssuerAssignedID")!.Value);
        Assert.Equal("20261204", corrected.Element(Ram + "FormattedIssueDateTime")!.Elements().Single().Value);
        // Positive amounts: the type code says it is a credit; what it credits is due back to the customer.
        Assert.Equal(("90.36", "90.36", "9.64", "100.00", "0.00", "100.00"), Totals(xml));
        Assert.Contains(xml.Descendants(Ram + "IncludedNote"), n => n.Element(Ram + "Content")!.Value == "Remboursement");
        AssertEn16931Arithmetic(xml, avoir.Content);
    }

    [Fact]
    public void TheCancellationIndemnity_ToABusiness_IsOutsideTheScopeOfVat_AndNamesNoVatNumber()
    {
        var ledger = InvoicingTests.Ledger(arrival: Today.AddDays(40), business: true);
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        ledger.Cancel(CancellationRequestedBy.Customer, "Changement de projet", 30_000, null, null, null, "Agent", Today, Now);
        var fee = Assert.Single(ledger.Unnumbered, i => i.Kind == InvoiceKind.CancellationFee);
        ledger.Number(fee, 2, Now);

        var xml = Parse(fee);

        Assert.Equal("380", Value(xml, Rsm + "ExchangedDocument", Ram + "TypeCode"));
        var tax = Assert.Single(xml.Descendants(Ram + "ApplicableHeaderTradeSettlement").Elements(Ram + "ApplicableTradeTax"));
        Assert.Equal(("O", "300.00", "0.00"), (tax.Element(Ram + "CategoryCode")!.Value, tax.Element(Ram + "BasisAmount")!.Value, tax.Element(Ram + "CalculatedAmount")!.Value));
        Assert.NotEmpty(tax.Element(Ram + "ExemptionReason")!.Value);
        // BR-O-02 to BR-O-07: no VAT identifier, no rate anywhere.
        Assert.Empty(xml.Descendants(Ram + "SpecifiedTaxRegistration"));
        Assert.Empty(xml.Descendants(Ram + "RateApplicablePercent"));
        Assert.Equal(("0002", "812345678"), SchemeAndId(xml.Descendants(Ram + "SellerTradeParty").Single().Element(Ram + "SpecifiedLegalOrganization")!));
        AssertEn16931Arithmetic(xml, fee.Content);
    }

    [Fact]
    public void AConsumersInvoice_GetsNoFacturX()
    {
        var ledger = InvoicingTests.Ledger();
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);

        Assert.False(InvoiceCii.AppliesTo(ledger.Invoices[0]));
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(123_456L, "1234.56")]
    [InlineData(-10_000L, "-100.00")]
    public void Amounts_HaveTwoDecimals_WithAPoint(long cents, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            Assert.Equal(expected, InvoiceCii.Amount(cents));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>
    /// The EN 16931 rules on amounts, as the official CII Schematron states them, and the XML's figures equal to the
    /// document's (the PDF's) own.
    /// </summary>
    private static void AssertEn16931Arithmetic(XDocument xml, InvoiceContent content)
    {
        var lines = xml.Descendants(Ram + "IncludedSupplyChainTradeLineItem").Select(l => (
            Category: l.Descendants(Ram + "CategoryCode").Single().Value,
            Rate: l.Descendants(Ram + "RateApplicablePercent").SingleOrDefault()?.Value,
            Net: Cents(l.Descendants(Ram + "LineTotalAmount").Single().Value))).ToList();
        var summation = Summation(xml);
        long Total(string name) => Cents(summation.Element(Ram + name)!.Value);

        // BR-CO-10, BR-CO-13 (no document-level allowance or charge), BR-CO-15, BR-CO-16.
        Assert.Equal(lines.Sum(l => l.Net), Total("LineTotalAmount"));
        Assert.Equal(Total("LineTotalAmount"), Total("TaxBasisTotalAmount"));
        Assert.Equal(Total("TaxBasisTotalAmount") + Total("TaxTotalAmount"), Total("GrandTotalAmount"));
        Assert.Equal(Total("GrandTotalAmount") - Total("TotalPrepaidAmount"), Total("DuePayableAmount"));
        var breakdown = Breakdown(xml);
        Assert.Equal(breakdown.Sum(b => Cents(b.Tax)), Total("TaxTotalAmount"));

        foreach (var (category, rate, basis, tax) in breakdown)
        {
            // BR-S-08, BR-E-08, BR-O-08: the basis is the sum of the lines of that category and rate.
            Assert.Equal(lines.Where(l => l.Category == category && l.Rate == (category == "O" ? null : rate)).Sum(l => l.Net), Cents(basis));

            // BR-CO-17: the tax is basis × rate, rounded. Each line's TTC is split to the cent on its own (ADR 0022), so the
            // sum of the lines' VAT may be a cent off per line from the rate applied to the sum; the official Schematron
            // accepts up to one euro.
            var rateValue = rate is null ? 0m : decimal.Parse(rate, CultureInfo.InvariantCulture);
            var expected = (long)Math.Round(Cents(basis) * rateValue / 100m, MidpointRounding.AwayFromZero);
            Assert.InRange(Cents(tax) - expected, -lines.Count(l => l.Category == category && l.Rate == rate), lines.Count(l => l.Category == category && l.Rate == rate));
        }

        // The figures of the PDF.
        Assert.Equal(content.VatByRate.Where(r => r.RateBasisPoints > 0 || content.Lines.All(l => l.VatRateBasisPoints == 0)).Select(r => (r.NetCents, r.VatCents)),
            breakdown.Where(b => b.Category != "E").Select(b => (Cents(b.Basis), Cents(b.Tax))));
        Assert.Equal(content.TotalCents, Total("GrandTotalAmount"));
        Assert.Equal(content.VatCents, Total("TaxTotalAmount"));
    }

    private static XDocument Parse(Invoice invoice)
    {
        var bytes = InvoiceCii.Build(invoice);
        Assert.NotEqual(0xEF, bytes[0]);
        using var stream = new MemoryStream(bytes);
        var xml = XDocument.Load(stream);
        Assert.Equal(Rsm + "CrossIndustryInvoice", xml.Root!.Name);
        return xml;
    }

    private static string Value(XDocument xml, params XName[] path)
    {
        var node = xml.Root!;
        foreach (var name in path)
        {
            node = node.Elements(name).Single();
        }

        return node.Value;
    }

    private static (string Scheme, string Id) SchemeAndId(XElement holder)
    {
        var id = holder.Element(Ram + "ID")!;
        return (id.Attribute("schemeID")!.Value, id.Value);
    }

    private static (string?, string?, string?, string?) Address(XElement party)
    {
        var address = party.Element(Ram + "PostalTradeAddress")!;
        return (address.Element(Ram + "PostcodeCode")?.Value, address.Element(Ram + "LineOne")?.Value, address.Element(Ram + "CityName")?.Value, address.Element(Ram + "CountryID")?.Value);
    }

    private static List<(string, string, string, string, string, string?)> Lines(XDocument xml) =>
        [.. xml.Descendants(Ram + "IncludedSupplyChainTradeLineItem").Select(l => (
            l.Descendants(Ram + "LineID").Single().Value,
            l.Descendants(Ram + "Name").Single().Value,
            l.Descendants(Ram + "BilledQuantity").Single().Value,
            l.Descendants(Ram + "LineTotalAmount").Single().Value,
            l.Descendants(Ram + "CategoryCode").Single().Value,
            l.Descendants(Ram + "RateApplicablePercent").SingleOrDefault()?.Value))];

    private static List<(string Category, string? Rate, string Basis, string Tax)> Breakdown(XDocument xml) =>
        [.. xml.Descendants(Ram + "ApplicableHeaderTradeSettlement").Elements(Ram + "ApplicableTradeTax").Select(t => (
            t.Element(Ram + "CategoryCode")!.Value,
            t.Element(Ram + "RateApplicablePercent")?.Value,
            t.Element(Ram + "BasisAmount")!.Value,
            t.Element(Ram + "CalculatedAmount")!.Value))];

    private static XElement Summation(XDocument xml) => xml.Descendants(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();

    private static (string, string, string, string, string, string) Totals(XDocument xml)
    {
        var s = Summation(xml);
        return (s.Element(Ram + "LineTotalAmount")!.Value, s.Element(Ram + "TaxBasisTotalAmount")!.Value, s.Element(Ram + "TaxTotalAmount")!.Value,
            s.Element(Ram + "GrandTotalAmount")!.Value, s.Element(Ram + "TotalPrepaidAmount")!.Value, s.Element(Ram + "DuePayableAmount")!.Value);
    }

    private static long Cents(string amount) => (long)(decimal.Parse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100m);
}
