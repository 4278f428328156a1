using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace CommercialManagement.ServiceDefaults.Errors;

/// <summary>
/// A failure that means « try again in a moment », not « bug »: the database unreachable or too slow, a service called
/// that is down, too slow or behind an open circuit. It answers 503 with what to do and Retry-After, in every service
/// and on the gateway's API, instead of a 500. A constraint PostgreSQL refused and a genuine bug are not among them, nor
/// a caller who gave up: the exception handler closes that request with 499 and no body before any status is chosen.
/// </summary>
public static class TransientFailures
{
    public const string Title = "Service momentanément indisponible.";

    public const string Detail = "Réessayez dans quelques secondes.";

    /// <summary>Long enough for a restarted database or service to be back: PostgreSQL's restart took 2.8 s under load.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>True when the exception, or one it wraps (EF Core wraps the driver's), is a transient failure.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Someone cancelled (the caller who left, the host stopping) unless a clock did: HttpClient's own
                // timeout is a TaskCanceledException over a TimeoutException. What a cancellation wraps (a connection
                // broken because the caller left mid-query) is its consequence, not a failure of its own.
                case OperationCanceledException cancelled:
                    return IsTimeout(cancelled.InnerException);
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsTransient);
                // Npgsql says which of its failures are: connection refused or reset, timeouts, PostgreSQL starting or
                // shutting down, a serialization failure. A unique or foreign-key violation is not.
                case DbException { IsTransient: true }:
                case TimeoutException:
                // The resilience pipeline refused the call: attempt or total timeout, open circuit, too many at once.
                case ExecutionRejectedException:
                    return true;
                case HttpRequestException http when IsUnreachable(http):
                    return true;
            }
        }

        return false;
    }

    /// <summary>503 with the French title and detail, and Retry-After, on the ProblemDetails of a transient failure.</summary>
    public static IServiceCollection AddTransientFailureAnswers(this IServiceCollection services) =>
        services.Configure<ProblemDetailsOptions>(options =>
        {
            var earlier = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable
                    && context.Exception is { } exception && IsTransient(exception))
                {
                    context.ProblemDetails.Title = Title;
                    context.ProblemDetails.Detail = Detail;
                    context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                }
            };
        });

    private static bool IsTimeout(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The service called could not be reached or broke off, or said itself that it is unavailable; not a 4xx or a 500
    /// that EnsureSuccessStatusCode turned into an exception, nor a TLS or protocol fault, which waiting does not mend.
    /// </summary>
    private static bool IsUnreachable(HttpRequestException http) => http.StatusCode is null
        ? http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.ResponseEnded
        : http.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;
}
