using System.Net;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.ServiceDefaults.Input;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>The webhook checks the signature on the raw body before anything: refused events are 400 and leave nothing behind.</summary>
public sealed class WebhookSignatureTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private readonly StripeKit _stripe = new(factory);

    [Fact]
    public async Task TamperedBody_WrongSecret_MissingHeader_OldTimestamp_Are400_AndNothingIsStored()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var json = StripeKit.SessionEvent("checkout.session.completed", request);
        var tampered = json.Replace("30000", "3000", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);

        HttpResponseMessage[] responses =
        [
            await _stripe.PostAsync(tampered, _stripe.Sign(json)),
            await _stripe.PostAsync(json, _stripe.Sign(json, secret: "whsec_not_ours")),
            await _stripe.PostAsync(json, signature: null),
            await _stripe.PostAsync(json, _stripe.Sign(json, at: DateTimeOffset.UtcNow.AddSeconds(-301))),
            await _stripe.PostAsync(json, "t=1,v1=0000"),
        ];

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Événement Stripe refusé.", (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
        }

        Assert.Equal(0, await _stripe.EventsStoredAsync(json));
        await Task.Delay(300);
        Assert.Equal(0, await _stripe.PaymentsOfAsync(request));
        Assert.Equal(0, await factory.CountAsync(Scenario.CaseOutboxSql, caseId.ToString()));
    }

    [Fact]
    public async Task SignedEvent_WithoutAnyToken_Is200_AndStoredOnce_EvenSentTwice()
    {
        var json = StripeKit.Event(StripeKit.NewEventId(), "customer.created", new { id = "cus_test", @object = "customer" });

        var first = await _stripe.SendAsync(json);
        var second = await _stripe.SendAsync(json);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, await _stripe.EventsStoredAsync(json));
        Assert.Equal("Ignored", await _stripe.ProcessedAsync(json));
    }

    [Fact]
    public async Task SignedBody_ThatIsNotAStripeEvent_Is400()
    {
        const string json = """{"hello":"world"}""";

        var response = await _stripe.SendAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("id", "\\u0000")]
    [InlineData("id", "\\ud800")]
    [InlineData("type", "\\u0000")]
    [InlineData("type", "\\udfff")]
    [InlineData("object", "\\u0000")]
    public async Task SignedEvent_HoldingACharacterNoTextMayHold_Is400InWords_AndNothingIsStored(string where, string escaped)
    {
        var id = StripeKit.NewEventId();
        var clean = StripeKit.Event(id, "customer.created", new { id = "cus_test", @object = "customer" });
        var json = where switch
        {
            "id" => clean.Replace($"\"{id}\"", $"\"{id}{escaped}\"", StringComparison.Ordinal),
            "type" => clean.Replace("\"customer.created\"", $"\"customer.created{escaped}\"", StringComparison.Ordinal),
            _ => clean.Replace("\"cus_test\"", $"\"cus_test{escaped}\"", StringComparison.Ordinal),
        };
        Assert.NotEqual(clean, json);

        var response = await _stripe.SendAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(InputText.Refusal, (await Scenario.JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM stripe_events WHERE id LIKE @p0", id + "%"));
    }

    [Fact]
    public async Task Body_Above256KB_Is413_AndNothingIsStored()
    {
        var json = StripeKit.Event(StripeKit.NewEventId(), "customer.updated", new { id = "cus_test", padding = new string('x', 300 * 1024) });

        var response = await _stripe.SendAsync(json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _stripe.EventsStoredAsync(json));
    }
}
