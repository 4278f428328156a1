using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommercialManagement.Bench;

/// <summary>What the drivers say to the system, through the gateway as a website and a staff member would.</summary>
internal sealed class Intake(string gatewayUrl) : IDisposable
{
    public const string SiteKey = "valneve-office-demo";

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = new Uri(gatewayUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A unique body (name, email, message): the duplicate window never merges two of them.</summary>
    public static string Body(string tag, int i) => $$"""
        {"siteKey":"{{SiteKey}}","name":"Bench {{tag}} {{i}}","email":"{{tag}}-{{i}}@example.test","phone":"+33 6 12 34 56 78",
         "arrival":"2027-02-13","departure":"2027-02-20","adults":2,"childrenAges":[8,5],
         "message":"Bench {{tag}} {{i}}: un chalet pour la semaine ?","consent":true}
        """;

    public async Task<(HttpStatusCode Status, Guid Id)> SubmitAsync(string tag, int i)
    {
        using var content = new StringContent(Body(tag, i), System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/public/requests", content);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (response.StatusCode, Guid.Empty);
        }

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, json.GetProperty("id").GetGuid());
    }

    /// <summary>The staff token of the calls through <see cref="CallAsync"/>: renewed while requests are in flight.</summary>
    private volatile string? _token;

    public async Task SignInAsync()
    {
        await RenewTokenAsync();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }

    /// <summary>A new 30-minute staff token for <see cref="CallAsync"/> (the default header is left as it was).</summary>
    public async Task RenewTokenAsync()
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/token", new { email = "agent@valneve-office.test", password = "Demo!2026" });
        response.EnsureSuccessStatusCode();
        _token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
    }

    /// <summary>A staff call with the current token: the status, and the JSON answer when there is one.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request);
        var json = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? await response.Content.ReadFromJsonAsync<JsonElement>()
            : default;
        return (response.StatusCode, json);
    }

    public async Task<HttpStatusCode> GetDossierAsync(Guid id)
    {
        using var response = await _http.GetAsync($"/api/dossiers/{id}");
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> ReplyAsync(Guid requestId, string body)
    {
        using var response = await _http.PostAsJsonAsync($"/api/requests/{requestId}/messages", new { body, @internal = false });
        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}
