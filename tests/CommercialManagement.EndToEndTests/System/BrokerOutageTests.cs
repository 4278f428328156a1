using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.EndToEndTests.System;

[Collection(SystemCollection.Name)]
public sealed class BrokerOutageTests(SystemFixture system)
{
    [Fact]
    public async Task PublicRequest_WhileRabbitMqIsDown_IsAcceptedAndBecomesACaseOnceItIsBack()
    {
        var commands = system.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var stopped = await commands.ExecuteCommandAsync(ResourceNames.RabbitMqServer, "resource-stop", timeout.Token);
        Assert.True(stopped.Success, stopped.Message);
        await system.App.ResourceNotifications.WaitForResourceAsync(
            ResourceNames.RabbitMqServer, e => e.Snapshot.State?.Text is "Exited" or "Finished", timeout.Token);

        Guid id;
        try
        {
            id = await RequestToCaseTests.PostRequestAsync(system.Gateway(), "outage@example.fr");

            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Null(await RequestToCaseTests.FindCaseAsync(await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test"), id));
            Assert.Equal(1, await RequestToCaseTests.CountAsync(system.App, ResourceNames.InboxDb,
                "SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0 AND message_type LIKE '%.RequestReceived' AND sent_at IS NULL", id.ToString()));
        }
        finally
        {
            var started = await commands.ExecuteCommandAsync(ResourceNames.RabbitMqServer, "resource-start", timeout.Token);
            Assert.True(started.Success, started.Message);
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.RabbitMqServer, timeout.Token);
        }

        var dossier = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        Assert.True(await Eventually.TrueAsync(
            async () => await RequestToCaseTests.FindCaseAsync(dossier, id) is not null, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1)));
        Assert.Equal(1, await RequestToCaseTests.CountAsync(system.App, ResourceNames.DossierDb,
            "SELECT count(*) FROM dossiers WHERE \"Id\" = @p0", id));
        Assert.Equal(1, await RequestToCaseTests.CountAsync(system.App, ResourceNames.InboxDb,
            "SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0 AND message_type LIKE '%.RequestReceived' AND sent_at IS NOT NULL", id.ToString()));
    }
}
