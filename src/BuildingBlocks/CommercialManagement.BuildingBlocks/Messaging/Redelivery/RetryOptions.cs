using Microsoft.Extensions.Configuration;

namespace CommercialManagement.BuildingBlocks.Messaging.Redelivery;

/// <summary>
/// How long a failing message is tried before a person must look at it. First the in-memory retries (a lock, a
/// connection reset), then redeliveries through the broker's wait queues with growing delays (a restart, an outage):
/// 10 s, 1, 5, 15 min, then every 30 min, nearly two hours in all. Only then is it parked in the consumer's _error queue.
/// </summary>
public sealed record RetryOptions(IReadOnlyList<TimeSpan> Immediate, IReadOnlyList<TimeSpan> Redelivery)
{
    public const string Section = "Messaging:Retry";

    public static readonly RetryOptions Default = new(
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)],
        [
            TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
            TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30),
        ]);

    /// <summary>
    /// Messaging:Retry:Immediate and Messaging:Retry:Redelivery as lists of durations, each replacing its default whole
    /// (the configuration binder would append to an initialised array).
    /// </summary>
    public static RetryOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var immediate = section.GetSection(nameof(Immediate)).Get<TimeSpan[]>();
        var redelivery = section.GetSection(nameof(Redelivery)).Get<TimeSpan[]>();
        var options = new RetryOptions(immediate ?? [.. Default.Immediate], redelivery ?? [.. Default.Redelivery]);
        if (options.Immediate.Count != Default.Immediate.Count)
        {
            // Consumers that wait for an event which may overtake theirs go on without it at the last immediate try.
            throw new InvalidOperationException(
                $"{Section}:{nameof(Immediate)}: exactly {Default.Immediate.Count} waits (their lengths may change, not their number).");
        }

        if (options.Redelivery.Any(delay => delay < TimeSpan.FromSeconds(1) || delay > TimeSpan.FromDays(1) || delay.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw new InvalidOperationException($"{Section}:{nameof(Redelivery)}: every wait is whole seconds, between 1 s and 1 day.");
        }

        return options;
    }
}
