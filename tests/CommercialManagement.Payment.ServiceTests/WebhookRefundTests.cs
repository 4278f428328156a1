using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary><c>charge.refunded</c>: each refund once, PaymentRefunded with our refund id, the ledger's refunded and remaining.</summary>
public sealed class WebhookRefundTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private readonly StripeKit _stripe = new(factory);

    [Fact]
    public async Task Refund_IsRecordedOnce_PublishesPaymentRefunded_AndAddsToWhatRemains()
    {
        var (scenario, caseId, request) = await PaidAsync();
        var refund = StripeKit.RefundEvent(request, 10_000, [("re_test_1", 10_000)]);
        var repeat = StripeKit.RefundEvent(request, 10_000, [("re_test_1", 10_000)]);

        await _stripe.SendAsync(refund);
        Assert.Equal("Applied", await _stripe.ProcessedAsync(refund));
        await _stripe.SendAsync(repeat);
        Assert.Equal("Duplicate", await _stripe.ProcessedAsync(repeat));

        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM refunds WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(1, await _stripe.OutboxAsync(nameof(PaymentRefunded), caseId));
        var ledger = await scenario.LedgerAsync(caseId);
        var row = Assert.Single(ledger.GetProperty("refunds").EnumerateArray());
        var published = await factory.PublishedAsync<PaymentRefunded>(e => e.RequestId == caseId);
        Assert.Equal((row.GetProperty("id").GetGuid(), 10_000L, row.GetProperty("paymentId").GetGuid()), (published.RefundId, published.AmountCents, published.PaymentId));
        Assert.Equal((30_000L, 10_000L, 80_000L), (ledger.GetProperty("paidCents").GetInt64(), ledger.GetProperty("refundedCents").GetInt64(), ledger.GetProperty("remainingCents").GetInt64()));
    }

    [Fact]
    public async Task RefundsWithoutTheirList_CountTheGrowthOfTheRefundedTotal_AndAnOlderEventAddsNothing()
    {
        var (_, caseId, request) = await PaidAsync();
        var first = StripeKit.RefundEvent(request, 5_000);
        var second = StripeKit.RefundEvent(request, 12_000, [("re_test_b", 7_000), ("re_test_a", 5_000)]);
        var late = StripeKit.RefundEvent(request, 5_000);

        foreach (var json in new[] { first, second, late })
        {
            await _stripe.SendAsync(json);
            await _stripe.ProcessedAsync(json);
        }

        Assert.Equal(12_000, await factory.CountAsync("SELECT coalesce(sum(\"AmountCents\"), 0) FROM refunds WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(2, await _stripe.OutboxAsync(nameof(PaymentRefunded), caseId));
    }

    [Fact]
    public async Task RefundOfAPaymentUnknownAnHourLater_IsFlagged()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var unpaid = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var json = StripeKit.RefundEvent(unpaid, 30_000, created: DateTimeOffset.UtcNow.AddMinutes(-61));

        await _stripe.SendAsync(json);

        Assert.Equal("Flagged", await _stripe.ProcessedAsync(json));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM refunds WHERE \"RequestId\" = @p0", caseId));
    }

    private async Task<(Scenario Scenario, Guid CaseId, OpenRequest Request)> PaidAsync()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var paid = StripeKit.SessionEvent("checkout.session.completed", request);
        await _stripe.SendAsync(paid);
        Assert.Equal("Applied", await _stripe.ProcessedAsync(paid));
        return (scenario, caseId, request);
    }
}
