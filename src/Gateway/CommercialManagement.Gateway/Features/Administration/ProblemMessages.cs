using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Errors;

namespace CommercialManagement.Gateway.Features.Administration;

/// <summary>The messages of a service's ProblemDetails answer, to show to the person who asked.</summary>
internal static class ProblemMessages
{
    public static async Task<IReadOnlyList<string>> ReadAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return [];
        }

        try
        {
            return From(await response.Content.ReadFromJsonAsync<JsonElement>(), response.StatusCode);
        }
        catch (JsonException)
        {
            return From(default, response.StatusCode);
        }
    }

    public static IReadOnlyList<string> From(JsonElement problem, System.Net.HttpStatusCode status)
    {
        if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var errors))
        {
            return [.. errors.EnumerateObject().SelectMany(field => field.Value.EnumerateArray()).Select(m => m.GetString() ?? "")];
        }

        if (IsUnavailable(status))
        {
            // A service down or too slow for a moment: what to do matters more than the refusal, so the detail comes too.
            return [Unavailable(problem)];
        }

        if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("title", out var title))
        {
            return [title.GetString() ?? "La demande a été refusée."];
        }

        return [$"La demande a été refusée ({(int)status})."];
    }

    private static bool IsUnavailable(System.Net.HttpStatusCode status) =>
        status is System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.BadGateway or System.Net.HttpStatusCode.GatewayTimeout;

    /// <summary>The service's own title and detail; when it could not say (a proxy's empty 502, 504), the same words.</summary>
    private static string Unavailable(JsonElement problem)
    {
        var title = Text(problem, "title");
        var detail = Text(problem, "detail");
        return title is null
            ? $"{TransientFailures.Title} {TransientFailures.Detail}"
            : detail is null ? title : $"{title} {detail}";
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
