using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommercialManagement.ServiceDefaults.Health;

/// <summary>What /health and /alive answer: a status code an orchestrator acts on, and each check's status for a person.</summary>
internal static class HealthResponses
{
    /// <summary>
    /// Readiness: anything less than Healthy is 503. MassTransit reports its bus Degraded while an endpoint cannot consume
    /// (a broker outage), which ASP.NET's default mapping answers 200: the service looked ready while it could neither
    /// publish nor consume.
    /// </summary>
    public static HealthCheckOptions Readiness() => new()
    {
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = WriteAsync,
    };

    /// <summary>Liveness: the process answers; only the checks tagged « live » (none of them reaches another server).</summary>
    public static HealthCheckOptions Liveness() => new()
    {
        Predicate = check => check.Tags.Contains("live"),
        ResponseWriter = WriteAsync,
    };

    /// <summary>
    /// <c>{"status":"Degraded","checks":[{"name":"masstransit-bus","status":"Degraded"},…]}</c>: names and statuses only.
    /// Descriptions and exceptions stay in the log: they can carry a broker's or a database's address and user.
    /// </summary>
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
