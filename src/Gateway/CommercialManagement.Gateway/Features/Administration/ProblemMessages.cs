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
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (problem.TryGetProperty("errors", out var errors))
            {
                return [.. errors.EnumerateObject().SelectMany(field => field.Value.EnumerateArray()).Select(m => m.GetString() ?? "")];
            }

            if (problem.TryGetProperty("title", out var title))
            {
                return [title.GetString() ?? "La demande a été refusée."];
            }
        }
        catch (JsonException)
        {
        }

        return [$"La demande a été refusée ({(int)response.StatusCode})."];
    }
}
