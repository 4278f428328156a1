using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>Which request each button may send, and the checkout session's expiry within Stripe's bounds.</summary>
public sealed class RequestRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NothingPaid_DepositAndFull_NotTheBalance()
    {
        var account = Accepted(100_000);

        var options = RequestRules.Options(account, 30_000, 0, [], Now).ToDictionary(o => o.Kind);

        Assert.Equal((true, 30_000L), (options[PaymentKind.Deposit].Allowed, options[PaymentKind.Deposit].AmountCents));
        Assert.Equal((true, 100_000L), (options[PaymentKind.Full].Allowed, options[PaymentKind.Full].AmountCents));
        Assert.False(options[PaymentKind.Balance].Allowed);
    }

    [Fact]
    public void SomethingPaid_OnlyTheBalance_OfWhatRemains()
    {
        var options = RequestRules.Options(Accepted(100_000), 30_000, 30_000, [], Now).ToDictionary(o => o.Kind);

        Assert.Equal((false, false, true, 70_000L), (options[PaymentKind.Deposit].Allowed, options[PaymentKind.Full].Allowed,
            options[PaymentKind.Balance].Allowed, options[PaymentKind.Balance].AmountCents));
    }

    [Fact]
    public void AnOpenRequest_BlocksItsKind_AndCountsAgainstTheTotal_UntilItExpires()
    {
        var account = Accepted(100_000);
        var deposit = PaymentRequest.Create(account, PaymentKind.Deposit, 30_000, "Agent", Now, TimeSpan.FromDays(7));

        var open = RequestRules.Options(account, 30_000, 0, [deposit], Now).ToDictionary(o => o.Kind);
        Assert.StartsWith("Une demande d'acompte est déjà en attente", open[PaymentKind.Deposit].Refusal, StringComparison.Ordinal);
        Assert.StartsWith("Les demandes en attente", open[PaymentKind.Full].Refusal, StringComparison.Ordinal);

        var later = RequestRules.Options(account, 30_000, 0, [deposit], Now.AddDays(7)).ToDictionary(o => o.Kind);
        Assert.True(later[PaymentKind.Deposit].Allowed);
        Assert.True(later[PaymentKind.Full].Allowed);
    }

    [Fact]
    public void AVoidedQuote_OrAPaidCase_RefusesEverything()
    {
        var voided = Accepted(100_000);
        voided.Void(voided.AcceptedQuoteId!.Value);

        Assert.All(RequestRules.Options(voided, 30_000, 0, [], Now), o => Assert.Equal("Le devis DEV-2026-00042 est annulé : aucune demande de paiement ne peut être envoyée.", o.Refusal));
        Assert.All(RequestRules.Options(Accepted(100_000), 30_000, 100_000, [], Now), o => Assert.False(o.Allowed));
    }

    [Fact]
    public void ADepositOfZero_IsRefused()
    {
        var option = RequestRules.Option(PaymentKind.Deposit, Accepted(100_000), 0, 0, [], Now);

        Assert.Equal("Le montant à demander est nul.", option.Refusal);
    }

    [Theory]
    [InlineData(7 * 24 * 60, 24 * 60 - 1)] // a week: capped at Stripe's 24 hours
    [InlineData(5 * 60, 5 * 60)] // five hours: the request's own expiry
    [InlineData(10, 31)] // ten minutes: at least Stripe's 30 minutes
    public void SessionExpiresAt_IsTheRequestsExpiry_WithinStripesBounds(int requestMinutes, int sessionMinutes)
    {
        var request = PaymentRequest.Create(Accepted(100_000), PaymentKind.Full, 100_000, "Agent", Now.AddMinutes(requestMinutes) - TimeSpan.FromDays(1), TimeSpan.FromDays(1));
        var order = new CheckoutOrder(request, "DEV-2026-00042", "Chalet", new Uri("http://localhost/ok"), new Uri("http://localhost/ko"), Now);

        Assert.Equal(Now.AddMinutes(sessionMinutes), order.SessionExpiresAt);
        Assert.Equal("Totalité — devis DEV-2026-00042", order.Description);
        Assert.Equal(request.Id.ToString(), order.Metadata[CheckoutMetadata.PaymentRequestId]);
    }

    private static PaymentCase Accepted(long totalCents)
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        account.Accept(new QuoteAccepted
        {
            OrganisationId = account.OrganisationId, OccurredAt = Now.AddDays(-1), RequestId = account.Id, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00042",
            TotalCents = totalCents, AcceptedBy = "Staff", Version = 1,
        });
        return account;
    }
}
