using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using System.Text.Json.Serialization;
using CommercialManagement.ServiceDefaults.Errors;
using CommercialManagement.ServiceDefaults.Health;
using CommercialManagement.ServiceDefaults.Input;
using CommercialManagement.ServiceDefaults.OpenApi;
using CommercialManagement.ServiceDefaults.Security;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every service shares: OpenTelemetry (HTTP, MassTransit, Npgsql), health checks, service discovery,
/// HTTP resilience and ProblemDetails.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>
    /// Each process's route table. A service's is served in every environment, anonymously: it is reached only inside the
    /// cluster, where the gateway fetches it, since the gateway forwards none of /openapi (ADR 0025). A process that faces
    /// the Internet (the gateway) serves its own in Development only.
    /// </summary>
    public const string OpenApiPath = "/openapi/{documentName}.json";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddProblemDetails();
        // A body that is not the JSON asked for is the caller's mistake: 400 ProblemDetails, not 500, in every service.
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ExceptionHandlerOptions>(options => options.StatusCodeSelector = StatusFor);
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Hostile text and unreadable bodies: 400 naming the field, before anything is stored or searched.
        builder.Services.AddInputGuard();
        // A database or service that is down or too slow for a moment: 503 « réessayez » with Retry-After, not a 500.
        builder.Services.AddTransientFailureAnswers();
        // The route table as a document (/openapi/v1.json): the gateway merges the services' into /api/docs, and the
        // hostile-input suite reads every process's to discover every endpoint.
        builder.AddApiDocumentation();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // A POST (PUT, PATCH, DELETE) retried after a slow first attempt can apply twice: only safe methods are retried.
            http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });

        return builder;
    }

    /// <summary>
    /// The status an exception that escaped an endpoint answers, in every process: the caller's mistakes are 4xx, a
    /// transient failure (<see cref="TransientFailures"/>) 503, the rest 500.
    /// </summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
        // Checked arithmetic on numbers a caller sent that no bound caught: theirs to make smaller.
        OverflowException => Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest,
        _ when TransientFailures.IsTransient(exception) => Microsoft.AspNetCore.Http.StatusCodes.Status503ServiceUnavailable,
        _ => Microsoft.AspNetCore.Http.StatusCodes.Status500InternalServerError,
    };

    private const int MetricExportIntervalMilliseconds = 5_000;

    /// <summary>The exporter's span queue: 8 times the SDK's 2,048, a few MB at most when full.</summary>
    private const int DefaultSpanQueueSize = 16_384;

    private const int SpanExportBatchSize = 2_048;

    private static double TraceSampleRatio(IHostApplicationBuilder builder)
    {
        var ratio = builder.Configuration.GetValue(BackgroundClientSpanSampler.RatioKey, 1.0);
        return ratio is > 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"{BackgroundClientSpanSampler.RatioKey} is a share of traces: above 0, at most 1.");
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        // Each request's address at Information (server and client side) would write customer-space tokens into every
        // log store; failures still log at Warning, and traces keep the addresses with their tokens masked.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter("CommercialManagement.Messaging")
                .AddNpgsqlInstrumentation())
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new BackgroundClientSpanSampler(TraceSampleRatio(builder))))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit")
                .AddSource("CommercialManagement.Outbox")
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath);
                    options.EnrichWithHttpRequest = (activity, request) =>
                    {
                        if (SecretPaths.HasSecret(request.Path.Value))
                        {
                            activity.SetTag("url.path", SecretPaths.Redact(request.Path.Value!));
                        }
                    };
                })
                .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    if (request.RequestUri is { } uri && SecretPaths.HasSecret(uri.OriginalString))
                    {
                        activity.SetTag("url.full", SecretPaths.Redact(uri.AbsoluteUri));
                    }
                })
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
            // The AppHost asks for metrics every second (OTEL_METRIC_EXPORT_INTERVAL=1000): every instrument serialised and
            // posted 60 times a minute by each of seven idle processes. Every 5 s is still live enough for the dashboard.
            builder.Services.Configure<MetricReaderOptions>(reader =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = MetricExportIntervalMilliseconds);
            // Spans wait in a queue for the exporter; when it is full, new spans are dropped one by one, which is how traces
            // thinned out under load (docs/reliability.md, Traces). A bigger queue carries a burst through; a sustained
            // load beyond what the collector takes needs Telemetry:TraceSampleRatio below 1, which drops whole traces.
            builder.Services.Configure<BatchExportActivityProcessorOptions>(batch =>
            {
                batch.MaxQueueSize = builder.Configuration.GetValue("Telemetry:SpanQueueSize", DefaultSpanQueueSize);
                batch.MaxExportBatchSize = Math.Min(batch.MaxQueueSize, SpanExportBatchSize);
            });
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// /health (readiness): 200 only when every check is Healthy (the database answers, the bus is connected and every
    /// endpoint consumes), 503 otherwise, Degraded included; /alive (liveness): 200 while the process answers.
    /// </summary>
    /// <param name="app">The process.</param>
    /// <param name="facesTheInternet">
    /// True for the gateway: its own route table (pages, the customer space) is published in Development only; integrators
    /// read the merged one at /api/docs.
    /// </param>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, bool facesTheInternet = false)
    {
        app.MapHealthChecks(HealthEndpointPath, HealthResponses.Readiness()).AllowAnonymous();
        if (!facesTheInternet || app.Environment.IsDevelopment())
        {
            app.MapOpenApi(OpenApiPath).AllowAnonymous();
        }

        app.MapHealthChecks(AlivenessEndpointPath, HealthResponses.Liveness()).AllowAnonymous();
        return app;
    }
}
