using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.TestKit;
using UglyToad.PdfPig;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// What an issued invoice says, read back from its PDF as a person would read it (issue 16): every legal mention of a
/// French invoice, the B2B ones for a business customer, and who may fetch it (staff of the organisation, the customer of
/// that case, Notification's document token).
/// </summary>
public sealed class InvoiceDocumentTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private static readonly int Year = CommercialManagement.BuildingBlocks.Locale.ParisTime.Today(TimeProvider.System).Year;

    [Fact]
    public async Task TheFactureDAcompte_NamesTheSellerTheCustomerTheServiceItsVatAndThePayment()
    {
        var scenario = await LegalScenarioAsync();
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var ledger = await Scenario.JsonAsync(await scenario.PayAsync(caseId, 30_000, reference: "VIR-1"));

        var text = await PdfTextAsync(scenario.Agent, $"/api/payments/invoices/{InvoiceId(ledger, 0)}/pdf");

        foreach (var mention in new[]
        {
            "FACTURE D'ACOMPTE", $"N° FA-{Year}-00001", "Hôtel des Cimes", "12 place de l'Église", "SAS au capital de 50 000 €", "RCS Chambéry 812 345 678",
            "SIRET 81234567800019", "TVA intracommunautaire FR32812345678",
            "Élodie Martin", "12 rue des Alpes", "69002 Lyon",
            "Selon le devis accepté DEV-2026-00042.", "Date de la prestation : séjour du 13 février 2027 au 20 février 2027.",
            "Acompte sur le devis DEV-2026-00042 : prestations à 10 %", "Acompte sur le devis DEV-2026-00042 : prestations à 20 %", "P.U. HT", "Montant HT",
            "Taxe de séjour (non soumise à la TVA) 12,00 €", "Reste à payer 0,00 €", "ACQUITTÉE", "Pénalités de retard",
        })
        {
            Assert.Contains(mention, text);
        }

        Assert.DoesNotContain("40 €", text);
    }

    [Fact]
    public async Task TheFinalInvoice_ForABusiness_DeductsTheDeposit_AndCarriesTheB2BMentions()
    {
        var scenario = await LegalScenarioAsync();
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content(companyId: "732829320", vatNumber: "FR44732829320"));
        await scenario.PayAsync(caseId, 30_000, reference: "VIR-1");
        var ledger = await Scenario.JsonAsync(await scenario.PayAsync(caseId, 70_000, "Cheque", "CHQ-2"));

        var text = await PdfTextAsync(scenario.Agent, $"/api/payments/invoices/{InvoiceId(ledger, 1)}/pdf");

        foreach (var mention in new[]
        {
            "FACTURE", $"N° FA-{Year}-00002", "Alpes Séminaires SARL", "SIREN/SIRET 732829320", "TVA intracommunautaire FR44732829320",
            "Appartement 4 pers.", "Cours collectifs", "Total HT 863,64 €", "Total TVA 96,36 €",
            "Acompte facturé", $"FA-{Year}-00001 du", "-300,00 €", "Chèque", "-700,00 €", "Reste à payer 0,00 €",
            "Indemnité forfaitaire pour frais de recouvrement", "40 €", "Pas d'escompte pour paiement anticipé.",
        })
        {
            Assert.Contains(mention, text);
        }
    }

    [Fact]
    public async Task ABusinessInvoice_IsAFacturXPdf_WhoseXmlSaysWhatThePagesSay_AndAConsumersIsPlain()
    {
        var scenario = await LegalScenarioAsync();
        var business = await scenario.AcceptedCaseAsync(content: Scenario.Content(companyId: "732829320", vatNumber: "FR44732829320"));
        await scenario.PayAsync(business, 30_000, reference: "VIR-1");
        var ledger = await Scenario.JsonAsync(await scenario.PayAsync(business, 70_000, "Cheque", "CHQ-2"));
        var consumer = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var consumerLedger = await Scenario.JsonAsync(await scenario.PayAsync(consumer, 30_000, reference: "VIR-3"));

        var deposit = await PdfAsync(scenario.Agent, $"/api/payments/invoices/{InvoiceId(ledger, 0)}/pdf");
        var final = await PdfAsync(scenario.Agent, $"/api/payments/invoices/{InvoiceId(ledger, 1)}/pdf");
        var plain = await PdfAsync(scenario.Agent, $"/api/payments/invoices/{InvoiceId(consumerLedger, 0)}/pdf");

        XNamespace ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
        foreach (var (bytes, number, typeCode) in new[] { (deposit, $"FA-{Year}-00001", "386"), (final, $"FA-{Year}-00002", "380") })
        {
            using var pdf = PdfDocument.Open(bytes);
            Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
            var file = Assert.Single(files);
            Assert.Equal("factur-x.xml", file.Name);
            using var stream = new MemoryStream(file.Bytes.ToArray());
            var xml = XDocument.Load(stream);
            var document = xml.Root!.Element(XName.Get("ExchangedDocument", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"))!;
            Assert.Equal((number, typeCode), (document.Element(ram + "ID")!.Value, document.Element(ram + "TypeCode")!.Value));
            Assert.Equal("732829320", xml.Descendants(ram + "BuyerTradeParty").Single().Descendants(ram + "ID").First().Value);
            Assert.True(pdf.TryGetXmpMetadata(out var metadata));
            Assert.Contains("<pdfaid:part>3</pdfaid:part>", System.Text.Encoding.UTF8.GetString(metadata.GetXmlBytes()), StringComparison.Ordinal);
        }

        // The final invoice's figures as its pages print them (« Total HT 863,64 € », « Total TVA 96,36 € »), the tourist tax
        // of 40 € a line of its own: line total, tax basis, tax, grand total, prepaid (the deposit and the cheque), due.
        using (var pdf = PdfDocument.Open(final))
        {
            Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
            using var stream = new MemoryStream(files[0].Bytes.ToArray());
            var summation = XDocument.Load(stream).Descendants(ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();
            Assert.Equal(["903.64", "903.64", "96.36", "1000.00", "1000.00", "0.00"], summation.Elements().Select(e => e.Value));
        }

        using (var pdf = PdfDocument.Open(plain))
        {
            Assert.False(pdf.Advanced.TryGetEmbeddedFiles(out _));
            Assert.False(pdf.Structure.Catalog.CatalogDictionary.Data.ContainsKey("AF"));
        }
    }

    [Fact]
    public async Task TheCustomer_GetsTheirOwnCasesInvoice_NotAnotherCases()
    {
        var scenario = await LegalScenarioAsync();
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var other = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var invoiceId = InvoiceId(await Scenario.JsonAsync(await scenario.PayAsync(caseId, 30_000)), 0);

        var own = await scenario.Customer(caseId).GetAsync($"/customer/payments/invoices/{invoiceId}/pdf");
        var stranger = await scenario.Customer(other).GetAsync($"/customer/payments/invoices/{invoiceId}/pdf");
        var listed = await scenario.Customer(caseId).GetFromJsonAsync<JsonElement>("/customer/payments");

        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (own.StatusCode, own.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal([$"FA-{Year}-00001"], listed.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task NotificationsDocumentToken_OpensTheInvoiceOfItsOrganisation_AndOnlyThat()
    {
        var scenario = await LegalScenarioAsync();
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var invoiceId = InvoiceId(await Scenario.JsonAsync(await scenario.PayAsync(caseId, 30_000)), 0);

        var ok = await SendAsync($"/documents/invoices/{invoiceId}/pdf", factory.Tokens.IssueForDocuments(scenario.OrganisationId));
        var otherOrganisation = await SendAsync($"/documents/invoices/{invoiceId}/pdf", factory.Tokens.IssueForDocuments(Guid.NewGuid()));
        var staffToken = await SendAsync($"/documents/invoices/{invoiceId}/pdf", factory.Tokens.Issue(scenario.OrganisationId));
        var documentTokenOnStaffRoute = await SendAsync($"/api/payments/invoices/{invoiceId}/pdf", factory.Tokens.IssueForDocuments(scenario.OrganisationId));
        var otherStaff = await factory.CreateStaffClient(Guid.NewGuid()).GetAsync($"/api/payments/invoices/{invoiceId}/pdf");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await ok.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staffToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, documentTokenOnStaffRoute.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherStaff.StatusCode);
    }

    private async Task<Scenario> LegalScenarioAsync()
    {
        var scenario = await Scenario.NewAsync(factory, name: "Hôtel des Cimes");
        await scenario.PublishAsync(new OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, Name = "Hôtel des Cimes", Kind = "AccommodationProvider",
            Address = "12 place de l'Église\n73150 Val-d'Isère", Siret = "81234567800019", VatNumber = "FR32812345678", ContactEmail = "contact@cimes.example",
            DepositPercentage = 30, BalanceDueDaysBeforeArrival = 30, QuoteValidityDays = 7, QuoteNumberPrefix = "DEV", TermsOfSale = "CGV",
            EmailSenderName = "Hôtel des Cimes", LegalForm = "SAS au capital de 50 000 €", TradeRegister = "RCS Chambéry",
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND \"LegalForm\" IS NOT NULL", scenario.OrganisationId) == 1,
            TimeSpan.FromSeconds(20)));
        return scenario;
    }

    private static Guid InvoiceId(JsonElement ledger, int index) => ledger.GetProperty("invoices")[index].GetProperty("id").GetGuid();

    private static async Task<string> PdfTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Replace('\u00A0', ' ').Replace('\u202F', ' ');
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
