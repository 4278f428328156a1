using System.Text.Json;
using System.Text.Json.Nodes;
using CommercialManagement.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommercialManagement.Gateway.Features.ApiDocs;

/// <summary>
/// The published document, built from the gateway's own description and the services' (fetched over service discovery
/// from each one's <c>/openapi/v1.json</c>) and kept for a while: route tables change only when a service is deployed.
/// A service that does not answer within 10 seconds does not break the page: its last good copy is used, or, if it
/// never answered since the gateway started, its routes are left out and the document says so; either way the next
/// build comes sooner, so the page mends itself once the service is back.
/// </summary>
internal sealed partial class ServiceDocuments(
    IHttpClientFactory clients,
    [FromKeyedServices(ApiDocumentation.DocumentName)] IOpenApiDocumentProvider gateway,
    TimeProvider time,
    ILogger<ServiceDocuments> logger)
{
    public const string ClientName = "api-docs";

    /// <summary>How long a complete document is served before the services are asked again.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);

    /// <summary>How long a document missing a service (or using a kept copy) is served before asking again.</summary>
    public static readonly TimeSpan Incomplete = TimeSpan.FromSeconds(15);

    /// <summary>A service's first description (reflection over its whole route table) can take seconds on a busy machine.</summary>
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Dictionary<string, JsonObject> _lastGood = new(StringComparer.Ordinal);
    // A reference swapped whole (read without the lock): a reader sees the old document or the new one, never half of each.
    private volatile Published? _published;

    /// <summary>The services whose routes are published, in the order of the route table.</summary>
    public static IReadOnlyList<string> Services { get; } =
        [.. IntegratorRoutes.Published.Select(r => r.ClusterId!).Distinct(StringComparer.Ordinal)];

    /// <summary>The document as UTF-8 JSON.</summary>
    public async Task<byte[]> GetAsync()
    {
        if (_published is { } ready && ready.Until > time.GetUtcNow())
        {
            return ready.Json;
        }

        await _building.WaitAsync();
        try
        {
            if (_published is { } built && built.Until > time.GetUtcNow())
            {
                return built.Json;
            }

            var json = await BuildAsync();
            return json;
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task<byte[]> BuildAsync()
    {
        var own = await gateway.GetOpenApiDocumentAsync();
        var gatewayDocument = JsonNode.Parse(await own.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1))!.AsObject();
        var fetched = await Task.WhenAll(Services.Select(FetchAsync));
        var sources = new List<SourceDocument>();
        var unavailable = new List<string>();
        foreach (var (service, document) in Services.Zip(fetched))
        {
            if (document is not null)
            {
                _lastGood[service] = document;
                sources.Add(new SourceDocument(service, document));
            }
            else if (_lastGood.TryGetValue(service, out var kept))
            {
                sources.Add(new SourceDocument(service, kept, Kept: true));
            }
            else
            {
                unavailable.Add(service);
            }
        }

        var merged = PublishedDocument.Merge(new SourceDocument("gateway", gatewayDocument), sources, unavailable);
        var json = JsonSerializer.SerializeToUtf8Bytes(merged, new JsonSerializerOptions { WriteIndented = true });
        var complete = unavailable.Count == 0 && sources.All(s => !s.Kept);
        _published = new Published(json, time.GetUtcNow() + (complete ? Fresh : Incomplete));
        return json;
    }

    private async Task<JsonObject?> FetchAsync(string service)
    {
        using var timeout = new CancellationTokenSource(FetchTimeout);
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(new Uri($"http://{service}/openapi/{ApiDocumentation.DocumentName}.json"), timeout.Token);
            response.EnsureSuccessStatusCode();
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) as JsonObject;
            return document?["paths"] is JsonObject ? document : throw new JsonException("The answer is not an OpenAPI document.");
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or JsonException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            LogUnavailable(logger, service, exception.Message);
            return null;
        }
    }

    private sealed record Published(byte[] Json, DateTimeOffset Until);

    [LoggerMessage(EventId = 4250, Level = LogLevel.Warning, Message = "The API document of {Service} could not be read ({Reason}): /api/docs goes without it for now.")]
    private static partial void LogUnavailable(ILogger logger, string service, string reason);
}
