using System.Text.Json;
using CommercialManagement.ServiceDefaults.Input;

namespace CommercialManagement.Payment.Api.Features.Webhooks;

/// <summary>An event as Stripe sends it: its id, type, creation time and <c>data.object</c>.</summary>
internal sealed record StripeEnvelope(string Id, string Type, DateTimeOffset Created, JsonElement? Object)
{
    /// <summary>
    /// Whether every name and text of the event is one PostgreSQL can keep (its payload is stored as jsonb): no NUL,
    /// control character or lone surrogate, even escaped. False too when the body is not JSON.
    /// </summary>
    public static bool TextIsAcceptable(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Acceptable(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate, escaped, cannot be read as text.
            return false;
        }
    }

    private static bool Acceptable(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => InputText.IsAcceptable(element.GetString()),
        JsonValueKind.Array => element.EnumerateArray().All(Acceptable),
        JsonValueKind.Object => element.EnumerateObject().All(p => InputText.IsAcceptable(p.Name) && Acceptable(p.Value)),
        _ => true,
    };

    /// <summary>Null when the body is not a Stripe event (no id or no type).</summary>
    public static StripeEnvelope? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Json.Text(root, "id") is not { Length: > 0 and <= 255 } id
                || Json.Text(root, "type") is not { Length: > 0 and <= 200 } type)
            {
                return null;
            }

            var created = Json.Number(root, "created") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch;
            JsonElement? data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
                && d.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object ? o.Clone() : null;
            return new StripeEnvelope(id, type, created, data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What we read of a Checkout Session.</summary>
internal sealed record CheckoutSessionData(
    string Id, string? PaymentIntent, string? PaymentStatus, long? AmountTotal, string? Currency, string? ClientReferenceId, IReadOnlyDictionary<string, string> Metadata)
{
    public static CheckoutSessionData? From(JsonElement? element) => element is { } session && Json.Text(session, "id") is { } id
        ? new(id, Json.IdOf(session, "payment_intent"), Json.Text(session, "payment_status"), Json.Number(session, "amount_total"),
            Json.Text(session, "currency"), Json.Text(session, "client_reference_id"), Json.Metadata(session))
        : null;
}

/// <summary>One refund listed on a charge (Stripe lists the newest first).</summary>
internal sealed record RefundData(string Id, long Amount, string? Status, DateTimeOffset? Created);

/// <summary>What we read of a Charge (its refunds are listed only when Stripe includes them: the total refunded always is).</summary>
internal sealed record ChargeData(
    string Id, string? PaymentIntent, long AmountRefunded, string? Currency, IReadOnlyList<RefundData> Refunds, IReadOnlyDictionary<string, string> Metadata)
{
    public static ChargeData? From(JsonElement? element)
    {
        if (element is not { } charge || Json.Text(charge, "id") is not { } id)
        {
            return null;
        }

        var refunds = new List<RefundData>();
        if (charge.TryGetProperty("refunds", out var list) && list.ValueKind == JsonValueKind.Object
            && list.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            refunds.AddRange(data.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && Json.Text(r, "id") is not null && Json.Number(r, "amount") is > 0)
                .Select(r => new RefundData(
                    Json.Text(r, "id")!, Json.Number(r, "amount")!.Value, Json.Text(r, "status"),
                    Json.Number(r, "created") is { } at ? DateTimeOffset.FromUnixTimeSeconds(at) : null)));
        }

        return new(id, Json.IdOf(charge, "payment_intent"), Json.Number(charge, "amount_refunded") ?? 0, Json.Text(charge, "currency"), refunds, Json.Metadata(charge));
    }
}

internal static class Json
{
    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    /// <summary>An expandable field: the id as a string, or the expanded object's id.</summary>
    public static string? IdOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? Text(value, "id") : Text(element, name);

    public static IReadOnlyDictionary<string, string> Metadata(JsonElement element) =>
        element.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            ? metadata.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
}
