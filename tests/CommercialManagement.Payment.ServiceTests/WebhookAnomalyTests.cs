using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Events that do not match our request are flagged, shown to the owner's staff, and never applied.</summary>
public sealed class WebhookAnomalyTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private readonly StripeKit _stripe = new(factory);

    [Theory]
    [InlineData(29_999L, "eur", "299,99 €")]
    [InlineData(30_000L, "usd", "usd")]
    public async Task WrongAmountOrCurrency_IsFlagged_NotApplied_AndShownInTheLedger(long amountCents, string currency, string named)
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var json = StripeKit.SessionEvent("checkout.session.completed", request, amountCents: amountCents, currency: currency);

        await _stripe.SendAsync(json);

        Assert.Equal("Flagged", await _stripe.ProcessedAsync(json));
        Assert.Equal(0, await _stripe.PaymentsOfAsync(request));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"Status\" = 'Open'", request.Id));
        var anomaly = Assert.Single((await scenario.LedgerAsync(caseId)).GetProperty("anomalies").EnumerateArray());
        Assert.Contains(named, anomaly.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(100_000, (await scenario.LedgerAsync(caseId)).GetProperty("remainingCents").GetInt64());
    }

    [Fact]
    public async Task EventNamingAnotherOrganisationsCase_ForOurRequest_IsFlagged_AndOnlyTheOwnerSeesIt()
    {
        var owner = await Scenario.NewAsync(factory);
        var other = await Scenario.NewAsync(factory);
        var caseId = await owner.AcceptedCaseAsync(100_000);
        var otherCase = await other.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(owner, caseId, PaymentKind.Deposit, 30_000);
        var json = StripeKit.SessionEvent("checkout.session.completed", request, organisationId: other.OrganisationId, caseId: otherCase);

        await _stripe.SendAsync(json);

        Assert.Equal("Flagged", await _stripe.ProcessedAsync(json));
        Assert.Equal(0, await _stripe.PaymentsOfAsync(request));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM payments WHERE \"RequestId\" = ANY(@p0)", new[] { caseId, otherCase }));
        Assert.Single((await owner.LedgerAsync(caseId)).GetProperty("anomalies").EnumerateArray());
        Assert.Empty((await other.LedgerAsync(otherCase)).GetProperty("anomalies").EnumerateArray());
    }

    [Fact]
    public async Task EventForAnUnknownRequest_IsFlagged_AndChangesNothing()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var ghost = new OpenRequest(Guid.NewGuid(), scenario.OrganisationId, caseId, 30_000, "cs_test_ghost", "pi_test_ghost");
        var json = StripeKit.SessionEvent("checkout.session.completed", ghost);

        await _stripe.SendAsync(json);

        Assert.Equal("Flagged", await _stripe.ProcessedAsync(json));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM payments WHERE \"RequestId\" = @p0", caseId));
    }

    [Fact]
    public async Task SecondPayment_ForAPaidRequest_ThroughAnotherSession_IsFlaggedToRefund_NotCounted()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await _stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var first = StripeKit.SessionEvent("checkout.session.completed", request);
        var second = StripeKit.SessionEvent("checkout.session.completed", request with { SessionId = "cs_test_other", PaymentIntent = "pi_test_other" });

        await _stripe.SendAsync(first);
        await _stripe.SendAsync(second);

        Assert.Equal(("Applied", "Flagged"), (await _stripe.ProcessedAsync(first), await _stripe.ProcessedAsync(second)));
        Assert.Equal(1, await _stripe.PaymentsOfAsync(request));
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal(30_000, ledger.GetProperty("paidCents").GetInt64());
        Assert.Contains("pi_test_other", Assert.Single(ledger.GetProperty("anomalies").EnumerateArray()).GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
