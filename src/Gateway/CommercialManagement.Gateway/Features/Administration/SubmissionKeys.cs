using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults.Idempotency;

namespace CommercialManagement.Gateway.Features.Administration;

/// <summary>
/// The Idempotency-Key of each form (or action button) of a component, made when the form is first sent from the
/// component as shown: the same on every resubmission of that form (a double click, a retry after a timeout or a
/// refusal), so the service applies it once; a new one once it went through, so the next submission is a new operation.
/// </summary>
internal sealed class SubmissionKeys
{
    private readonly Dictionary<string, string> _keys = [];

    /// <summary>The current key of <paramref name="form"/>.</summary>
    public string For(string form = "") => _keys.TryGetValue(form, out var key) ? key : _keys[form] = IdempotencyHeaders.NewKey();

    /// <summary>Sends <paramref name="form"/> with its key; the key is renewed only when the service took it (no problem back).</summary>
    public async Task<IReadOnlyList<string>> SubmitAsync(string form, Func<string, Task<IReadOnlyList<string>>> send)
    {
        var problems = await send(For(form));
        if (problems.Count == 0)
        {
            _keys.Remove(form);
        }

        return problems;
    }

    public Task<IReadOnlyList<string>> SubmitAsync(Func<string, Task<IReadOnlyList<string>>> send) => SubmitAsync("", send);
}

internal static class IdempotentRequests
{
    /// <summary>A POST carrying the form's <c>Idempotency-Key</c>.</summary>
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string uri, object? body, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(IdempotencyHeaders.Key, idempotencyKey);
        return client.SendAsync(request, cancellationToken);
    }
}
