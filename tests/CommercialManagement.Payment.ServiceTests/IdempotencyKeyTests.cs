using System.Net;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// An offline payment sent twice with the same Idempotency-Key (a double click, a retry after a timeout) is recorded
/// once: the second answer is the first one again, marked replayed.
/// </summary>
public sealed class IdempotencyKeyTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private const string PaymentsOfCase = "SELECT count(*) FROM payments WHERE \"RequestId\" = @p0";

    [Fact]
    public async Task SamePayment_SameKey_IsRecordedOnce_AndTheSecondAnswerIsTheFirstReplayed()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var agent = scenario.Agent;
        var key = Guid.NewGuid().ToString();

        using var first = await PayAsync(agent, caseId, key, 30_000);
        using var second = await PayAsync(agent, caseId, key, 30_000);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.WasReplayed());
        Assert.True(second.WasReplayed());
        Assert.Equal(1, await factory.CountAsync(PaymentsOfCase, caseId));
        Assert.Equal(1, await factory.CountAsync(Scenario.CaseOutboxSql, caseId.ToString()));
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal(70_000, ledger.GetProperty("remainingCents").GetInt64());
    }

    [Fact]
    public async Task SameKey_AnotherAmount_Is422_AndNothingMoreIsRecorded()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var agent = scenario.Agent;
        var key = Guid.NewGuid().ToString();

        using var first = await PayAsync(agent, caseId, key, 30_000);
        using var other = await PayAsync(agent, caseId, key, 40_000);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("déjà servi pour une autre requête", (await Scenario.JsonAsync(other)).GetProperty("title").GetString());
        Assert.Equal(1, await factory.CountAsync(PaymentsOfCase, caseId));
    }

    [Fact]
    public async Task WithoutKey_TwoSends_AreTwoPayments_AsBefore()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);

        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000)).StatusCode);

        Assert.Equal(2, await factory.CountAsync(PaymentsOfCase, caseId));
    }

    [Fact]
    public async Task ARefusedPayment_LeavesTheKeyFree_ForTheCorrectedForm()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var agent = scenario.Agent;
        var key = Guid.NewGuid().ToString();

        using var tooMuch = await PayAsync(agent, caseId, key, 150_000);
        using var corrected = await PayAsync(agent, caseId, key, 100_000);

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await factory.CountAsync(PaymentsOfCase, caseId));
    }

    [Fact]
    public async Task TheKeyOfAnotherOrganisation_OrOfAnotherMember_NeverGivesTheirAnswer()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var key = Guid.NewGuid().ToString();
        using var mine = await PayAsync(scenario.Agent, caseId, key, 30_000);
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);

        var intruder = await Scenario.NewAsync(factory);
        using var theirs = await PayAsync(intruder.Agent, caseId, key, 30_000);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.False(theirs.WasReplayed());

        // A colleague who happens to send the same key records their own payment.
        using var colleague = await PayAsync(scenario.Agent, caseId, key, 30_000);
        Assert.Equal(HttpStatusCode.Created, colleague.StatusCode);
        Assert.False(colleague.WasReplayed());
        Assert.Equal(2, await factory.CountAsync(PaymentsOfCase, caseId));
    }

    [Theory]
    [InlineData("clé-été")]
    [InlineData("une clé avec des espaces")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x")]
    public async Task AMalformedKey_Is400_AndNothingIsRecorded(string key)
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);

        using var response = await PayAsync(scenario.Agent, caseId, key, 30_000);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
        Assert.Equal(0, await factory.CountAsync(PaymentsOfCase, caseId));
    }

    [Fact]
    public async Task AKeyTakenByARequestWhoseAnswerIsNotKept_Is409_AndNothingMoreIsRecorded()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var agent = scenario.Agent;
        var key = Guid.NewGuid().ToString();
        using var first = await PayAsync(agent, caseId, key, 30_000);
        // As when the first request is still running, or its process stopped between its commit and keeping its answer.
        await factory.ExecuteAsync($"UPDATE idempotency_keys SET status_code = NULL, body = NULL WHERE key = '{key}'");

        using var second = await PayAsync(agent, caseId, key, 30_000);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("déjà en cours", (await Scenario.JsonAsync(second)).GetProperty("title").GetString());
        Assert.Equal(1, await factory.CountAsync(PaymentsOfCase, caseId));
    }

    [Fact]
    public async Task APaymentRequest_SameKey_IsAskedOnce()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var agent = scenario.Agent;
        var key = Guid.NewGuid().ToString();

        using var first = await agent.PostWithKeyAsync($"/api/payments/by-request/{caseId}/requests", key, new { kind = "Deposit" });
        using var second = await agent.PostWithKeyAsync($"/api/payments/by-request/{caseId}/requests", key, new { kind = "Deposit" });

        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.True(second.WasReplayed());
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payment_requests WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(1, await factory.CountAsync(Scenario.CaseOutboxSql, caseId.ToString()));
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient agent, Guid caseId, string key, long amountCents) =>
        agent.PostWithKeyAsync($"/api/payments/by-request/{caseId}/offline", key, new { amountCents, method = "BankTransfer", reference = "VIR-2026-1187" });
}
