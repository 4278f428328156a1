using System.Diagnostics.Metrics;
using CommercialManagement.BuildingBlocks.Messaging;

namespace CommercialManagement.TestKit;

/// <summary>Counts the redeliveries the inbox skipped for one consumer, from the messaging meter.</summary>
public sealed class DuplicateCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public DuplicateCounter(string consumer)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == MessagingMetrics.InboxDuplicates)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == MessagingMetrics.ConsumerTag && Equals(tag.Value, consumer))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
