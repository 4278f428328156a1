using System.Net;
using System.Net.Http.Json;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>With Stripe keys: the Checkout Session request Stripe.net sends, checked against a local fake Stripe API; no sandbox.</summary>
public sealed class StripeCheckoutTests(StripeFactory factory) : IClassFixture<StripeFactory>
{
    private const string Space = "http://localhost:5100/espace/jeton-du-client";

    [Fact]
    public async Task Checkout_SendsAmountInCentsEurMetadataUrlsAndOurIdempotencyKey_TheSameAtEveryRetry()
    {
        var scenario = await Scenario.NewAsync(factory, deposit: 30);
        var caseId = await scenario.AcceptedCaseAsync(123_450);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        var customer = scenario.Customer(caseId);
        factory.Stripe.FailuresLeft = 10;

        var unavailable = await CheckoutAsync(customer, id);

        Assert.Equal(HttpStatusCode.BadGateway, unavailable.StatusCode);
        Assert.Equal("Le paiement en ligne est momentanément indisponible : réessayez dans quelques minutes.",
            (await Scenario.JsonAsync(unavailable)).GetProperty("title").GetString());
        factory.Stripe.FailuresLeft = 0;
        var opened = await CheckoutAsync(customer, id);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var url = (await Scenario.JsonAsync(opened)).GetProperty("url").GetString()!;
        Assert.StartsWith("https://checkout.stripe.test/c/pay/cs_test_fake_", url, StringComparison.Ordinal);
        Assert.Equal(url, (await Scenario.JsonAsync(await CheckoutAsync(customer, id))).GetProperty("url").GetString());

        var sent = factory.Stripe.Sent.Where(s => s.Form.GetValueOrDefault("client_reference_id") == id.ToString()).ToList();
        Assert.True(sent.Count >= 2, $"Stripe was called {sent.Count} time(s): the failed attempt, then the retry.");
        Assert.All(sent, s => Assert.Equal($"payment-request-{id:N}-session-1", s.IdempotencyKey));
        Assert.All(sent, s => Assert.Equal($"Bearer {StripeFactory.SecretKey}", s.Authorization));
        var form = sent[^1].Form;
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("1", form["line_items[0][quantity]"]);
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        Assert.Equal("37035", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("Acompte — devis DEV-2026-00042", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal(scenario.OrganisationId.ToString(), form["metadata[organisation_id]"]);
        Assert.Equal(caseId.ToString(), form["metadata[request_id]"]);
        Assert.Equal(id.ToString(), form["metadata[payment_request_id]"]);
        Assert.Equal(id.ToString(), form["payment_intent_data[metadata][payment_request_id]"]);
        Assert.Equal(Space + "?paiement=ok", form["success_url"]);
        Assert.Equal(Space + "?paiement=annule", form["cancel_url"]);
        var expiresIn = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["expires_at"], System.Globalization.CultureInfo.InvariantCulture)) - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromHours(23.5), TimeSpan.FromHours(24));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"Provider\" = 'Stripe' AND \"SessionNumber\" = 1 AND \"CheckoutUrl\" = @p1", id, url));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM sandbox_sessions"));
    }

    [Fact]
    public async Task Withdrawal_ExpiresTheLiveStripeSession_SoItsPageTakesNoPayment()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(80_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Full"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        var url = (await Scenario.JsonAsync(await CheckoutAsync(scenario.Customer(caseId), id))).GetProperty("url").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/payments/requests/{id}/cancellation", null)).StatusCode);

        // Closed by the SessionCloser once the withdrawal committed, outside its transaction.
        Assert.True(await CommercialManagement.TestKit.Eventually.TrueAsync(
            () => Task.FromResult(factory.Stripe.Expired.Contains(url.Split('/')[^1])), TimeSpan.FromSeconds(10)));
        Assert.Equal(HttpStatusCode.Conflict, (await CheckoutAsync(scenario.Customer(caseId), id)).StatusCode);
    }

    [Fact]
    public async Task Sandbox_WithAStripeKey_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/sandbox/checkout/cs_test_anything")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().PostAsync("/sandbox/checkout/cs_test_anything", new FormUrlEncodedContent([]))).StatusCode);
    }

    private static Task<HttpResponseMessage> CheckoutAsync(HttpClient client, Guid paymentRequestId) =>
        client.PostAsJsonAsync($"/customer/payments/{paymentRequestId}/checkout", new { successUrl = Space + "?paiement=ok", cancelUrl = Space + "?paiement=annule" });
}
