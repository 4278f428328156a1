using System.Net;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Staff recording at once on one case: the case is locked, so together they never pass what remains.</summary>
public sealed class ConcurrencyTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    [Fact]
    public async Task TwoPaymentsAtOnce_TogetherAboveWhatRemains_ExactlyOnePasses()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);

        var responses = await Task.WhenAll(scenario.PayAsync(caseId, 60_000, reference: "VIR-A"), scenario.PayAsync(caseId, 60_000, reference: "VIR-B"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payments WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(60_000, await factory.CountAsync("SELECT coalesce(sum(\"AmountCents\"), 0) FROM payments WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(1, await factory.CountAsync(Scenario.CaseOutboxSql, caseId.ToString()));
    }

    [Fact]
    public async Task TenPaymentsAtOnce_OfAThirdEach_ThreePass_AndOneDepositOnly()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(90_000);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => scenario.PayAsync(caseId, 30_000, "Cash", $"CAISSE-{i}")));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal((90_000L, 0L), (ledger.GetProperty("paidCents").GetInt64(), ledger.GetProperty("remainingCents").GetInt64()));
        Assert.Equal(["Balance", "Balance", "Deposit"], ledger.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).Order());
    }
}
