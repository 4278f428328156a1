using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>
/// A small service wired as ours are (ServiceDefaults, its database through AddServiceDatabase, the exception handler) whose
/// PostgreSQL is a closed port: a read or a write answers 503 « réessayez » with Retry-After; a bug still answers 500, and
/// a request its caller abandoned is not answered 503.
/// </summary>
public sealed class UnreachableDatabaseTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _slowStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _slowAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ConnectionStrings:tinydb"] =
            $"Host=127.0.0.1;Port={ClosedPort()};Database=tiny;Username=tiny;Password=tiny;Timeout=2;Command Timeout=2";
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<TinyDbContext>("tinydb");

        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Request.Path == "/api/slow")
            {
                _slowAnswered.TrySetResult(context.Response.StatusCode);
            }
        });
        _app.UseExceptionHandler();
        _app.MapGet("/api/things", async (TinyDbContext db) => await db.Things.CountAsync());
        _app.MapPost("/api/things", async (TinyDbContext db) =>
        {
            db.Things.Add(new Thing { Id = Guid.NewGuid() });
            await db.SaveChangesAsync();
            return Results.NoContent();
        });
        _app.MapGet("/api/bug", string () => throw new InvalidOperationException("A bug, not the database."));
        _app.MapGet("/api/duplicate", string () => throw new DbUpdateException(
            "An error occurred while saving the entity changes.",
            new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        _app.MapGet("/api/slow", async (HttpContext context) =>
        {
            _slowStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.NoContent();
        });
        await _app.StartAsync();

        var address = _app.Urls.First();
        _client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(20) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Request_WhoseDatabaseIsUnreachable_Answers503_WithRetryAfter(string method)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/things"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(TransientFailures.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(TransientFailures.Title, problem.GetProperty("title").GetString());
        Assert.Equal(TransientFailures.Detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/bug")]
    [InlineData("/api/duplicate")]
    public async Task Bug_OrConstraintViolation_StillAnswers500_WithoutRetryAfter(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Request_TheCallerAbandons_IsNot503()
    {
        using var abandon = new CancellationTokenSource();
        var call = _client.GetAsync("/api/slow", abandon.Token);
        await _slowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The exception handler closes an aborted request with 499 and no body: nobody is there to read « réessayez ».
        Assert.Equal(StatusCodes.Status499ClientClosedRequest, await _slowAnswered.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Thing
    {
        public Guid Id { get; init; }
    }

    private sealed class TinyDbContext(DbContextOptions<TinyDbContext> options) : DbContext(options)
    {
        public DbSet<Thing> Things => Set<Thing>();
    }
}
