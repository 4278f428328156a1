using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace CommercialManagement.BuildingBlocks.Messaging.Redelivery;

/// <summary>
/// Messages that failed every retry and every redelivery (about two hours) wait in their consumer's <c>_error</c> queue,
/// each with the reason in its MT-Fault-* headers. Once the cause is fixed, <see cref="ReplayAsync"/> puts them back in
/// their consumer's queue with a fresh redelivery schedule; their message ids are kept, so a consumer that had already
/// applied one (the inbox) acknowledges it without applying it twice.
/// </summary>
public static partial class ParkedMessages
{
    public const string ErrorSuffix = "_error";

    /// <summary>The log category of the Error line written when a message is parked.</summary>
    public const string LoggerCategory = "CommercialManagement.Messaging.Parked";

    /// <summary>How many messages wait in the _error queue of each consumer queue named (0 when it has none yet).</summary>
    public static async Task<IReadOnlyDictionary<string, uint>> CountAsync(Uri broker, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        await using var connection = await Connect(broker, cancellationToken);
        var counts = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            counts[queue] = await ErrorCountAsync(connection, queue, cancellationToken);
        }

        return counts;
    }

    /// <summary>
    /// Moves what waits in <paramref name="queue"/>_error now back to <paramref name="queue"/>, one message at a time, each
    /// confirmed by the broker before it leaves the error queue (a crash midway duplicates one message at most, never loses
    /// one). Returns how many were moved.
    /// </summary>
    public static async Task<int> ReplayAsync(Uri broker, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await Connect(broker, cancellationToken);
        var waiting = await ErrorCountAsync(connection, queue, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var moved = 0;
        // Only what was there at the start: a message that fails again is parked again, not replayed in a loop.
        while (moved < waiting)
        {
            var parked = await channel.BasicGetAsync(queue + ErrorSuffix, autoAck: false, cancellationToken);
            if (parked is null)
            {
                break;
            }

            var properties = new BasicProperties(parked.BasicProperties);
            if (properties.Headers is { } headers)
            {
                foreach (var key in headers.Keys.Where(IsFaultHeader).ToList())
                {
                    headers.Remove(key);
                }
            }

            await channel.BasicPublishAsync("", queue, mandatory: true, properties, parked.Body, cancellationToken);
            await channel.BasicAckAsync(parked.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        return moved;
    }

    private static bool IsFaultHeader(string key) =>
        key.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("MT-Host-", StringComparison.OrdinalIgnoreCase)
        || key.Equals("MT-Reason", StringComparison.OrdinalIgnoreCase)
        || key.Equals(MessageHeaders.RedeliveryCount, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("x-death", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("x-first-death-", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("x-last-death-", StringComparison.OrdinalIgnoreCase);

    private static async Task<uint> ErrorCountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a queue that does not exist closes the channel: one channel per question.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue + ErrorSuffix, cancellationToken);
            return declared.MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    private static Task<IConnection> Connect(Uri broker, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = broker, ClientProvidedName = "parked-messages" }.CreateConnectionAsync(cancellationToken);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error,
        Message = "Message {MessageId} ({MessageType}) failed every retry and {Redeliveries} redeliveries: parked in {Queue}_error until a person replays it")]
    internal static partial void LogParked(ILogger logger, Guid? messageId, string messageType, string queue, int redeliveries, Exception exception);
}
