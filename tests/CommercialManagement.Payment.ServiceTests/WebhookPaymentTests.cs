using System.Net;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Checkout events, processed from the store: one payment per request whatever arrives twice or out of order.</summary>
public sealed class WebhookPaymentTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private readonly StripeKit _stripe = new(factory);

    [Fact]
    public async Task SameEvent_20TimesInParallel_OnePayment_OnePaymentReceived_RequestPaid()
    {
        var scenario = await Scenario.NewAsync(factory, deposit: 30);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var json = StripeKit.SessionEvent("checkout.session.completed", request);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _stripe.SendAsync(json)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("Applied", await _stripe.ProcessedAsync(json));
        Assert.Equal(1, await _stripe.EventsStoredAsync(json));
        Assert.Equal(1, await _stripe.PaymentsOfAsync(request));
        Assert.Equal(1, await _stripe.OutboxAsync(nameof(PaymentReceived), caseId));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"Status\" = 'Paid' AND \"PaymentId\" IS NOT NULL", request.Id));

        var received = await factory.PublishedAsync<PaymentReceived>(e => e.PaymentRequestId == request.Id);
        Assert.Equal(("Deposit", 30_000L, 30_000L, 100_000L, "Card"), (received.Kind, received.AmountCents, received.PaidCents, received.AcceptedTotalCents, received.Method));
        var payment = (await scenario.LedgerAsync(caseId)).GetProperty("payments")[0];
        Assert.Equal((request.PaymentIntent, "Carte bancaire"), (payment.GetProperty("reference").GetString(), payment.GetProperty("methodLabel").GetString()));
    }

    [Fact]
    public async Task CompletedUnpaid_ThenAsyncSucceeded_ThenCompletedPaidAgain_OnePayment()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(80_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Full, 80_000);

        var unpaid = StripeKit.SessionEvent("checkout.session.completed", request, paymentStatus: "unpaid");
        var succeeded = StripeKit.SessionEvent("checkout.session.async_payment_succeeded", request);
        var completedAgain = StripeKit.SessionEvent("checkout.session.completed", request);
        await _stripe.SendAsync(unpaid);
        Assert.Equal("Ignored", await _stripe.ProcessedAsync(unpaid));
        Assert.Equal(0, await _stripe.PaymentsOfAsync(request));
        await _stripe.SendAsync(succeeded);
        await _stripe.SendAsync(completedAgain);

        Assert.Equal("Applied", await _stripe.ProcessedAsync(succeeded));
        Assert.Equal("Duplicate", await _stripe.ProcessedAsync(completedAgain));
        Assert.Equal(1, await _stripe.PaymentsOfAsync(request));
        Assert.Equal(1, await _stripe.OutboxAsync(nameof(PaymentReceived), caseId));
        Assert.Equal(0, (await scenario.LedgerAsync(caseId)).GetProperty("remainingCents").GetInt64());
    }

    [Fact]
    public async Task FailureOrExpiry_AfterSuccess_ChangesNothing()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var paid = StripeKit.SessionEvent("checkout.session.completed", request);
        await _stripe.SendAsync(paid);
        Assert.Equal("Applied", await _stripe.ProcessedAsync(paid));

        var failed = StripeKit.SessionEvent("checkout.session.async_payment_failed", request, paymentStatus: "unpaid");
        var expired = StripeKit.SessionEvent("checkout.session.expired", request, paymentStatus: "unpaid");
        await _stripe.SendAsync(failed);
        await _stripe.SendAsync(expired);

        Assert.Equal("Ignored", await _stripe.ProcessedAsync(failed));
        Assert.Equal("Ignored", await _stripe.ProcessedAsync(expired));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"Status\" = 'Paid' AND \"LastFailure\" IS NULL", request.Id));
        Assert.Equal(1, await _stripe.PaymentsOfAsync(request));
        Assert.Equal(0, await _stripe.OutboxAsync(nameof(PaymentFailed), caseId));
        Assert.Equal(70_000, (await scenario.LedgerAsync(caseId)).GetProperty("remainingCents").GetInt64());
    }

    [Fact]
    public async Task AsyncFailure_OfAnOpenRequest_KeepsItOpen_WithTheFailure_AndPublishesPaymentFailed()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var failed = StripeKit.SessionEvent("checkout.session.async_payment_failed", request, paymentStatus: "unpaid");

        await _stripe.SendAsync(failed);

        Assert.Equal("Applied", await _stripe.ProcessedAsync(failed));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"Status\" = 'Open' AND \"CheckoutSessionId\" IS NULL AND \"LastFailure\" LIKE 'Le paiement a été refusé%'", request.Id));
        var published = await factory.PublishedAsync<PaymentFailed>(e => e.PaymentRequestId == request.Id);
        Assert.StartsWith("Le paiement a été refusé", published.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await _stripe.PaymentsOfAsync(request));
    }

    [Fact]
    public async Task Expired_OfTheCurrentSession_ClosesIt_TheRequestStaysOpen()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Full, 100_000);
        var expired = StripeKit.SessionEvent("checkout.session.expired", request, paymentStatus: "unpaid");

        await _stripe.SendAsync(expired);

        Assert.Equal("Applied", await _stripe.ProcessedAsync(expired));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"Status\" = 'Open' AND \"CheckoutSessionId\" IS NULL AND \"LastFailure\" IS NULL", request.Id));
    }

    [Fact]
    public async Task UnknownType_Is200_AndIgnored()
    {
        var json = StripeKit.Event(StripeKit.NewEventId(), "payment_intent.created", new { id = "pi_test_x", @object = "payment_intent", amount = 1_000 });

        var response = await _stripe.SendAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ignored", await _stripe.ProcessedAsync(json));
    }
}
