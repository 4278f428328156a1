using System.Net.Http.Json;
using System.Text.Json;

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

        if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("title", out var title))
        {
            return [title.GetString() ?? "La demande a été refusée."];
        }

        return [$"La demande a été refusée ({(int)status})."];
    }
}
