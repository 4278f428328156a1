using CommercialManagement.Gateway.Components;
using CommercialManagement.Gateway.Features.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>The gateway's fan-out to open pages: the organisation's pages on the topic, and no other.</summary>
public sealed class LiveChangesTests
{
    private static readonly Guid Office = Guid.NewGuid();
    private static readonly Guid SkiSchool = Guid.NewGuid();

    private static LiveChange Change(Guid organisation, LiveTopic topics) => new(organisation, Guid.NewGuid(), topics, "RequestReceived");

    [Fact]
    public async Task AChange_ReachesThePagesOfItsOrganisationOnItsTopic_AndNoOther()
    {
        var live = new LiveChanges(NullLogger<LiveChanges>.Instance);
        var seen = new List<string>();
        using var officeList = live.Subscribe(Office, LiveTopic.Requests, _ => Record(seen, "office list"));
        using var officeBoard = live.Subscribe(Office, LiveTopic.Dossiers, _ => Record(seen, "office board"));
        using var schoolList = live.Subscribe(SkiSchool, LiveTopic.Requests, _ => Record(seen, "school list"));

        live.Publish(Change(Office, LiveTopic.Requests | LiveTopic.Conversation));
        await Task.Delay(50);

        Assert.Equal(["office list"], seen);
    }

    [Fact]
    public async Task APageClosed_HearsNothingMore_AndAFailingPageDoesNotStopTheOthers()
    {
        var live = new LiveChanges(NullLogger<LiveChanges>.Instance);
        var seen = new List<string>();
        var closed = live.Subscribe(Office, LiveTopic.Requests, _ => Record(seen, "closed"));
        using var broken = live.Subscribe(Office, LiveTopic.Requests, _ => throw new InvalidOperationException("circuit gone"));
        using var open = live.Subscribe(Office, LiveTopic.Requests, _ => Record(seen, "open"));
        closed.Dispose();

        live.Publish(Change(Office, LiveTopic.Requests));
        await Task.Delay(50);

        Assert.Equal(["open"], seen);
    }

    [Fact]
    public void Counts_AreWrittenTheFrenchWay()
    {
        Assert.Matches(@"^1\s069$", FrenchFormat.Count(1_069));
        Assert.Equal("25", FrenchFormat.Count(25));
    }

    private static Task Record(List<string> seen, string who)
    {
        lock (seen)
        {
            seen.Add(who);
        }

        return Task.CompletedTask;
    }
}
