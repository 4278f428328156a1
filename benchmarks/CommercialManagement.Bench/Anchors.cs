using Npgsql;
using Yarp.ReverseProxy.Configuration;

namespace CommercialManagement.Bench;

/// <summary>
/// The floors the system is held against, on the same machine in the same run: a POST answered 202 with nothing behind
/// it; one request-like row and one outbox row committed in one transaction with plain Npgsql; a bare YARP hop.
/// </summary>
internal static class Anchors
{
    public static async Task<int> BareAsync(string[] args)
    {
        var app = Build(args[0]);
        app.MapPost("/public/requests", () => TypedResults.Accepted((string?)null, new Accepted(Guid.CreateVersion7())));
        await app.RunAsync();
        return 0;
    }

    public static async Task<int> RawWriteAsync(string[] args)
    {
        var connectionString = args[1];
        await RawWrite.PrepareAsync(connectionString);
        var app = Build(args[0]);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        app.MapPost("/public/requests", async (RequestBody body, CancellationToken cancellationToken) =>
            TypedResults.Accepted((string?)null, new Accepted(await RawWrite.InsertAsync(dataSource, body, cancellationToken))));
        await app.RunAsync();
        return 0;
    }

    public static async Task<int> ProxyAsync(string[] args)
    {
        var builder = Builder(args[0]);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "destination", Match = new RouteMatch { Path = "{**catch-all}" } }],
            [new ClusterConfig { ClusterId = "destination", Destinations = new Dictionary<string, DestinationConfig> { ["d"] = new() { Address = args[1] } } }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync();
        return 0;
    }

    private static WebApplication Build(string port) => Builder(port).Build();

    private static WebApplicationBuilder Builder(string port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BenchJson.Default));
        return builder;
    }
}

internal sealed record Accepted(Guid Id);

/// <summary>The fields of the public intake's body that a raw write keeps.</summary>
internal sealed record RequestBody(
    string? SiteKey, string? Name, string? Email, string? Phone, DateOnly? Arrival, DateOnly? Departure, int? Adults,
    int[]? ChildrenAges, string? Message, bool? Consent);
