using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Inbox;

namespace CommercialManagement.BuildingBlocks.UnitTests;

public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private static RequestReceived Event(DateTimeOffset occurredAt) => new()
    {
        OrganisationId = Guid.NewGuid(),
        OccurredAt = occurredAt,
        RequestId = Guid.NewGuid(),
        Channel = RequestChannel.WebForm,
        CustomerName = "Élodie Martin",
        CustomerEmail = "elodie@example.fr",
        Adults = 2,
        ChildrenAges = [8, 5],
        Language = "fr",
        CustomerSpaceToken = "token",
    };

    [Fact]
    public void NewMessage_IsPendingAndDueAtOnce()
    {
        var message = OutboxMessage.For(Event(Now), traceParent: null);

        Assert.Null(message.SentAt);
        Assert.Equal(0, message.Attempts);
        Assert.True(message.IsDue(Now));
        Assert.False(message.IsDue(Now.AddSeconds(-1)));
    }

    [Fact]
    public void MarkFailed_StaysPendingAndIsRetriedAfterADelay()
    {
        var message = OutboxMessage.For(Event(Now), null);

        message.MarkFailed(Now, "broker unreachable");

        Assert.Null(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("broker unreachable", message.LastError);
        Assert.False(message.IsDue(Now));
        Assert.True(message.IsDue(Now + OutboxMessage.FirstRetryDelay));
    }

    [Fact]
    public void MarkFailed_Repeatedly_DoublesTheDelayUpToTheCap()
    {
        var message = OutboxMessage.For(Event(Now), null);
        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            message.MarkFailed(Now, "down");
            delays.Add(message.NextAttemptAt - Now);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(2), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(4), delays[2]);
        Assert.Equal(OutboxMessage.MaxRetryDelay, delays[^1]);
        Assert.Equal(10, message.Attempts);
        Assert.Null(message.SentAt);
    }

    [Fact]
    public void MarkFailed_WithAHugeError_KeepsItBounded()
    {
        var message = OutboxMessage.For(Event(Now), null);

        message.MarkFailed(Now, new string('x', 10_000));

        Assert.Equal(OutboxMessage.MaxErrorLength, message.LastError!.Length);
    }

    [Fact]
    public void HoldBehind_WaitsAsLongAsTheFailedRow_WithoutCountingAnAttempt()
    {
        var failed = OutboxMessage.For(Event(Now), null);
        var later = OutboxMessage.For(Event(Now.AddMilliseconds(1)), null);
        failed.MarkFailed(Now, "broker unreachable");

        later.HoldBehind(failed);

        Assert.Equal(failed.NextAttemptAt, later.NextAttemptAt);
        Assert.Equal(0, later.Attempts);
        Assert.Null(later.LastError);
    }

    [Fact]
    public void HoldBehind_AClaimedRow_WaitsAsTheFailedRow_NotUntilItsClaimLapses()
    {
        var failed = OutboxMessage.For(Event(Now), null);
        var later = OutboxMessage.For(Event(Now.AddMilliseconds(1)), null);
        // What the relay's claim leaves on a row it holds: the lease's end.
        typeof(OutboxMessage).GetProperty(nameof(OutboxMessage.NextAttemptAt))!.SetValue(later, Now.AddMinutes(1));
        failed.MarkFailed(Now, "down");

        later.HoldBehind(failed);

        Assert.Equal(Now + OutboxMessage.FirstRetryDelay, later.NextAttemptAt);
    }

    [Fact]
    public void Release_AClaimedRowNotTried_IsDueAtOnce_WithoutCountingAnAttempt()
    {
        var claimed = OutboxMessage.For(Event(Now), null);
        typeof(OutboxMessage).GetProperty(nameof(OutboxMessage.NextAttemptAt))!.SetValue(claimed, Now.AddMinutes(1));

        claimed.Release(Now.AddSeconds(3));

        Assert.True(claimed.IsDue(Now.AddSeconds(3)));
        Assert.Equal(0, claimed.Attempts);
    }

    [Fact]
    public void Payload_RoundTripsToTheSameContract()
    {
        var original = Event(Now);
        var message = OutboxMessage.For(original, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        var restored = Assert.IsType<RequestReceived>(message.Deserialize());

        Assert.Equal(original.RequestId, restored.RequestId);
        Assert.Equal("Élodie Martin", restored.CustomerName);
        Assert.Equal([8, 5], restored.ChildrenAges);
        Assert.Equal(typeof(RequestReceived).FullName, message.MessageType);
    }
}
