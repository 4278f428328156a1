using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// Two replicas started together on an empty database (the AppHost with --Topology:Replicas=2 on a fresh data folder):
/// both migrate and seed the demo data; one used to fail on a key and crash. The seeding now runs under an advisory lock.
/// With the lock taken out (its SQL replaced by SELECT 1), this test failed 5 runs out of 5 on a DbUpdateException.
/// </summary>
public sealed class ReplicaStartTests
{
    [Fact]
    public async Task TwoReplicasOnAnEmptyDatabase_BothStart_TheDemoDataOnce()
    {
        await using var first = new InboxFactory();
        await first.InitializeAsync();
        await using var second = new InboxFactory(first.ConnectionString);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        Assert.Equal(3, await first.CountAsync("SELECT count(*) FROM websites"));
        Assert.Equal(DemoCases.All.Count, await first.CountAsync("SELECT count(*) FROM requests"));
    }
}
