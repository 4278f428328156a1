using System.Net;
using System.Net.Http.Json;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// The idempotency key and the parameters it is sent with: a session made at Stripe whose answer was lost is found again by
/// the next « Payer » (the same key, the same parameters), and a key Stripe refuses is renewed once.
/// </summary>
public sealed class CheckoutKeyTests(StripeFactory factory) : IClassFixture<StripeFactory>
{
    private const string Space = "http://localhost:5100/espace/jeton-du-client";

    [Fact]
    public async Task AnswerLost_ThenPayerAgainLater_SendsTheSameParameters_AndGetsTheSessionStripeMade()
    {
        var (customer, id) = await RequestAsync();
        factory.Stripe.LostAnswersLeft = 10;
        Assert.Equal(HttpStatusCode.BadGateway, (await CheckoutAsync(customer, id, Space)).StatusCode);
        factory.Stripe.LostAnswersLeft = 0;

        // A second later: an expiry recomputed from « now » would differ, and Stripe would refuse the key.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var opened = await CheckoutAsync(customer, id, Space);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var sent = Sent(id);
        Assert.All(sent, s => Assert.Equal($"payment-request-{id:N}-session-1", s.IdempotencyKey));
        Assert.Single(sent.Select(s => s.Form["expires_at"]).Distinct());
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"SessionNumber\" = 1 AND \"SessionOpeningAt\" IS NULL AND \"CheckoutSessionId\" IS NOT NULL", id));
    }

    [Fact]
    public async Task KeyRefusedByStripe_IsRenewedOnce_AndTheSessionOpens()
    {
        var (customer, id) = await RequestAsync();
        factory.Stripe.LostAnswersLeft = 10;
        Assert.Equal(HttpStatusCode.BadGateway, (await CheckoutAsync(customer, id, Space)).StatusCode);
        factory.Stripe.LostAnswersLeft = 0;

        // Another page of the customer space: other parameters for the same key, which Stripe refuses.
        var opened = await CheckoutAsync(customer, id, Space + "-bis");

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var keys = Sent(id).Select(s => s.IdempotencyKey).Distinct().ToList();
        Assert.Equal([$"payment-request-{id:N}-session-1", $"payment-request-{id:N}-session-2"], keys);
        var url = (await Scenario.JsonAsync(opened)).GetProperty("url").GetString()!;
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"SessionNumber\" = 2 AND \"CheckoutUrl\" = @p1", id, url));
        Assert.Equal(url, (await Scenario.JsonAsync(await CheckoutAsync(customer, id, Space))).GetProperty("url").GetString());
    }

    private async Task<(HttpClient Customer, Guid Id)> RequestAsync()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        return (scenario.Customer(caseId), id);
    }

    private List<FakeStripeApi.SentRequest> Sent(Guid id) =>
        [.. factory.Stripe.Sent.Where(s => s.Form.GetValueOrDefault("client_reference_id") == id.ToString())];

    private static Task<HttpResponseMessage> CheckoutAsync(HttpClient client, Guid paymentRequestId, string space) =>
        client.PostAsJsonAsync($"/customer/payments/{paymentRequestId}/checkout", new { successUrl = space + "?paiement=ok", cancelUrl = space + "?paiement=annule" });
}
