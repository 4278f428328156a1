using System.Net.Http.Json;

namespace CommercialManagement.TestKit;

/// <summary>A POST as the back office sends a form: with the form's Idempotency-Key.</summary>
public static class IdempotentCalls
{
    public const string Replayed = "Idempotency-Replayed";

    public static Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient client, string path, string key, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    public static bool WasReplayed(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(Replayed, out var values) && values.SequenceEqual(["true"]);
}
