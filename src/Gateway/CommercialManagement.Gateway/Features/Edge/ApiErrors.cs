using Microsoft.AspNetCore.Diagnostics;

namespace CommercialManagement.Gateway.Features.Edge;

/// <summary>
/// The gateway serves pages and an API: a failure on a page shows the « erreur » page, but a caller of the gateway's own
/// JSON endpoints (<c>/api/auth/token</c>) gets ProblemDetails with the status the failure deserves (a body that cannot
/// be read is theirs: 400; a service down or too slow for a moment: 503 with Retry-After), never the HTML page with a 500.
/// </summary>
internal sealed class ApiErrors(IProblemDetailsService problems, ILogger<ApiErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The request's path is already the error page's here: where it went is in the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!IsApi(path) || httpContext.Response.HasStarted)
        {
            return false;
        }

        var status = Microsoft.Extensions.Hosting.Extensions.StatusFor(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // A service down or too slow for a moment: answered « réessayez » with Retry-After (TransientFailures).
            logger.LogWarning(exception, "Transient failure on {Path}: answered 503.", path);
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            // A handled exception is no longer logged by the middleware: a server fault must still be seen.
            logger.LogError(exception, "Unhandled failure on {Path}.", path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status },
        });
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/public") || path.StartsWithSegments("/webhooks");
}

/// <summary>The exception handler of the gateway: ProblemDetails for the API (<see cref="ApiErrors"/>), the « erreur » page for the rest.</summary>
internal static class GatewayErrors
{
    public static WebApplication UseGatewayExceptionHandler(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/erreur",
            CreateScopeForErrors = true,
            StatusCodeSelector = Microsoft.Extensions.Hosting.Extensions.StatusFor,
        });
        return app;
    }
}
