using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Events out of their order: a failure of a session replaced since, a refund before its payment.</summary>
public sealed class WebhookOrderTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private readonly StripeKit _stripe = new(factory);

    [Fact]
    public async Task AsyncFailure_OfASessionNoLongerTheRequests_IsIgnored_NoPaymentFailed()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var failed = StripeKit.SessionEvent("checkout.session.async_payment_failed", request with { SessionId = "cs_test_replaced_since" }, paymentStatus: "unpaid");

        await _stripe.SendAsync(failed);

        Assert.Equal("Ignored", await _stripe.ProcessedAsync(failed));
        Assert.Equal(0, await _stripe.OutboxAsync(nameof(PaymentFailed), caseId));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"CheckoutSessionId\" = @p1 AND \"LastFailure\" IS NULL", request.Id, request.SessionId));
    }

    [Fact]
    public async Task RefundBeforeItsPayment_Waits_ThenIsRecordedOnceThePaymentIs()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var refund = StripeKit.RefundEvent(request, 30_000);
        var refundId = System.Text.Json.JsonDocument.Parse(refund).RootElement.GetProperty("id").GetString()!;

        await _stripe.SendAsync(refund);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM stripe_events WHERE id = @p0 AND attempts > 0 AND processed_at IS NULL", refundId) == 1,
            TimeSpan.FromSeconds(20)));
        var paid = StripeKit.SessionEvent("checkout.session.completed", request);
        await _stripe.SendAsync(paid);

        Assert.Equal("Applied", await _stripe.ProcessedAsync(paid));
        Assert.Equal("Applied", await _stripe.ProcessedAsync(refund));
        Assert.Equal(30_000, await factory.CountAsync("SELECT coalesce(sum(\"AmountCents\"), 0) FROM refunds WHERE \"RequestId\" = @p0", caseId));
    }

    [Fact]
    public async Task RefundOfAPaymentStillUnknownAnHourLater_IsFlagged_OnTheCaseItsChargeNames()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var refund = StripeKit.RefundEvent(request, 30_000, created: DateTimeOffset.UtcNow.AddHours(-2), metadata: new()
        {
            [CheckoutMetadata.OrganisationId] = scenario.OrganisationId.ToString(), [CheckoutMetadata.RequestId] = caseId.ToString(),
            [CheckoutMetadata.PaymentRequestId] = request.Id.ToString(),
        });

        await _stripe.SendAsync(refund);

        Assert.Equal("Flagged", await _stripe.ProcessedAsync(refund));
        var anomaly = Assert.Single((await scenario.LedgerAsync(caseId)).GetProperty("anomalies").EnumerateArray());
        Assert.Contains(request.PaymentIntent, anomaly.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
