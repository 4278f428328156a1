using CommercialManagement.Payment.Api.Features.Webhooks;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>What the webhook reads of Stripe's JSON: ids and types, sessions with expandable fields, charges with or without their refunds.</summary>
public sealed class StripeObjectsTests
{
    [Theory]
    [InlineData("""{"type":"checkout.session.completed"}""")]
    [InlineData("""{"id":"evt_1"}""")]
    [InlineData("""{"id":"","type":"x"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""not json""")]
    public void Envelope_WithoutIdOrType_OrNotJson_IsNull(string json) => Assert.Null(StripeEnvelope.Parse(json));

    [Fact]
    public void Session_ReadsAmountsMetadata_AndAnExpandedPaymentIntent()
    {
        var envelope = StripeEnvelope.Parse("""
            {"id":"evt_1","type":"checkout.session.completed","created":1795000000,"data":{"object":{"id":"cs_1","amount_total":12345,
             "currency":"eur","payment_status":"paid","client_reference_id":"ref","payment_intent":{"id":"pi_1","object":"payment_intent"},
             "metadata":{"organisation_id":"o","request_id":"r","payment_request_id":"p","ignored":null}}}}
            """)!;

        var session = CheckoutSessionData.From(envelope.Object)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), envelope.Created);
        Assert.Equal(("cs_1", "pi_1", "paid", 12345L, "eur", "ref"), (session.Id, session.PaymentIntent, session.PaymentStatus, session.AmountTotal, session.Currency, session.ClientReferenceId));
        Assert.Equal(3, session.Metadata.Count);
    }

    [Fact]
    public void Charge_WithoutRefundList_KeepsTheRefundedTotal_AndWithIt_ReadsEachRefund()
    {
        var bare = ChargeData.From(StripeEnvelope.Parse("""
            {"id":"evt_2","type":"charge.refunded","data":{"object":{"id":"ch_1","payment_intent":"pi_1","amount_refunded":500,"currency":"eur"}}}
            """)!.Object)!;
        var listed = ChargeData.From(StripeEnvelope.Parse("""
            {"id":"evt_3","type":"charge.refunded","data":{"object":{"id":"ch_1","payment_intent":"pi_1","amount_refunded":700,"currency":"eur",
             "refunds":{"object":"list","data":[{"id":"re_2","amount":200,"status":"succeeded","created":2},{"id":"re_1","amount":500,"status":"succeeded","created":1}]}}}}
            """)!.Object)!;

        Assert.Equal((500L, 0), (bare.AmountRefunded, bare.Refunds.Count));
        Assert.Equal(["re_2", "re_1"], listed.Refunds.Select(r => r.Id));
        Assert.Equal(700, listed.Refunds.Sum(r => r.Amount));
    }
}
