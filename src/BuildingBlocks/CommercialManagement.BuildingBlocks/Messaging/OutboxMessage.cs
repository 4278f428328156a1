using System.Text.Json;
using System.Text.Json.Serialization;
using CommercialManagement.Contracts;

namespace CommercialManagement.BuildingBlocks.Messaging;

/// <summary>
/// An integration event saved in the same transaction as the business change that caused it, and published
/// later by the <see cref="OutboxRelay{TDbContext}"/>. Its id becomes the message id, so a republished row is
/// recognised as a duplicate by the consumers' inbox. A row is never dropped: it stays pending until sent.
/// </summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    internal const int MaxErrorLength = 2000;

    private OutboxMessage(Guid id, string messageType, string payload, DateTimeOffset occurredAt, string? traceParent)
    {
        Id = id;
        MessageType = messageType;
        Payload = payload;
        OccurredAt = occurredAt;
        NextAttemptAt = occurredAt;
        TraceParent = traceParent;
    }

    public Guid Id { get; private set; }

    /// <summary>The full name of the contract type, resolved in the Contracts assembly when published.</summary>
    public string MessageType { get; private set; }

    public string Payload { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The W3C trace parent of the business change, so the publish joins the same trace.</summary>
    public string? TraceParent { get; private set; }

    public static OutboxMessage For(IIntegrationEvent integrationEvent, string? traceParent)
    {
        var type = integrationEvent.GetType();
        if (type.Assembly != typeof(IIntegrationEvent).Assembly || type.FullName is null)
        {
            throw new ArgumentException($"{type.Name} is not a contract of CommercialManagement.Contracts.", nameof(integrationEvent));
        }

        var payload = JsonSerializer.Serialize(integrationEvent, type, SerializerOptions);
        return new OutboxMessage(Guid.CreateVersion7(), type.FullName, payload, integrationEvent.OccurredAt, traceParent);
    }

    public bool IsDue(DateTimeOffset now) => SentAt is null && NextAttemptAt <= now;

    /// <summary>Keeps the row pending and pushes its next attempt back, doubling the delay up to a minute.</summary>
    public void MarkFailed(DateTimeOffset now, string error)
    {
        if (SentAt is not null)
        {
            throw new InvalidOperationException($"Outbox message {Id} was already sent at {SentAt:O}.");
        }

        Attempts++;
        NextAttemptAt = now + RetryDelay(Attempts);
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
    }

    /// <summary>
    /// Keeps a later row of the same case waiting as long as an earlier one that failed, so the case's order survives the
    /// back-off; it was not tried, so its attempts stay as they are. (It was claimed, so its next attempt was the lease's end.)
    /// </summary>
    public void HoldBehind(OutboxMessage failed)
    {
        EnsurePending();
        NextAttemptAt = failed.NextAttemptAt;
    }

    /// <summary>Gives back a claimed row that was not tried (the pass stopped or ran out of lease): due again at once.</summary>
    public void Release(DateTimeOffset now)
    {
        EnsurePending();
        NextAttemptAt = now;
    }

    private void EnsurePending()
    {
        if (SentAt is not null)
        {
            throw new InvalidOperationException($"Outbox message {Id} was already sent at {SentAt:O}.");
        }
    }

    internal static TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 16);
        var delay = FirstRetryDelay * Math.Pow(2, exponent);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    internal object Deserialize()
    {
        var type = typeof(IIntegrationEvent).Assembly.GetType(MessageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message {Id} has unknown type {MessageType}.");
        return JsonSerializer.Deserialize(Payload, type, SerializerOptions)
            ?? throw new InvalidOperationException($"Outbox message {Id} has an empty payload.");
    }
}
