using CommercialManagement.ServiceDefaults.OpenApi;
using Scalar.AspNetCore;

namespace CommercialManagement.Gateway.Features.ApiDocs;

/// <summary>
/// The API documentation integrators read: the merged document at <c>/api/docs/openapi.json</c> and Scalar's page at
/// <c>/api/docs</c>, both anonymous (every route they describe still needs its token), served from the gateway alone:
/// the page's script is bundled in Scalar's package and its fonts are the browser's, so it loads nothing from elsewhere,
/// and its Content-Security-Policy says so.
/// </summary>
internal static class ApiDocsModule
{
    public const string PagePath = "/api/docs";

    public const string DocumentPath = "/api/docs/openapi.json";

    /// <summary>Only this gateway: no CDN, no font service, no telemetry; "try it" calls this same address.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IHostApplicationBuilder AddApiDocs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(ServiceDocuments.ClientName);
        builder.Services.AddSingleton<ServiceDocuments>();
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PagePath), docs => docs.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        }));

        app.MapGet(DocumentPath, async (ServiceDocuments documents) => Results.Bytes(await documents.GetAsync(), "application/json"))
            .WithName("GetApiDocument")
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapScalarApiReference(PagePath, options => options
                .WithTitle("CommercialManagement API")
                .WithOpenApiRoutePattern(DocumentPath)
                .AddPreferredSecuritySchemes(ApiDocumentation.BearerScheme)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp())
            .AllowAnonymous();
        return app;
    }
}
