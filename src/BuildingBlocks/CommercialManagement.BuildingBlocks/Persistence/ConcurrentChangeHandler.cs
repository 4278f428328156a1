using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>
/// A row changed between the moment a request read it and the moment it saved (another person, or an event consumed
/// meanwhile, moved the same dossier): nothing of the request was saved, so it is the caller's to do again, a 409
/// that says so, never a 500.
/// </summary>
internal sealed class ConcurrentChangeHandler(IProblemDetailsService problems, ILogger<ConcurrentChangeHandler> logger) : IExceptionHandler
{
    public const string Title = "Ces données viennent d'être modifiées par ailleurs : rien n'a été enregistré, rechargez et recommencez.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateConcurrencyException concurrency || httpContext.Response.HasStarted)
        {
            return false;
        }

        // Logged (a handled exception no longer is): "0 rows affected" is also what a bug looks like.
        logger.LogWarning(concurrency, "A concurrent change refused {Path} ({Entities}).", httpContext.Request.Path.Value,
            string.Join(", ", concurrency.Entries.Select(e => e.Metadata.ClrType.Name)));

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status409Conflict, Title = Title },
        });
    }
}
