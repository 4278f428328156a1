namespace CommercialManagement.BuildingBlocks.Messaging;

/// <summary>A message a consumer has processed, written in the consumer's own transaction.</summary>
public sealed class InboxMessage(Guid messageId, string consumer, DateTimeOffset processedAt)
{
    public Guid MessageId { get; private set; } = messageId;

    /// <summary>The queue of the consumer: each consumer has its own, prefixed by its service.</summary>
    public string Consumer { get; private set; } = consumer;

    public DateTimeOffset ProcessedAt { get; private set; } = processedAt;
}
