using CommercialManagement.BuildingBlocks.Messaging;
using MassTransit;
using MassTransit.Middleware;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>
/// The schedule on which a bus's receive endpoints try RabbitMQ again while it is away (issue 15, R1): each step is how
/// long a consumer may stay away after the broker is back. Read from a bus configured as the services configure theirs.
/// </summary>
public sealed class BrokerReconnectionTests
{
    private const int Attempts = 2_000; // about three hours of outage at 5 s a step

    [Fact]
    public void MassTransitsOwnSchedule_ReachesThirtySecondSteps_AndGivesUp()
    {
        var steps = Steps(Configured(shorten: false));

        Assert.True(steps.Max() > TimeSpan.FromSeconds(20), $"MassTransit's longest step is now {steps.Max()}: is ADR 0016 still needed?");
        Assert.True(steps.Count < Attempts, $"MassTransit's schedule now retries {steps.Count} times.");
    }

    [Fact]
    public void OurSchedule_NeverWaitsMoreThanItsLongestStepAndJitter_AndNeverGivesUp()
    {
        var steps = Steps(Configured(shorten: true));

        Assert.Equal(Attempts, steps.Count);
        Assert.True(steps.Max() <= BrokerReconnection.LongestStep * 1.25, $"A step of {steps.Max()}.");
        // The first interval is 1 s plus 1 s ± 20 %, then ± 25 % of jitter: 2.75 s at most.
        Assert.True(steps[0] <= TimeSpan.FromSeconds(2.75), $"The first step is {steps[0]}.");
    }

    [Fact]
    public void OurSchedule_RetriesWhatMassTransitRetries_AndNotAWrongPassword()
    {
        var ours = Configured(shorten: true);
        var masstransits = Configured(shorten: false);
        Exception[] failures =
        [
            new RabbitMqConnectionException("Broker unreachable"),
            new RabbitMQ.Client.Exceptions.AuthenticationFailureException("ACCESS_REFUSED"),
            new InvalidOperationException("not a connection failure"),
        ];

        Assert.Equal(failures.Select(masstransits.IsHandled), failures.Select(ours.IsHandled));
        Assert.True(ours.IsHandled(failures[0]));
        Assert.False(ours.IsHandled(failures[1]));
    }

    private static IRetryPolicy Configured(bool shorten)
    {
        IRetryPolicy? policy = null;
        _ = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri("rabbitmq://127.0.0.1:1/"));
            if (shorten)
            {
                BrokerReconnection.ShortenSteps(rabbit);
            }

            policy = BrokerReconnection.ReceivePolicyOf(rabbit);
        });
        return policy ?? throw new InvalidOperationException("The bus was not configured.");
    }

    /// <summary>The waits before each new attempt while the broker keeps refusing, as the receive transport walks them.</summary>
    private static List<TimeSpan> Steps(IRetryPolicy policy)
    {
        var failure = new RabbitMqConnectionException("Broker unreachable");
        using var policyContext = policy.CreatePolicyContext(new Outage());
        var steps = new List<TimeSpan>();
        if (!policyContext.CanRetry(failure, out var retry))
        {
            return steps;
        }

        while (steps.Count < Attempts)
        {
            steps.Add(retry.Delay ?? TimeSpan.Zero);
            if (!retry.CanRetry(failure, out retry))
            {
                break;
            }
        }

        return steps;
    }

    private sealed class Outage() : BasePipeContext(CancellationToken.None);
}
