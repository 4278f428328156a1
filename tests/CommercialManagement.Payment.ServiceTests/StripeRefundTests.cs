using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// « Rembourser » through Stripe's Refunds API (issue 16, part 3), against the fake Stripe API: the order is sent after the
/// commit with its own idempotency key, a retry after an error is the same refund, a refusal is shown, and <c>charge.refunded</c>
/// closes the loop — the refund recorded once with its purpose, the credit note issued.
/// </summary>
public sealed class StripeRefundTests(StripeFactory factory) : IClassFixture<StripeFactory>
{
    private readonly StripeKit _stripe = new(factory);

    [Fact]
    public async Task Goodwill_Online_IsSentToStripe_ThenChargeRefunded_RecordsIt_WithItsCreditNote()
    {
        var (scenario, caseId, request, paymentId) = await PaidOnlineAsync();

        var ordered = await RefundAsync(scenario, caseId, paymentId, 5_000, "Online", "Piscine fermée deux jours");

        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var order = await SentOrderAsync(scenario, caseId);
        var sent = Assert.Single(factory.Stripe.RefundsSent, r => r.Form.GetValueOrDefault("payment_intent") == request.PaymentIntent);
        Assert.Equal(($"refund-{order.GetProperty("id").GetGuid():N}", "5000", StripeFactory.SecretKey),
            (sent.IdempotencyKey, sent.Form["amount"], sent.Authorization.Replace("Bearer ", "", StringComparison.Ordinal)));
        Assert.Equal(caseId.ToString(), sent.Form["metadata[request_id]"]);
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Empty(ledger.GetProperty("refunds").EnumerateArray());
        Assert.Equal(25_000L, ledger.GetProperty("payments")[0].GetProperty("refundableCents").GetInt64());

        var reported = StripeKit.RefundEvent(request, 5_000, [(order.GetProperty("providerRefundId").GetString()!, 5_000)]);
        await _stripe.SendAsync(reported);
        Assert.Equal("Applied", await _stripe.ProcessedAsync(reported));

        ledger = await scenario.LedgerAsync(caseId);
        var refund = Assert.Single(ledger.GetProperty("refunds").EnumerateArray());
        Assert.Equal(5_000L, refund.GetProperty("amountCents").GetInt64());
        Assert.Equal("Done", ledger.GetProperty("refundOrders")[0].GetProperty("status").GetString());
        Assert.Equal((5_000L, 70_000L), (ledger.GetProperty("goodwillCents").GetInt64(), ledger.GetProperty("remainingCents").GetInt64()));
        var avoir = Assert.Single(ledger.GetProperty("invoices").EnumerateArray(), i => i.GetProperty("kind").GetString() == "CreditNote");
        Assert.Equal(5_000L, avoir.GetProperty("amountCents").GetInt64());
        Assert.StartsWith("AV-", avoir.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await _stripe.OutboxAsync(nameof(PaymentRefunded), caseId));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM refunds WHERE \"RequestId\" = @p0 AND \"Purpose\" = 'Goodwill' AND \"Reason\" = 'Piscine fermée deux jours'", caseId));
    }

    [Fact]
    public async Task StripeDown_TheOrderIsTriedAgain_WithTheSameKey_AndStripeMakesOneRefund()
    {
        var (scenario, caseId, request, paymentId) = await PaidOnlineAsync();
        // More 500s than Stripe.net's own retries (same key) absorb: the attempt fails, the order waits for the next.
        factory.Stripe.RefundFailuresLeft = 10;

        Assert.Equal(HttpStatusCode.Created, (await RefundAsync(scenario, caseId, paymentId, 3_000, "Online", "Geste")).StatusCode);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM refund_orders WHERE \"RequestId\" = @p0 AND \"Attempts\" = 1 AND \"Status\" = 'ToSend' AND \"Failure\" IS NOT NULL", caseId) == 1,
            TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50)));
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal("En cours d'envoi", ledger.GetProperty("refundOrders")[0].GetProperty("statusLabel").GetString());

        // The retry is due 30 s later: brought forward rather than waited for.
        factory.Stripe.RefundFailuresLeft = 0;
        await factory.ExecuteAsync($"UPDATE refund_orders SET \"SendAt\" = now() WHERE \"RequestId\" = '{caseId}'");
        factory.Services.GetRequiredService<RefundSender>().Wake();
        await SentOrderAsync(scenario, caseId);

        var sent = factory.Stripe.RefundsSent.Where(r => r.Form.GetValueOrDefault("payment_intent") == request.PaymentIntent).ToList();
        Assert.True(sent.Count >= 2);
        Assert.Single(sent.Select(s => s.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task StripeRefuses_TheOrderIsRefused_NothingIsRecorded_AndTheMoneyCanBeGivenBackAnotherWay()
    {
        var (scenario, caseId, _, paymentId) = await PaidOnlineAsync();
        factory.Stripe.RefuseRefunds = "Charge ch_x has already been refunded.";
        try
        {
            Assert.Equal(HttpStatusCode.Created, (await RefundAsync(scenario, caseId, paymentId, 30_000, "Online", "Geste")).StatusCode);
            Assert.True(await Eventually.TrueAsync(
                async () => await factory.CountAsync("SELECT count(*) FROM refund_orders WHERE \"RequestId\" = @p0 AND \"Status\" = 'Refused'", caseId) == 1,
                TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50)));
        }
        finally
        {
            factory.Stripe.RefuseRefunds = null;
        }

        var ledger = await scenario.LedgerAsync(caseId);
        var order = ledger.GetProperty("refundOrders")[0];
        Assert.Equal(("Refusé par le prestataire", "Stripe a refusé le remboursement : Charge ch_x has already been refunded."),
            (order.GetProperty("statusLabel").GetString(), order.GetProperty("failure").GetString()));
        Assert.Empty(ledger.GetProperty("refunds").EnumerateArray());
        Assert.Equal(30_000L, ledger.GetProperty("payments")[0].GetProperty("refundableCents").GetInt64());
        Assert.Equal(HttpStatusCode.Created, (await RefundAsync(scenario, caseId, paymentId, 30_000, "BankTransfer", "Geste", "VIR-REMB-9")).StatusCode);
    }

    [Fact]
    public async Task BadInput_Is400_WithWhatToFix_AndNothingStored()
    {
        var (scenario, caseId, _, paymentId) = await PaidOnlineAsync();

        var tooMuch = await RefundAsync(scenario, caseId, paymentId, 30_001, "Online", "Geste");
        var unknownMethod = await RefundAsync(scenario, caseId, paymentId, 1_000, "Bitcoin", "Geste");
        var noSurplus = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/refunds",
            new { purpose = "Overpayment", paymentId, amountCents = 1_000, reason = "Trop payé", method = "Online" });

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.True((await Scenario.JsonAsync(tooMuch)).GetProperty("errors").TryGetProperty("amountCents", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownMethod.StatusCode);
        Assert.True((await Scenario.JsonAsync(unknownMethod)).GetProperty("errors").TryGetProperty("method", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noSurplus.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM refund_orders WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM refunds WHERE \"RequestId\" = @p0", caseId));
    }

    [Fact]
    public async Task APaymentNotCounted_IsRefundedWhole_FromItsFlag_AndStripesReportConfirmsIt_WithNothingInTheLedger()
    {
        var (scenario, caseId, request, _) = await PaidOnlineAsync();
        var twice = request with { PaymentIntent = "pi_test_" + Guid.NewGuid().ToString("N") };
        var second = StripeKit.SessionEvent("checkout.session.completed", twice);
        await _stripe.SendAsync(second);
        Assert.Equal("Flagged", await _stripe.ProcessedAsync(second));
        var anomaly = Assert.Single((await scenario.LedgerAsync(caseId)).GetProperty("anomalies").EnumerateArray());
        Assert.Equal((twice.PaymentIntent, 30_000L), (anomaly.GetProperty("refundDueReference").GetString(), anomaly.GetProperty("refundAmountCents").GetInt64()));
        var eventId = anomaly.GetProperty("eventId").GetString();

        var ordered = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/refunds/uncounted", new { eventId });
        var again = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/refunds/uncounted", new { eventId });
        var unknown = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/refunds/uncounted", new { eventId = "evt_inconnu" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.NotFound), (ordered.StatusCode, again.StatusCode, unknown.StatusCode));
        var order = await SentOrderAsync(scenario, caseId);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("paymentId").ValueKind);
        var sent = Assert.Single(factory.Stripe.RefundsSent, r => r.Form.GetValueOrDefault("payment_intent") == twice.PaymentIntent);
        Assert.Equal("30000", sent.Form["amount"]);

        var reported = StripeKit.RefundEvent(twice, 30_000, [(order.GetProperty("providerRefundId").GetString()!, 30_000)]);
        await _stripe.SendAsync(reported);
        Assert.Equal("Applied", await _stripe.ProcessedAsync(reported));

        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal("Remboursé", ledger.GetProperty("anomalies")[0].GetProperty("refundStatusLabel").GetString());
        Assert.Empty(ledger.GetProperty("refunds").EnumerateArray());
        Assert.Equal((30_000L, 0L), (ledger.GetProperty("paidCents").GetInt64(), ledger.GetProperty("refundedCents").GetInt64()));
        Assert.DoesNotContain(ledger.GetProperty("invoices").EnumerateArray(), i => i.GetProperty("kind").GetString() == "CreditNote");
    }

    private async Task<(Scenario Scenario, Guid CaseId, OpenRequest Request, Guid PaymentId)> PaidOnlineAsync()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000, provider: "Stripe");
        var paid = StripeKit.SessionEvent("checkout.session.completed", request);
        await _stripe.SendAsync(paid);
        Assert.Equal("Applied", await _stripe.ProcessedAsync(paid));
        var ledger = await scenario.LedgerAsync(caseId);
        return (scenario, caseId, request, ledger.GetProperty("payments")[0].GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> RefundAsync(
        Scenario scenario, Guid caseId, Guid paymentId, long amountCents, string method, string reason, string? reference = null) =>
        scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/refunds",
            new { purpose = "Goodwill", paymentId, amountCents, reason, method, reference });

    /// <summary>Waits until Stripe took the case's order, and returns it as the ledger shows it.</summary>
    private static async Task<JsonElement> SentOrderAsync(Scenario scenario, Guid caseId)
    {
        JsonElement order = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            order = (await scenario.LedgerAsync(caseId)).GetProperty("refundOrders")[0];
            return order.GetProperty("status").GetString() == "Sent";
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50)), "The refund was not taken by Stripe within 20 s.");
        return order;
    }
}
