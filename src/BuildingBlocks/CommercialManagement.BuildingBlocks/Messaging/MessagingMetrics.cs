using System.Diagnostics.Metrics;

namespace CommercialManagement.BuildingBlocks.Messaging;

public static class MessagingMetrics
{
    /// <summary>The meter of the outbox and the inbox; ServiceDefaults exports it.</summary>
    public const string MeterName = "CommercialManagement.Messaging";

    internal static readonly Meter Meter = new(MeterName);
}
