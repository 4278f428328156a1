using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// Without a Stripe key, « Rembourser » online goes through the sandbox, which reports the refund as Stripe does: a signed
/// <c>charge.refunded</c> listing every refund made on the payment, taken by our own webhook like any other.
/// </summary>
public sealed class SandboxRefundTests(SandboxFactory factory) : IClassFixture<SandboxFactory>
{
    private readonly StripeKit _stripe = new(factory);

    [Fact]
    public async Task TwoRefundsOnlineInTheSandbox_EachReportedWithEveryRefundOfThePayment_AndRecordedOnce()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var paid = StripeKit.SessionEvent("checkout.session.completed", request);
        await _stripe.SendAsync(paid);
        Assert.Equal("Applied", await _stripe.ProcessedAsync(paid));
        var paymentId = (await scenario.LedgerAsync(caseId)).GetProperty("payments")[0].GetProperty("id").GetGuid();

        var first = await ReportedAsync(scenario, caseId, paymentId, 4_000);
        var second = await ReportedAsync(scenario, caseId, paymentId, 6_000);

        Assert.Equal((4_000L, 1), (first.GetProperty("amount_refunded").GetInt64(), first.GetProperty("refunds").GetProperty("data").GetArrayLength()));
        Assert.Equal((10_000L, 2), (second.GetProperty("amount_refunded").GetInt64(), second.GetProperty("refunds").GetProperty("data").GetArrayLength()));
        Assert.Equal(request.PaymentIntent, second.GetProperty("payment_intent").GetString());
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal([4_000L, 6_000L], ledger.GetProperty("refunds").EnumerateArray().Select(r => r.GetProperty("amountCents").GetInt64()).Order());
        Assert.All(ledger.GetProperty("refundOrders").EnumerateArray(), o => Assert.Equal("Done", o.GetProperty("status").GetString()));
        Assert.Equal(2, ledger.GetProperty("invoices").EnumerateArray().Count(i => i.GetProperty("kind").GetString() == "CreditNote"));
    }

    /// <summary>Orders a goodwill refund online, waits for the sandbox's report, hands it to the webhook, and returns the charge it describes.</summary>
    private async Task<JsonElement> ReportedAsync(Scenario scenario, Guid caseId, Guid paymentId, long amountCents)
    {
        var before = factory.Webhook.Received.Count;
        var ordered = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/refunds",
            new { purpose = "Goodwill", paymentId, amountCents, reason = "Geste", method = "Online" });
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(factory.Webhook.Received.Count > before), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50)),
            "The sandbox reported no refund within 20 s.");
        var (_, signature, payload) = factory.Webhook.Received.ToArray()[before];
        Assert.Equal(HttpStatusCode.OK, (await _stripe.PostAsync(payload, signature)).StatusCode);
        var root = JsonDocument.Parse(payload).RootElement;
        Assert.Equal("charge.refunded", root.GetProperty("type").GetString());
        Assert.Equal("Applied", await _stripe.ProcessedAsync(payload));
        return root.GetProperty("data").GetProperty("object").Clone();
    }
}
