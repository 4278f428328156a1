using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Stripe is never waited for with a transaction open or the case locked (ADR 0012).</summary>
public sealed class StripeOutsideTheLockTests(StripeFactory factory) : IClassFixture<StripeFactory>
{
    private const string Space = "http://localhost:5100/espace/jeton-du-client";

    [Fact]
    public async Task QuoteVoided_WhileStripeIsSlowToCloseTheSession_HoldsNoTransaction_AndTheCaseStaysFree()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = Guid.CreateVersion7();
        var accepted = scenario.Accepted(caseId, 80_000);
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(caseId, accepted.QuoteId);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Full"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        var opened = await scenario.Customer(caseId).PostAsJsonAsync(
            $"/customer/payments/{id}/checkout", new { successUrl = Space + "?paiement=ok", cancelUrl = Space + "?paiement=annule" });
        var sessionId = (await Scenario.JsonAsync(opened)).GetProperty("url").GetString()!.Split('/')[^1];
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Stripe.ExpiryHold = hold;

        await scenario.PublishAsync(new QuoteVoided
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId, QuoteId = accepted.QuoteId, Reason = "Retiré",
        });
        await factory.Stripe.ExpiryWaiting.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var open = await DatabaseActivity.TransactionsOpenLongerThanAsync(factory.ConnectionString, TimeSpan.FromSeconds(1));
        Assert.True(open.Count == 0, $"Transactions stayed open while Stripe was waited for: {string.Join(" | ", open)}");
        // Staff recording a payment on the case get their answer (the quote is void) without waiting for Stripe.
        var payment = await scenario.PayAsync(caseId, 10_000).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Conflict, payment.StatusCode);

        hold.SetResult();
        Assert.True(await Eventually.TrueAsync(
            async () => factory.Stripe.Expired.Contains(sessionId)
                && await factory.CountAsync("SELECT count(*) FROM payment_requests WHERE \"Id\" = @p0 AND \"SessionToCloseAt\" IS NULL AND \"Status\" = 'Cancelled'", id) == 1,
            TimeSpan.FromSeconds(20)), "The session of the cancelled request was not closed at Stripe once it answered.");
    }
}
