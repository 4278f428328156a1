using System.Net;
using System.Net.Http.Json;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>The customer space's payments with a customer token: what is due and paid, « Payer » through the sandbox, one case only.</summary>
public sealed class CustomerPaymentTests(SandboxFactory factory) : IClassFixture<SandboxFactory>
{
    private const string Space = "http://localhost:5100/espace/jeton-du-client";

    [Fact]
    public async Task Payments_ShowWhatIsDueAndWhatWasPaid()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, "HolidayVouchers", null, "2026-11-20")).StatusCode);
        var ledger = await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Balance"));
        var balanceId = ledger.GetProperty("requests")[0].GetProperty("id").GetGuid();

        var payments = await scenario.Customer(caseId).GetFromJsonAsync<System.Text.Json.JsonElement>("/customer/payments");

        Assert.Equal(("DEV-2026-00042", 100_000L, 30_000L, 70_000L), (payments.GetProperty("quoteNumber").GetString(), payments.GetProperty("acceptedTotalCents").GetInt64(),
            payments.GetProperty("paidCents").GetInt64(), payments.GetProperty("remainingCents").GetInt64()));
        var due = Assert.Single(payments.GetProperty("due").EnumerateArray());
        Assert.Equal((balanceId, "Solde", 70_000L), (due.GetProperty("id").GetGuid(), due.GetProperty("kindLabel").GetString(), due.GetProperty("amountCents").GetInt64()));
        var made = Assert.Single(payments.GetProperty("paid").EnumerateArray());
        Assert.Equal(("Acompte", 30_000L, "2026-11-20", "Chèques vacances"), (made.GetProperty("kindLabel").GetString(), made.GetProperty("amountCents").GetInt64(),
            made.GetProperty("receivedOn").GetString(), made.GetProperty("methodLabel").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Customer(Guid.NewGuid()).GetAsync("/customer/payments")).StatusCode);
    }

    [Fact]
    public async Task Checkout_OpensASandboxSessionOnTheSpacesOrigin_ReusesIt_AndRefusesOnceCancelled()
    {
        var scenario = await Scenario.NewAsync(factory, name: "Chalet des Mélèzes");
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        var customer = scenario.Customer(caseId);

        var first = await CheckoutAsync(customer, id);
        var second = await CheckoutAsync(customer, id);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var url = (await Scenario.JsonAsync(first)).GetProperty("url").GetString()!;
        Assert.Matches("^http://localhost:5100/sandbox/checkout/cs_test_[A-Za-z0-9]{32}$", url);
        Assert.Equal(url, (await Scenario.JsonAsync(second)).GetProperty("url").GetString());
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM sandbox_sessions WHERE \"PaymentRequestId\" = @p0", id));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM sandbox_sessions WHERE \"PaymentRequestId\" = @p0 AND \"AmountCents\" = 30000 AND \"MerchantName\" = 'Chalet des Mélèzes' AND \"Description\" = 'Acompte — devis DEV-2026-00042' AND \"SuccessUrl\" = @p1",
            id, Space + "?paiement=ok"));

        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/payments/requests/{id}/cancellation", null)).StatusCode);
        var cancelled = await CheckoutAsync(customer, id);
        Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
        Assert.Equal("Cette demande de paiement a été annulée : contactez-nous si vous souhaitez régler.", (await Scenario.JsonAsync(cancelled)).GetProperty("title").GetString());
        var deadPage = await factory.CreateClient().GetStringAsync(new Uri(url).AbsolutePath);
        Assert.Contains("Cette page de paiement n&#39;est plus valable", deadPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", deadPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredRequest_IsShownExpiredToStaff_NotDueToTheCustomer_RefusedAtCheckout_AndNoLongerBlocksItsKind()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        await factory.ExecuteAsync($"UPDATE payment_requests SET \"ExpiresAt\" = now() - interval '1 minute' WHERE \"Id\" = '{id}'");

        var ledger = await scenario.LedgerAsync(caseId);
        var request = ledger.GetProperty("requests")[0];
        Assert.Equal(("Expired", "Expirée"), (request.GetProperty("status").GetString(), request.GetProperty("statusLabel").GetString()));
        Assert.True(PaymentRequestTests.Options(ledger)["Deposit"].Allowed);
        Assert.Equal(0, (await scenario.Customer(caseId).GetFromJsonAsync<System.Text.Json.JsonElement>("/customer/payments")).GetProperty("due").GetArrayLength());
        var refused = await CheckoutAsync(scenario.Customer(caseId), id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("Cette demande de paiement a expiré le ", (await Scenario.JsonAsync(refused)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_AnotherCasesToken_OrAnotherOrganisation_Is404_BadUrls400_StaffTokens401()
    {
        var scenario = await Scenario.NewAsync(factory);
        var other = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Full"))).GetProperty("requests")[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutAsync(scenario.Customer(Guid.NewGuid()), id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutAsync(other.Customer(caseId), id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Customer(caseId).GetAsync("/customer/payments")).StatusCode);
        var bad = await scenario.Customer(caseId).PostAsJsonAsync($"/customer/payments/{id}/checkout", new { successUrl = "/espace/x", cancelUrl = "javascript:alert(1)" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CheckoutAsync(scenario.Agent, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.Customer(caseId).GetAsync($"/api/payments/by-request/{caseId}")).StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM sandbox_sessions WHERE \"PaymentRequestId\" = @p0", id));
    }

    internal static Task<HttpResponseMessage> CheckoutAsync(HttpClient client, Guid paymentRequestId) =>
        client.PostAsJsonAsync($"/customer/payments/{paymentRequestId}/checkout", new { successUrl = Space + "?paiement=ok", cancelUrl = Space + "?paiement=annule" });
}
