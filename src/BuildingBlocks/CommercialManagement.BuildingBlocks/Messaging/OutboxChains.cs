using System.Text.Json;

namespace CommercialManagement.BuildingBlocks.Messaging;

/// <summary>A due outbox row with its event, or why its event could not be read.</summary>
internal sealed record DueRow(OutboxMessage Message, object? Payload, Exception? Unreadable);

/// <summary>
/// A relay batch cut into chains: the rows of one case (the event's <c>requestId</c>, the case id from start to end;
/// an email event's <c>caseId</c>), or of one organisation for events about no case, in the order they were written.
/// A chain is published one row after the other; chains go out concurrently. The key is read from the stored JSON, so a
/// row whose type cannot be read still holds back its own case.
/// </summary>
internal static class OutboxChains
{
    private static readonly string[] KeyProperties = ["requestId", "caseId", "organisationId"];

    /// <param name="due">The batch, oldest first: the first chain holds the oldest row.</param>
    public static List<List<DueRow>> Of(IEnumerable<OutboxMessage> due) =>
        [.. due.Select(Read).GroupBy(row => Key(row.Message.Payload)).Select(chain => chain.ToList())];

    internal static Guid Key(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in KeyProperties)
                {
                    if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var key))
                    {
                        return key;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not even JSON: the chain of rows with no key.
        }

        return Guid.Empty;
    }

    private static DueRow Read(OutboxMessage message)
    {
        try
        {
            return new DueRow(message, message.Deserialize(), null);
        }
        catch (Exception exception)
        {
            // Published as a failure by the relay: the row stays pending with its error.
            return new DueRow(message, null, exception);
        }
    }
}
