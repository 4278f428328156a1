using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// What the case holds (received less refunded) everywhere, the day each payment was received, and money the case must not
/// keep: flagged « à rembourser », refused at checkout, requests that no longer fit cancelled.
/// </summary>
public sealed class LedgerConsistencyTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private readonly StripeKit _stripe = new(factory);

    [Fact]
    public async Task AfterARefund_TheCustomerAndANewRequest_CountWhatTheCaseHolds()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        await ProcessAsync(StripeKit.SessionEvent("checkout.session.completed", request));
        Assert.Equal("Applied", await ProcessAsync(StripeKit.RefundEvent(request, 30_000)));

        var customer = await scenario.Customer(caseId).GetFromJsonAsync<JsonElement>("/customer/payments");
        Assert.Equal((0L, 100_000L), (customer.GetProperty("paidCents").GetInt64(), customer.GetProperty("remainingCents").GetInt64()));
        Assert.Equal(HttpStatusCode.Created, (await scenario.AskAsync(caseId, "Full")).StatusCode);
        var requested = await factory.PublishedAsync<PaymentRequested>(e => e.RequestId == caseId);
        Assert.Equal((100_000L, 0L), (requested.AmountCents, requested.PaidCents));
    }

    [Fact]
    public async Task PaymentReceived_CarriesTheDayReceived_OfflineAndOnline()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 20_000, receivedOn: day.ToString("yyyy-MM-dd"))).StatusCode);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Balance, 30_000);
        Assert.Equal("Applied", await ProcessAsync(StripeKit.SessionEvent("checkout.session.completed", request)));

        Assert.Equal(day, (await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == caseId && e.Method == "BankTransfer")).ReceivedOn);
        var paris = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        Assert.Equal(paris, (await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == caseId && e.Method == "Card")).ReceivedOn);
    }

    [Fact]
    public async Task OnlinePayment_ForACancelledRequest_IsFlaggedToRefund_Once_NotCounted()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/payments/requests/{id}/cancellation", null)).StatusCode);
        var paid = StripeKit.SessionEvent("checkout.session.completed", new OpenRequest(id, scenario.OrganisationId, caseId, 30_000, "cs_test_late", "pi_test_late"));

        var succeeded = StripeKit.SessionEvent(
            "checkout.session.async_payment_succeeded", new OpenRequest(id, scenario.OrganisationId, caseId, 30_000, "cs_test_late", "pi_test_late"));

        Assert.Equal("Flagged", await ProcessAsync(paid));
        Assert.Equal("Duplicate", await ProcessAsync(succeeded));
        await AssertToRefundAsync(scenario, caseId, "pi_test_late");
    }

    [Fact]
    public async Task OnlinePayment_BeyondTheAcceptedTotal_IsFlaggedToRefund_AndTheCheckoutRefusesIt()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 80_000)).StatusCode);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Balance, 30_000);

        var checkout = await CustomerPaymentTests.CheckoutAsync(scenario.Customer(caseId), request.Id);
        Assert.Equal(HttpStatusCode.Conflict, checkout.StatusCode);
        Assert.Contains("dépasse ce qui reste à payer", (await Scenario.JsonAsync(checkout)).GetProperty("title").GetString(), StringComparison.Ordinal);

        Assert.Equal("Flagged", await ProcessAsync(StripeKit.SessionEvent("checkout.session.completed", request)));
        await AssertToRefundAsync(scenario, caseId, request.PaymentIntent);
    }

    [Fact]
    public async Task OfflinePayment_CancelsTheOpenRequestsThatNoLongerFit()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        Assert.Equal(HttpStatusCode.Created, (await scenario.AskAsync(caseId, "Full")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 10_000)).StatusCode);

        Assert.Equal("Cancelled", (await scenario.LedgerAsync(caseId)).GetProperty("requests")[0].GetProperty("status").GetString());
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM payment_requests WHERE \"RequestId\" = @p0 AND \"CancelReason\" LIKE 'Annulée : le paiement de %'", caseId));
    }

    private async Task AssertToRefundAsync(Scenario scenario, Guid caseId, string paymentIntent)
    {
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM payments WHERE \"ProviderReference\" = @p0", paymentIntent));
        var anomaly = Assert.Single((await scenario.LedgerAsync(caseId)).GetProperty("anomalies").EnumerateArray()).GetProperty("reason").GetString()!;
        Assert.StartsWith("À rembourser", anomaly, StringComparison.Ordinal);
        Assert.Contains(paymentIntent, anomaly, StringComparison.Ordinal);
    }

    private async Task<string> ProcessAsync(string json)
    {
        await _stripe.SendAsync(json);
        return await _stripe.ProcessedAsync(json);
    }
}
