using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CommercialManagement.Gateway.Features.CustomerSpace;

/// <summary>
/// The customer space is anonymous: its token (256 random bits) is the only key, and each client address may open
/// or post to it a limited number of times (by default 60 per 10 minutes, <c>CustomerSpace:PermitLimit</c>), so
/// nobody can hammer it.
/// </summary>
internal static class CustomerSpaceProtection
{
    public const string RateLimitPolicy = "customer-space";

    public static IHostApplicationBuilder AddCustomerSpace(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CustomerSpaceClient>();
        var permits = builder.Configuration.GetValue("CustomerSpace:PermitLimit", 60);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetSlidingWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 10, QueueLimit = 0 }));
        });
        return builder;
    }
}
