using System.Net;
using System.Text.Json;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>
/// /health is readiness (the database and the bus can do their work), /alive is the process itself. During a broker
/// outage MassTransit reports its bus Degraded (an endpoint that stopped consuming), which ASP.NET answered 200.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task BusWithAnEndpointThatStoppedConsuming_IsNotReady_ButTheProcessIsAlive()
    {
        await using var factory = new DossierFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        var client = factory.CreateClient();
        Assert.True(await Eventually.TrueAsync(
            async () => (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20)),
            "The service never became ready.");

        // An endpoint that stops without being removed is what a lost broker connection leaves: MassTransit's own check
        // then reports the bus Degraded, naming the endpoint.
        var handle = factory.Services.GetRequiredService<IBusControl>()
            .ConnectReceiveEndpoint("dossier-health-probe", endpoint => endpoint.Handler<HealthProbe>(_ => Task.CompletedTask));
        await handle.Ready;
        await handle.ReceiveEndpoint.Stop();

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        Assert.Equal("Degraded", Check(report, "masstransit-bus"));
        Assert.Equal("Healthy", Check(report, "DossierDbContext"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task StoppedBus_IsNotReady_ButTheProcessIsAlive()
    {
        await using var factory = new DossierFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        var client = factory.CreateClient();
        Assert.True(await Eventually.TrueAsync(
            async () => (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20)),
            "The service never became ready.");

        await factory.Services.GetRequiredService<IBusControl>().StopAsync();

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", Check(report, "masstransit-bus"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    private static string? Check(JsonElement report, string name) =>
        report.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == name)
            .GetProperty("status").GetString();

    public sealed record HealthProbe;
}
