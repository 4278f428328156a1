using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>« Open links die »: a change of stay, the accepted quote voided or replaced cancels the requests still open; an older change of stay does not.</summary>
public sealed class LinksDieTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    [Fact]
    public async Task StayChanged_CancelsTheOpenRequests_AnOlderChangeArrivingLateDoesNot()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        await scenario.PublishAsync(Changed(scenario, caseId, DateTimeOffset.UtcNow.AddMinutes(-5)));
        await WaitConsumedAsync(caseId, 1);
        Assert.Equal(HttpStatusCode.Created, (await scenario.AskAsync(caseId, "Deposit")).StatusCode);

        await scenario.PublishAsync(Changed(scenario, caseId, DateTimeOffset.UtcNow.AddMinutes(-10)));
        await WaitConsumedAsync(caseId, 2);
        await Task.Delay(300);
        Assert.Equal("Open", (await scenario.LedgerAsync(caseId)).GetProperty("requests")[0].GetProperty("status").GetString());

        await scenario.PublishAsync(Changed(scenario, caseId, DateTimeOffset.UtcNow));
        Assert.True(await Eventually.TrueAsync(
            async () => (await scenario.LedgerAsync(caseId)).GetProperty("requests")[0].GetProperty("status").GetString() == "Cancelled", TimeSpan.FromSeconds(20)));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM payment_requests WHERE \"RequestId\" = @p0 AND \"CancelReason\" = 'Le séjour a changé.'", caseId));
    }

    [Fact]
    public async Task QuoteVoided_OrReplacedByALaterAcceptance_CancelsItsOpenRequests()
    {
        var scenario = await Scenario.NewAsync(factory);
        var voidedCase = Guid.CreateVersion7();
        var accepted = scenario.Accepted(voidedCase, 90_000);
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(voidedCase, accepted.QuoteId);
        Assert.Equal(HttpStatusCode.Created, (await scenario.AskAsync(voidedCase, "Full")).StatusCode);

        await scenario.PublishAsync(new QuoteVoided
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = voidedCase, QuoteId = accepted.QuoteId, Reason = "Retiré",
        });
        Assert.True(await Eventually.TrueAsync(
            async () => (await scenario.LedgerAsync(voidedCase)).GetProperty("requests")[0].GetProperty("statusLabel").GetString() == "Annulée", TimeSpan.FromSeconds(20)));

        var replacedCase = await scenario.AcceptedCaseAsync(50_000);
        Assert.Equal(HttpStatusCode.Created, (await scenario.AskAsync(replacedCase, "Deposit")).StatusCode);
        var later = scenario.Accepted(replacedCase, 60_000, DateTimeOffset.UtcNow.AddMinutes(1), number: "DEV-2026-00043");
        await scenario.PublishAsync(later);
        await scenario.WaitForQuoteAsync(replacedCase, later.QuoteId);
        var ledger = await scenario.LedgerAsync(replacedCase);
        Assert.Equal("Cancelled", ledger.GetProperty("requests")[0].GetProperty("status").GetString());
        Assert.True(PaymentRequestTests.Options(ledger)["Deposit"].Allowed);
    }

    /// <summary>Each path that withdraws a request on its own tells it once, with its reason: the Dossier service counts the requests still open.</summary>
    [Fact]
    public async Task EveryAutomaticWithdrawal_PublishesPaymentRequestWithdrawnOnce()
    {
        var scenario = await Scenario.NewAsync(factory);
        var moved = await scenario.AcceptedCaseAsync(100_000);
        var movedRequest = await AskedAsync(scenario, moved, "Deposit");
        var voided = Guid.CreateVersion7();
        var accepted = scenario.Accepted(voided, 90_000);
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(voided, accepted.QuoteId);
        var voidedRequest = await AskedAsync(scenario, voided, "Full");
        var outpaid = await scenario.AcceptedCaseAsync(100_000);
        var outpaidRequest = await AskedAsync(scenario, outpaid, "Full");
        var cancelled = Guid.CreateVersion7();
        await scenario.PublishAsync(scenario.Request(cancelled, 60));
        var cancelledQuote = scenario.Accepted(cancelled, 100_000, content: Scenario.Content());
        await scenario.PublishAsync(cancelledQuote);
        await scenario.WaitForQuoteAsync(cancelled, cancelledQuote.QuoteId);
        var cancelledRequest = await AskedAsync(scenario, cancelled, "Deposit");

        await scenario.PublishAsync(Changed(scenario, moved, DateTimeOffset.UtcNow));
        await scenario.PublishAsync(new QuoteVoided
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = voided, QuoteId = accepted.QuoteId, Reason = "Retiré",
        });
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(outpaid, 30_000)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsJsonAsync(
            $"/api/payments/by-request/{cancelled}/cancellation", new { requestedBy = "Customer", reason = "Empêchement" })).StatusCode);

        foreach (var (caseId, request, reason) in new[]
        {
            (moved, movedRequest, "Le séjour a changé."), (voided, voidedRequest, "Le devis DEV-2026-00042 est annulé."),
            (outpaid, outpaidRequest, "Annulée : le paiement de 300,00"), (cancelled, cancelledRequest, "Dossier annulé : Empêchement"),
        })
        {
            var withdrawn = await factory.PublishedAsync<PaymentRequestWithdrawn>(e => e.PaymentRequestId == request);
            Assert.Equal((scenario.OrganisationId, caseId), (withdrawn.OrganisationId, withdrawn.RequestId));
            Assert.StartsWith(reason, withdrawn.Reason.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
            Assert.Equal(1, await factory.CountAsync(PaymentRequestTests.WithdrawnOutboxSql, request.ToString()));
        }

        // A request still open elsewhere is not told withdrawn: a withdrawal names its own request only.
        var open = await scenario.AcceptedCaseAsync(50_000);
        var openRequest = await AskedAsync(scenario, open, "Deposit");
        await factory.PublishedAsync<PaymentRequested>(e => e.PaymentRequestId == openRequest);
        Assert.Equal(0, await factory.CountAsync(PaymentRequestTests.WithdrawnOutboxSql, openRequest.ToString()));
    }

    private static async Task<Guid> AskedAsync(Scenario scenario, Guid caseId, string kind)
    {
        var response = await scenario.AskAsync(caseId, kind);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Scenario.JsonAsync(response)).GetProperty("requests").EnumerateArray().Last().GetProperty("id").GetGuid();
    }

    private async Task WaitConsumedAsync(Guid caseId, int count) => Assert.True(await Eventually.TrueAsync(
        () => Task.FromResult(factory.Harness.Consumed.Select<StayChanged>(m => m.Context.Message.RequestId == caseId).Count() >= count),
        TimeSpan.FromSeconds(20)));

    private static StayChanged Changed(Scenario scenario, Guid caseId, DateTimeOffset at) => new()
    {
        OrganisationId = scenario.OrganisationId, OccurredAt = at, RequestId = caseId, Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90),
        Departure = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(97), Adults = 2, ChildrenAges = [], StaffId = Guid.NewGuid(), StaffName = "Agent de test",
    };
}
