using System.Net;
using CommercialManagement.TestKit;
using Npgsql;
using Polly.CircuitBreaker;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// The sandbox's page when the webhook cannot be reached through the resilience pipeline (its retry message, never a 500), and
/// when its request is cancelled while the payment waits for the case's lock (checked again under the lock).
/// </summary>
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

        var response = await factory.CreateClient().PostAsync(new Uri(url).AbsolutePath, Form());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("Le paiement n&#39;a pas pu être confirmé", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestCancelledWhileThePaymentWaitsForTheLock_IsRefused_NothingSent()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        var url = (await Scenario.JsonAsync(await CustomerPaymentTests.CheckoutAsync(scenario.Customer(caseId), id))).GetProperty("url").GetString()!;
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@p0, 0))", caseId.ToString());

        // The page checked its request before the lock: staff cancel it while the payment waits.
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var paying = client.PostAsync(new Uri(url).AbsolutePath, Form());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") > 0,
            TimeSpan.FromSeconds(20)));
        await ExecuteAsync(connection, transaction,
            "UPDATE payment_requests SET \"Status\" = 'Cancelled', \"CancelReason\" = 'Annulée par le test.', \"ClosedAt\" = now() WHERE \"Id\" = @p0", id);
        await transaction.CommitAsync();
        var response = await paying;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.DoesNotContain(factory.Webhook.Received, r => r.Payload.Contains(id.ToString(), StringComparison.Ordinal));
    }

    private static FormUrlEncodedContent Form() => new(new Dictionary<string, string>
    {
        ["email"] = "elodie@example.fr", ["card"] = "4242 4242 4242 4242", ["expiry"] = "12/40", ["cvc"] = "123", ["name"] = "Élodie Martin",
    });

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object value)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("p0", value);
        await command.ExecuteNonQueryAsync();
    }
}
