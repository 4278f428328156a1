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

    /// <summary>
    /// The intake's per-address limit for inbox-api: lifted in benchmark mode; else <c>--Intake:RateLimitPermits=N</c> given
    /// to the AppHost (the end-to-end suite posts more requests from its one loopback address than a person could);
    /// else the service's own default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBenchIntakeLimits(this IResourceBuilder<ProjectResource> inbox)
    {
        if (inbox.ApplicationBuilder.IsEnabled())
        {
            return inbox.WithEnvironment("Intake__RateLimitPermits", "1000000000");
        }

        var permits = inbox.ApplicationBuilder.Configuration.GetValue<int?>("Intake:RateLimitPermits");
        return permits is { } given ? inbox.WithEnvironment("Intake__RateLimitPermits", given.ToString(System.Globalization.CultureInfo.InvariantCulture)) : inbox;
    }

    /// <summary>
    /// In benchmark mode the acknowledgements' daily cap per organisation is lifted: the drivers post tens of thousands
    /// of requests to one site, and the email pipeline is what they measure.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBenchEmailLimits(this IResourceBuilder<ProjectResource> notification) =>
        notification.ApplicationBuilder.IsEnabled()
            ? notification.WithEnvironment("Email__AcknowledgementsPerOrganisationPerDay", "1000000000")
            : notification;

    /// <summary>
    /// In benchmark mode the customer space's per-address limit (CustomerSpace:PermitLimit, 60 per 10 minutes) is lifted:
    /// the fault suite's customers paying through the sandbox all come from the driver's one loopback address.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBenchCustomerSpaceLimits(this IResourceBuilder<ProjectResource> gateway) =>
        gateway.ApplicationBuilder.IsEnabled()
            ? gateway.WithEnvironment("CustomerSpace__PermitLimit", "1000000000")
            : gateway;
}
