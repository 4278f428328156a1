using System.Diagnostics.Metrics;

namespace CommercialManagement.BuildingBlocks.Messaging;

public static class MessagingMetrics
{
    /// <summary>The meter of the outbox, the inbox and the pruning of old rows; ServiceDefaults exports it.</summary>
    public const string MeterName = "CommercialManagement.Messaging";

    /// <summary>Redeliveries skipped by the inbox, tagged with the consumer's queue.</summary>
    public const string InboxDuplicates = "messaging.inbox.duplicates";

    /// <summary>Outbox rows published with the broker's confirm.</summary>
    public const string OutboxPublished = "messaging.outbox.published";

    /// <summary>Messages parked in a consumer's _error queue after every retry and redelivery, tagged with the consumer's queue.</summary>
    public const string MessagesParked = "messaging.parked";

    /// <summary>Rows deleted once past their retention (sent outbox rows, processed message ids, a service's own), tagged with the table.</summary>
    public const string RowsPruned = "messaging.rows.pruned";

    public const string ConsumerTag = "messaging.consumer";

    public const string TableTag = "db.collection.name";

    internal static readonly Meter Meter = new(MeterName);
}
