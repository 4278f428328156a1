using CommercialManagement.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Http;

namespace CommercialManagement.BuildingBlocks.Idempotency;

/// <summary>An answer as it was written (status, content type, location, bytes), to give it once more, byte for byte.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body) : IResult
{
    public bool Replayed { get; init; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Replayed)
        {
            response.Headers[IdempotencyHeaders.Replayed] = "true";
        }

        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }

    /// <summary>Runs <paramref name="result"/> into memory, so that what the caller receives is exactly what is stored.</summary>
    public static async Task<StoredResponse> CaptureAsync(IResult result, HttpContext httpContext)
    {
        var response = httpContext.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await result.ExecuteAsync(httpContext);
        }
        finally
        {
            response.Body = original;
        }

        var location = response.Headers.Location.ToString();
        return new StoredResponse(response.StatusCode, response.ContentType, location.Length == 0 ? null : location, buffer.ToArray());
    }
}
