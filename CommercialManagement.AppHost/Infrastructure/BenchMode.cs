using Microsoft.Extensions.Configuration;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// ./bench.sh starts the AppHost with <c>--Bench:Enabled=true</c>: the intake's per-address limit (Intake:RateLimitPermits)
/// is lifted, since the load generator is one loopback address and the limit is not what is measured. Only the value of
/// an existing option changes; no service has a benchmark code path.
/// </summary>
internal static class BenchMode
{
    public static bool IsEnabled(this IDistributedApplicationBuilder builder) => builder.Configuration.GetValue("Bench:Enabled", false);

    public static IResourceBuilder<ProjectResource> WithBenchIntakeLimits(this IResourceBuilder<ProjectResource> inbox) =>
        inbox.ApplicationBuilder.IsEnabled() ? inbox.WithEnvironment("Intake__RateLimitPermits", "1000000000") : inbox;
}
