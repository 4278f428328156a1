using System.Diagnostics;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>
/// Issue 15's fault R1 for a consumer: RabbitMQ away for a minute, then back; how long until a request published on its
/// return opens its case. With MassTransit's own schedule (one attempt every 30 s after a minute) it took 19.5 s here;
/// with <see cref="BrokerReconnection"/>'s, at most one short step.
/// </summary>
public sealed class BrokerReturnTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AfterAMinuteWithoutTheBroker_ARequestOpensItsCaseWithinSecondsOfItsReturn()
    {
        await using var factory = new PrivateBrokerServiceFactory<Program>(ResourceNames.DossierDb);
        await ((IAsyncLifetime)factory).InitializeAsync();
        _ = factory.Server;
        // The consumers' queues and bindings exist once the bus is up: a message published earlier would find none.
        var bus = factory.Services.GetRequiredService<IBusControl>();
        Assert.Equal(BusHealthStatus.Healthy, await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)));
        var before = Guid.CreateVersion7();
        await PublishAsync(factory, before);
        Assert.True(await Eventually.TrueAsync(async () => await CasesAsync(factory, before) == 1, TimeSpan.FromSeconds(60)),
            "No case opened before the outage.");

        await factory.Broker!.StopAppAsync();
        await Task.Delay(Outage);
        await factory.Broker.StartAppAsync();
        var back = Stopwatch.StartNew();
        var after = Guid.CreateVersion7();
        await PublishAsync(factory, after);
        Assert.True(await Eventually.TrueAsync(async () => await CasesAsync(factory, after) == 1, TimeSpan.FromSeconds(90)),
            "No case opened within 90 s of the broker's return.");
        output.WriteLine($"Case opened {back.Elapsed.TotalSeconds:0.0} s after the broker was back from a {Outage.TotalSeconds:0} s outage.");

        Assert.True(back.Elapsed < TimeSpan.FromSeconds(10), $"The case opened {back.Elapsed.TotalSeconds:0.0} s after the broker was back.");
    }

    private static Task PublishAsync(PrivateBrokerServiceFactory<Program> factory, Guid requestId) =>
        factory.Services.GetRequiredService<IBus>().Publish(RequestReceivedTests.Received(requestId), context => context.MessageId = Guid.NewGuid());

    private static Task<long> CasesAsync(PrivateBrokerServiceFactory<Program> factory, Guid requestId) =>
        factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0", requestId);
}
