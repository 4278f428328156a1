using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.ServiceDefaults.Idempotency;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommercialManagement.BuildingBlocks.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on one endpoint. The key's row is added to the service's DbContext before the endpoint
/// runs, so the endpoint's own SaveChanges (or transaction) commits it with the effect; the answer is stored after.
/// Then: the same key and request again → the stored answer with <c>Idempotency-Replayed: true</c>; the same key with
/// another request → 422; the key taken by a request still running (or whose answer was lost) → 409. Without the header
/// the endpoint runs as it always did. Only a committed effect takes a key: a refusal (4xx) leaves it free, so the same
/// form corrected and sent again goes through.
/// </summary>
internal sealed class IdempotencyFilter(int[] bodyArguments, IdempotencyStore store, JsonSerializerOptions json)
{
    public const string MalformedKey =
        "L'en-tête Idempotency-Key doit compter de 1 à 100 caractères visibles, sans espace (un GUID par exemple), et être envoyé une seule fois.";

    public const string KeyReused =
        "Cette clé d'idempotence a déjà servi pour une autre requête : envoyez une nouvelle clé pour une nouvelle opération.";

    public const string KeyInFlight =
        "Une requête avec cette clé d'idempotence est déjà en cours, ou sa réponse n'a pas pu être gardée : rechargez pour voir où en sont les données.";

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices;
        var isService = services.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
        var bodies = context.MethodInfo.GetParameters().Where(p => IsBody(p, isService)).Select(p => p.Position).ToArray();
        var filter = new IdempotencyFilter(
            bodies,
            services.GetService<IdempotencyStore>()
                ?? throw new InvalidOperationException("WithIdempotency() needs AddIdempotencyKeys<TDbContext>() in the service's registrations."),
            services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        return invocation => filter.InvokeAsync(invocation, next);
    }

    private async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var header = http.Request.Headers[IdempotencyHeaders.Key];
        if (header.Count == 0)
        {
            return await next(invocation);
        }

        if (header.Count > 1 || !IdempotencyHeaders.IsValid(header[0]))
        {
            return TypedResults.Problem(title: MalformedKey, statusCode: StatusCodes.Status400BadRequest);
        }

        if (ScopeOf(http) is not { } scope)
        {
            return await next(invocation);
        }

        var key = header[0]!;
        var fingerprint = Fingerprint(invocation);
        var db = store.ContextFor(http.RequestServices);
        var keys = db.Set<IdempotencyRecord>();
        var cancellationToken = http.RequestAborted;
        if (await keys.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken) is { } earlier)
        {
            return AnswerTo(earlier, fingerprint);
        }

        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        var now = store.Time.GetUtcNow();
        var record = IdempotencyRecord.Claim(scope, key, Operation(http), fingerprint, tenant.OrganisationId, now);
        keys.Add(record);
        StoredResponse answer;
        try
        {
            var result = await next(invocation);
            answer = await StoredResponse.CaptureAsync(result as IResult ?? TypedResults.Ok(result), http);
            if (db.Entry(record).State == EntityState.Added)
            {
                if (!answer.IsSuccess)
                {
                    // Refused, nothing committed: the key stays free. Unless a request with it committed meanwhile.
                    db.Entry(record).State = EntityState.Detached;
                    return await keys.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, CancellationToken.None) is { } taken
                        ? AnswerTo(taken, fingerprint)
                        : answer;
                }

                // A success that saved nothing itself: the key and its answer are stored now.
                record.Complete(answer, tenant.OrganisationId, store.Time.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                return answer;
            }
        }
        catch (DbUpdateException exception) when (IsKeyTaken(exception))
        {
            // Another request with this key committed first: its effect stands, this one's was rolled back.
            db.Entry(record).State = EntityState.Detached;
            return await keys.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, CancellationToken.None) is { } taken
                ? AnswerTo(taken, fingerprint)
                : TypedResults.Problem(title: KeyInFlight, statusCode: StatusCodes.Status409Conflict);
        }

        // Saved with the effect: keep the answer beside it (a transaction rolled back leaves no row, and nothing to update).
        var completedAt = store.Time.GetUtcNow();
        var organisationId = tenant.OrganisationId;
        await keys.Where(r => r.Scope == scope && r.Key == key && r.StatusCode == null).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.StatusCode, answer.StatusCode)
            .SetProperty(r => r.ContentType, answer.ContentType)
            .SetProperty(r => r.Location, answer.Location)
            .SetProperty(r => r.Body, answer.Body)
            .SetProperty(r => r.CompletedAt, completedAt)
            .SetProperty(r => r.OwnerOrganisationId, r => r.OwnerOrganisationId ?? organisationId), CancellationToken.None);
        return answer;
    }

    private static IResult AnswerTo(IdempotencyRecord earlier, string fingerprint) =>
        earlier.Fingerprint != fingerprint
            ? TypedResults.Problem(title: KeyReused, statusCode: StatusCodes.Status422UnprocessableEntity)
            : earlier.Answer is { } stored
                ? stored with { Replayed = true }
                : TypedResults.Problem(title: KeyInFlight, statusCode: StatusCodes.Status409Conflict);

    /// <summary>Whose key it is: a staff member of an organisation, or a customer space (by a hash of its token); else none.</summary>
    private static string? ScopeOf(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var organisation = http.User.FindFirst(StaffClaims.OrganisationId)?.Value;
            var caller = http.User.FindFirst(StaffClaims.UserId)?.Value ?? http.User.FindFirst(StaffClaims.CaseId)?.Value;
            return organisation is null || caller is null ? null : $"{organisation}/{caller}";
        }

        return http.GetRouteValue("token") is string token
            ? "space/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))
            : null;
    }

    private string Fingerprint(EndpointFilterInvocationContext invocation)
    {
        var request = invocation.HttpContext.Request;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        foreach (var position in bodyArguments)
        {
            var body = invocation.Arguments[position];
            hash.AppendData(body is null ? "null"u8 : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), json));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Operation(HttpContext http)
    {
        var operation = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}";
        return operation.Length <= 300 ? operation : operation[..300];
    }

    private static bool IsKeyTaken(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
        && unique.TableName == IdempotencyRecord.Table;

    /// <summary>The parameter bound from the JSON body: not a service, not the request's plumbing, not a route or query value.</summary>
    private static bool IsBody(ParameterInfo parameter, Microsoft.Extensions.DependencyInjection.IServiceProviderIsService isService)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (parameter.GetCustomAttributes().Any(a => a is Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata))
        {
            return true;
        }

        return !type.IsPrimitive && !type.IsEnum && type != typeof(string) && type != typeof(Guid) && type != typeof(decimal)
            && type != typeof(DateOnly) && type != typeof(DateTime) && type != typeof(DateTimeOffset) && type != typeof(TimeOnly)
            && type != typeof(HttpContext) && type != typeof(HttpRequest) && type != typeof(HttpResponse) && type != typeof(CancellationToken)
            && type != typeof(System.Security.Claims.ClaimsPrincipal)
            && !parameter.GetCustomAttributes().Any(a => a is Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata
                or Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata or Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata
                or Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata)
            && !isService.IsService(type);
    }
}
