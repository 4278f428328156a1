using System.Net;
using Polly.CircuitBreaker;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>The sandbox's page when the webhook cannot be reached through the resilience pipeline: its retry message, never a 500.</summary>
public sealed class SandboxResilienceTests(SandboxFactory factory) : IClassFixture<SandboxFactory>
{
    [Fact]
    public async Task OpenCircuit_ShowsTheRetryMessage_NotA500()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        var url = (await Scenario.JsonAsync(await CustomerPaymentTests.CheckoutAsync(scenario.Customer(caseId), id))).GetProperty("url").GetString()!;
        factory.Webhook.Throws = new BrokenCircuitException("The circuit is now open.");

        var response = await factory.CreateClient().PostAsync(new Uri(url).AbsolutePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "elodie@example.fr", ["card"] = "4242 4242 4242 4242", ["expiry"] = "12/40", ["cvc"] = "123", ["name"] = "Élodie Martin",
        }));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("Le paiement n&#39;a pas pu être confirmé", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
