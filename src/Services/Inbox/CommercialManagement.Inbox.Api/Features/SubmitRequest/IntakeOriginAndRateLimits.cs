using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommercialManagement.Inbox.Api.Features.SubmitRequest;

internal sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Submissions one client address may make per <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPermits { get; set; } = 20;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Proxies whose X-Forwarded-For is believed (the gateway); loopback is always one.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// Networks of such proxies, in CIDR (<c>10.244.0.0/16</c>): on a cluster the gateway's pods have no fixed address,
    /// only their network.
    /// </summary>
    public string[] TrustedNetworks { get; set; } = [];
}

/// <summary>
/// What protects the anonymous intake besides its rules: CORS limited to the origins websites declared, a sliding
/// window per real client address (behind the gateway, whose forwarded header alone is trusted), 429 when exceeded.
/// </summary>
internal static class IntakeOriginAndRateLimits
{
    public const string CorsPolicy = "intake";
    public const string RateLimitPolicy = "intake";

    public static IHostApplicationBuilder AddIntakeOriginAndRateLimits(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in options.TrustedNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<PostingSites>();
        builder.Services.AddCors();
        builder.Services.AddSingleton<ICorsPolicyProvider, IntakeCorsPolicyProvider>();

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetSlidingWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = options.RateLimitWindow,
                    SegmentsPerWindow = 10,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var delay) ? delay : options.RateLimitWindow;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    title: "Trop de demandes envoyées depuis cette adresse.",
                    detail: $"Réessayez dans {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minute(s).",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication UseIntakeOriginAndRateLimits(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}

/// <summary>
/// A preflight carries no body, so no site key: the intake's CORS policy allows the origins of every enabled
/// website (cached briefly), and the handler then checks the origin against the posting site's own list.
/// </summary>
internal sealed class IntakeCorsPolicyProvider(IServiceScopeFactory scopes, IMemoryCache cache) : ICorsPolicyProvider
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != IntakeOriginAndRateLimits.CorsPolicy)
        {
            return null;
        }

        var origins = await cache.GetOrCreateAsync("intake-origins", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            var lists = await db.Websites.IgnoreQueryFilters().Where(w => w.Enabled).Select(w => w.AllowedOrigins).ToListAsync();
            return lists.SelectMany(o => o).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }) ?? [];

        return new CorsPolicyBuilder()
            .SetIsOriginAllowed(origin => origins.Contains(origin.TrimEnd('/')))
            .WithMethods(HttpMethods.Post)
            .WithHeaders("Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
    }
}
