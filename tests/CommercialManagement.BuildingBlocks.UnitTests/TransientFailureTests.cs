using System.Net;
using System.Net.Sockets;
using CommercialManagement.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>
/// Which failures answer 503 « réessayez » (ServiceDefaults' TransientFailures): under the fault suite about 40 requests got a
/// 500 for a database restarting or a service down, which told the user « bug » instead of « try again in a moment ».
/// </summary>
public sealed class TransientFailureTests
{
    private static NpgsqlException ConnectionRefused() =>
        new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private static NpgsqlException Broken(Exception cause) => new("Exception while reading from stream", cause);

    private static PostgresException Postgres(string sqlState) => new("refused", "ERROR", "ERROR", sqlState);

    public static TheoryData<string, Exception> Transient() => new()
    {
        { "connection refused", ConnectionRefused() },
        { "connection reset", Broken(new IOException("Connection reset by peer")) },
        { "command timeout", Broken(new TimeoutException()) },
        { "EF Core's non-retrying strategy", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", ConnectionRefused()) },
        { "a save", new DbUpdateException("An error occurred while saving the entity changes.", ConnectionRefused()) },
        { "PostgreSQL shutting down", new DbUpdateException("save", Postgres("57P01")) },
        { "a serialization failure", Postgres("40001") },
        { "a timeout", new TimeoutException() },
        { "the resilience handler's timeout", new TimeoutRejectedException() },
        { "an open circuit", new BrokenCircuitException() },
        { "a service down", new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)) },
        { "a service unknown for now", new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known") },
        { "a service that broke off", new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.") },
        { "a service that said 503", new HttpRequestException("Response status code does not indicate success: 503", null, HttpStatusCode.ServiceUnavailable) },
        { "HttpClient's timeout", new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()) },
        { "several, one transient", new AggregateException(new ArgumentException("x"), new TimeoutException()) },
    };

    public static TheoryData<string, Exception> NotTransient() => new()
    {
        { "a unique violation", new DbUpdateException("An error occurred while saving the entity changes.", Postgres(PostgresErrorCodes.UniqueViolation)) },
        { "a foreign-key violation", Postgres(PostgresErrorCodes.ForeignKeyViolation) },
        { "a bug", new NullReferenceException() },
        { "a state that is a bug", new InvalidOperationException("Sequence contains no elements") },
        { "a bug wrapping a bug", new InvalidOperationException("outer", new ArgumentNullException("id")) },
        { "the caller's abort", new TaskCanceledException() },
        // The cancellation broke the connection it interrupted: transient underneath, but the caller's doing.
        {
            "the caller's abort mid-query",
            new OperationCanceledException("Query was cancelled", Broken(new IOException("aborted")), new CancellationToken(canceled: true))
        },
        { "a service that said 404", new HttpRequestException("Response status code does not indicate success: 404", null, HttpStatusCode.NotFound) },
        { "a service that failed", new HttpRequestException("Response status code does not indicate success: 500", null, HttpStatusCode.InternalServerError) },
        { "a certificate refused", new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established") },
        { "a number too large", new OverflowException() },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void TransientFailure_Answers503(string _, Exception failure)
    {
        Assert.True(TransientFailures.IsTransient(failure));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Microsoft.Extensions.Hosting.Extensions.StatusFor(failure));
    }

    [Theory]
    [MemberData(nameof(NotTransient))]
    public void OtherFailure_IsNotTransient_AndKeepsItsStatus(string _, Exception failure)
    {
        Assert.False(TransientFailures.IsTransient(failure));
        Assert.NotEqual(StatusCodes.Status503ServiceUnavailable, Microsoft.Extensions.Hosting.Extensions.StatusFor(failure));
    }

    [Fact]
    public void Bug_Answers500_AndCallersMistake_400()
    {
        Assert.Equal(StatusCodes.Status500InternalServerError, Microsoft.Extensions.Hosting.Extensions.StatusFor(new NullReferenceException()));
        Assert.Equal(StatusCodes.Status400BadRequest, Microsoft.Extensions.Hosting.Extensions.StatusFor(new OverflowException()));
    }
}
