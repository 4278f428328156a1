using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>The session to open: its moment kept while Stripe can still make it, then a new key; parameters from the kept moment only.</summary>
public sealed class CheckoutSessionKeyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheKeptMoment_IsReused_SoTheSameKeySendsTheSameExpiry()
    {
        var request = Request(TimeSpan.FromDays(7));
        request.PrepareSession(Start, at => CheckoutOrder.StillOpens(request, at, Start));
        var later = Start.AddHours(2);
        request.PrepareSession(later, at => CheckoutOrder.StillOpens(request, at, later));

        Assert.Equal((Start, 0), (request.SessionOpeningAt, request.SessionNumber));
        Assert.Equal(Start.AddHours(24).AddMinutes(-1), Order(request).SessionExpiresAt);
        Assert.EndsWith("-session-1", request.CheckoutIdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public void AMomentStripeCanNoLongerOpenFrom_SpendsItsKey()
    {
        var request = Request(TimeSpan.FromDays(7));
        request.PrepareSession(Start, at => CheckoutOrder.StillOpens(request, at, Start));
        var nextDay = Start.AddHours(23).AddMinutes(40);
        request.PrepareSession(nextDay, at => CheckoutOrder.StillOpens(request, at, nextDay));

        Assert.Equal((nextDay, 1), (request.SessionOpeningAt, request.SessionNumber));
        Assert.EndsWith("-session-2", request.CheckoutIdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewedKey_ThenAttached_CountsBoth_AndForgetsTheMoment()
    {
        var request = Request(TimeSpan.FromDays(7));
        request.PrepareSession(Start, _ => true);
        request.RenewSessionKey(Start.AddSeconds(5));
        request.AttachSession("Stripe", "cs_test_1", "https://checkout.stripe.test/c/pay/cs_test_1", Start.AddDays(1));

        Assert.Equal((null, 2), (request.SessionOpeningAt, request.SessionNumber));
    }

    private static CheckoutOrder Order(PaymentRequest request) =>
        new(request, "DEV-2026-00001", "Chalet", new Uri("http://localhost/ok"), new Uri("http://localhost/ko"), request.SessionOpeningAt!.Value);

    private static PaymentRequest Request(TimeSpan validity)
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        account.Accept(new QuoteAccepted
        {
            OrganisationId = account.OrganisationId, OccurredAt = Start, RequestId = account.Id, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00001",
            TotalCents = 100_000, AcceptedBy = "Staff", Version = 1,
        });
        return PaymentRequest.Create(account, PaymentKind.Deposit, 30_000, "Agent", Start, validity);
    }
}
