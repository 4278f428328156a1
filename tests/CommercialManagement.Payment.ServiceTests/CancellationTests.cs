using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;
using UglyToad.PdfPig;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// « Annuler le dossier » through the Payment API (issue 16): deposit → facture d'acompte → balance → cancellation 20 days
/// before the arrival → refund → avoir, with the terms' amounts, an Admin's override, and the refusals.
/// </summary>
public sealed class CancellationTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private static readonly int Year = CommercialManagement.BuildingBlocks.Locale.ParisTime.Today(TimeProvider.System).Year;

    [Fact]
    public async Task PaidInFull_CancelledAt20Days_HalfIsKeptAndInvoiced_HalfRefunded_TheSaleCredited()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await CaseArrivingInAsync(scenario, 20);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, reference: "VIR-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 70_000, "Cheque", "CHQ-2")).StatusCode);

        var preview = await scenario.Agent.GetFromJsonAsync<JsonElement>($"/api/payments/by-request/{caseId}/cancellation");
        Assert.Equal((20, 50_000L, 100_000L, 50_000L, 50_000L), (preview.GetProperty("daysBeforeArrival").GetInt32(), preview.GetProperty("termsRetainedCents").GetInt64(),
            preview.GetProperty("heldCents").GetInt64(), preview.GetProperty("keptCents").GetInt64(), preview.GetProperty("refundCents").GetInt64()));
        Assert.Equal("Annulation de 8 à 30 jours avant l'arrivée : 50 % du montant total est retenu.", preview.GetProperty("rule").GetString());

        var response = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/cancellation", new
        {
            requestedBy = "Customer", reason = "Jambe cassée", refund = new { method = "BankTransfer", reference = "VIR-REMB-7" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ledger = await Scenario.JsonAsync(response);
        Assert.Equal(
            [($"FA-{Year}-00001", "Deposit"), ($"FA-{Year}-00002", "Final"), ($"AV-{Year}-00001", "CreditNote"), ($"FA-{Year}-00003", "CancellationFee")],
            ledger.GetProperty("invoices").EnumerateArray().Select(i => (i.GetProperty("number").GetString(), i.GetProperty("kind").GetString())));
        Assert.Equal(50_000, ledger.GetProperty("refundedCents").GetInt64());
        Assert.Equal("VIR-REMB-7", ledger.GetProperty("refunds")[0].GetProperty("reference").GetString());
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%CaseCancelled' AND payload->>'requestId' = @p0 AND (payload->>'refundCents')::bigint = 50000", caseId.ToString()));
        var fee = ledger.GetProperty("invoices")[3].GetProperty("id").GetGuid();
        var text = await PdfTextAsync(scenario.Agent, $"/api/payments/invoices/{fee}/pdf");
        Assert.Contains("Indemnité d'annulation : devis DEV-2026-00042, annulé 20", text);
        Assert.Contains("Sommes déjà versées", text);
        Assert.Contains("-500,00 €", text);
        Assert.Contains("Reste à payer 0,00 €", text);
        Assert.Contains("hors du champ de la TVA", text);
        var avoir = await PdfTextAsync(scenario.Agent, $"/api/payments/invoices/{ledger.GetProperty("invoices")[2].GetProperty("id").GetGuid()}/pdf");
        Assert.Contains($"Avoir sur la facture FA-{Year}-00002", avoir);
        Assert.Contains("Montant de l'avoir 1 000,00 €", avoir);

        var again = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/cancellation", new { requestedBy = "Customer", reason = "encore" });
        var payAfter = await scenario.PayAsync(caseId, 100, "Cash", "");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, payAfter.StatusCode);
    }

    [Fact]
    public async Task AnAgent_CannotKeepAnotherAmount_AnAdminCan_WithAReason()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await CaseArrivingInAsync(scenario, 20);
        await scenario.PayAsync(caseId, 30_000, reference: "VIR-1");
        var body = new { requestedBy = "Organisation", reason = "Chalet inondé", retainedCents = 0L, overrideReason = "Notre faute : tout est rendu", refund = new { method = "BankTransfer", reference = "VIR-REMB-8" } };

        var agent = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/cancellation", body);
        var admin = await factory.CreateStaffClient(scenario.OrganisationId, StaffClaims.AdminRole).PostAsJsonAsync($"/api/payments/by-request/{caseId}/cancellation", body);

        Assert.Equal(HttpStatusCode.BadRequest, agent.StatusCode);
        Assert.Contains("Seul un administrateur", await agent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var ledger = await Scenario.JsonAsync(admin);
        Assert.Equal(30_000, ledger.GetProperty("refundedCents").GetInt64());
        Assert.DoesNotContain(ledger.GetProperty("invoices").EnumerateArray(), i => i.GetProperty("kind").GetString() == "CancellationFee");
    }

    [Fact]
    public async Task BadInput_IsA400_NamingTheField_AndNothingIsStored()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await CaseArrivingInAsync(scenario, 20);
        await scenario.PayAsync(caseId, 30_000, reference: "VIR-1");
        await scenario.PayAsync(caseId, 70_000, "Cheque", "CHQ-2");

        var noWho = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/cancellation", new { requestedBy = "Moi", reason = "x" });
        var noRefund = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/cancellation", new { requestedBy = "Customer", reason = "x" });
        var badMethod = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/cancellation", new { requestedBy = "Customer", reason = "x", refund = new { method = "Bitcoin" } });

        Assert.All([noWho, noRefund, badMethod], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("requestedBy", await noWho.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"refund\"", await noRefund.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("refund.method", await badMethod.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0 AND \"CancelledAt\" IS NOT NULL", caseId));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Series\" = 'AV'", caseId));
    }

    private static async Task<Guid> CaseArrivingInAsync(Scenario scenario, int days)
    {
        var caseId = Guid.CreateVersion7();
        await scenario.PublishAsync(scenario.Request(caseId, days));
        var accepted = scenario.Accepted(caseId, 100_000, content: Scenario.Content());
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(caseId, accepted.QuoteId);
        return caseId;
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Replace('\u00A0', ' ').Replace('\u202F', ' ');
    }
}
