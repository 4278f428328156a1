using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Two instances of the service on one database, each with its processor: events of one session, spread over both, pay once.</summary>
public sealed class WebhookTwoInstancesTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    [Fact]
    public async Task TenEventsOfOneSession_OverTwoInstances_InParallel_OnePayment()
    {
        await using var second = new SecondInstance(factory.ConnectionString);
        var kits = new[] { new StripeKit(factory), new StripeKit(second) };
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var request = await kits[0].OpenRequestAsync(scenario, caseId, PaymentKind.Deposit, 30_000);
        var events = Enumerable.Range(0, 10)
            .Select(i => StripeKit.SessionEvent(i % 2 == 0 ? "checkout.session.completed" : "checkout.session.async_payment_succeeded", request))
            .ToList();

        await Task.WhenAll(events.Select((json, i) => kits[i % 2].SendAsync(json)));
        var outcomes = new List<string>();
        foreach (var json in events)
        {
            outcomes.Add(await kits[0].ProcessedAsync(json));
        }

        Assert.Equal(1, outcomes.Count(o => o == "Applied"));
        Assert.Equal(9, outcomes.Count(o => o == "Duplicate"));
        Assert.Equal(1, await kits[0].PaymentsOfAsync(request));
        Assert.Equal(1, await kits[0].OutboxAsync(nameof(PaymentReceived), caseId));
    }

    private sealed class SecondInstance(string connectionString) : ServiceFactory<Program>(ResourceNames.PaymentDb, connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Stripe:Sandbox", "true");
        }
    }
}
