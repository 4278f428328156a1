using System.Collections.Concurrent;
using System.Globalization;
using RabbitMQ.Client;

namespace CommercialManagement.BuildingBlocks.Messaging.Redelivery;

/// <summary>
/// The broker's waiting rooms, one per delay, shared by every consumer of every service (RabbitMQ here has no
/// delayed-message plugin). A message to redeliver is sent to the fanout exchange <c>redelivery-wait-{n}s</c> with its
/// consumer's queue as routing key; the exchange's one queue holds it for n seconds (x-message-ttl), then dead-letters
/// it to the default exchange, which routes it by that key back to the consumer's queue. Declared on first use, on a
/// channel of the process's RabbitMQ.Client connection (Aspire's client integration: it reconnects, and its health check
/// and traces come with it).
/// </summary>
public sealed class WaitQueues(Func<IConnection> connection)
{
    public const string NamePrefix = "redelivery-wait-";

    private readonly ConcurrentDictionary<TimeSpan, Lazy<Task<string>>> declared = new();

    public static string NameFor(TimeSpan delay) =>
        string.Create(CultureInfo.InvariantCulture, $"{NamePrefix}{(long)delay.TotalSeconds}s");

    /// <summary>The exchange to send to for this delay, declared with its queue if this process has not yet.</summary>
    public async Task<string> EnsureAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var declaration = declared.GetOrAdd(delay, d => new Lazy<Task<string>>(() => DeclareAsync(d)));
        try
        {
            return await declaration.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The broker may be back on the next try: do not remember a failure.
            declared.TryRemove(new KeyValuePair<TimeSpan, Lazy<Task<string>>>(delay, declaration));
            throw;
        }
    }

    private async Task<string> DeclareAsync(TimeSpan delay)
    {
        var name = NameFor(delay);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var channel = await connection().CreateChannelAsync(cancellationToken: timeout.Token);
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: timeout.Token);
        await channel.QueueDeclareAsync(
            name,
            durable: true,
            exclusive: false,
            autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                // The default exchange, with the routing key the message was sent with: its consumer's queue.
                ["x-dead-letter-exchange"] = "",
            },
            cancellationToken: timeout.Token);
        await channel.QueueBindAsync(name, name, routingKey: "", cancellationToken: timeout.Token);
        return name;
    }
}
