using System.Text.Json;
using CommercialManagement.ServiceDefaults.Input;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CommercialManagement.Inbox.Api.Features.SubmitRequest;

/// <summary>The body a website's contact form posts. <see cref="Homepage"/> is the hidden honeypot field.</summary>
internal sealed record SubmitRequestBody(
    string? SiteKey,
    string? Name,
    string? Email,
    string? Phone,
    DateOnly? Arrival,
    DateOnly? Departure,
    int? Adults,
    int[]? ChildrenAges,
    string? Message,
    bool? Consent,
    string? Language,
    string? Homepage);

internal sealed record SubmitRequestResponse(Guid Id);

internal static class SubmitRequestEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The same submission (site, email, message) within this window is the same request.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions JsonOptions = InputProblems.GuardedWebJson();

    public static async Task<Results<Accepted<SubmitRequestResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpRequest httpRequest, InboxDbContext db, TenantContext tenant, PostingSites sites, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReadAsync(httpRequest, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // A bot filled the hidden field: it gets what a person gets, and nothing is kept or sent.
        if (!string.IsNullOrEmpty(body!.Homepage))
        {
            return TypedResults.Accepted((string?)null, new SubmitRequestResponse(Guid.CreateVersion7()));
        }

        var now = timeProvider.GetUtcNow();
        var errors = SubmitRequestValidator.Validate(body, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "La demande contient des erreurs.");
        }

        var website = await sites.FindEnabledAsync(body.SiteKey!, db, cancellationToken);
        if (website is null)
        {
            return TypedResults.Problem(
                title: "Clé de site inconnue ou désactivée.",
                detail: "Vérifiez la clé de site (siteKey) fournie avec le formulaire.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var origin = httpRequest.Headers.Origin.ToString();
        if (origin.Length > 0 && !website.AllowsOrigin(origin))
        {
            return TypedResults.Problem(
                title: "Ce site n'autorise pas l'envoi de demandes depuis cette origine.",
                detail: $"Ajoutez {origin} aux origines autorisées du site dans Paramètres › Sites web.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        tenant.Use(website.OrganisationId);
        var customer = new Customer(body.Name!.Trim(), body.Email!.Trim(), string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim());
        var message = string.IsNullOrWhiteSpace(body.Message) ? null : body.Message.Trim();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var duplicate = await FindDuplicateAsync(db, website, customer.Email, message, now - DuplicateWindow, cancellationToken);
        if (duplicate is { } existing)
        {
            return TypedResults.Accepted((string?)null, new SubmitRequestResponse(existing));
        }

        var request = Request.FromWebsite(
            website,
            customer,
            new Stay(body.Arrival, body.Departure, body.Adults ?? 1, body.ChildrenAges ?? []),
            message,
            consent: true,
            body.Language == "en" ? "en" : "fr",
            now);
        db.Requests.Add(request);
        db.AddToOutbox(request.ToReceivedEvent());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Accepted((string?)null, new SubmitRequestResponse(request.Id));
    }

    /// <summary>
    /// Two identical submissions at once (a double click) wait for each other on an advisory lock, then the second finds
    /// the first. The lock and the search go in one round trip: two statements, each with its own snapshot (READ
    /// COMMITTED), so the search sees what was committed while the lock was awaited.
    /// </summary>
    private static async Task<Guid?> FindDuplicateAsync(
        InboxDbContext db, Website website, string email, string? message, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // Inside the caller's transaction, or the advisory lock would end with this batch.
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The duplicate search must run inside the submission's transaction.");
        await using var batch = new NpgsqlBatch(connection) { Transaction = (NpgsqlTransaction)transaction };
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        {
            Parameters = { new() { Value = $"{website.Id}|{email.ToLowerInvariant()}|{message}" } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            SELECT "Id" FROM requests
            WHERE "OrganisationId" = $1 AND "WebsiteId" = $2 AND "CustomerEmail" = $3 AND "Message" IS NOT DISTINCT FROM $4 AND "ReceivedAt" >= $5
            LIMIT 1
            """)
        {
            Parameters =
            {
                new() { Value = website.OrganisationId }, new() { Value = website.Id }, new() { Value = email },
                new() { Value = (object?)message ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }, new() { Value = since },
            },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetGuid(0) : null;
    }

    /// <summary>Reads at most 64 KB: a larger body is refused before it is parsed.</summary>
    private static async Task<(SubmitRequestBody? Body, ProblemHttpResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooLarge = TypedResults.Problem(
            title: "La demande est trop volumineuse.",
            detail: $"Le corps de la requête ne doit pas dépasser {MaxBodyBytes / 1024} Ko.",
            statusCode: StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, tooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, tooLarge);
            }
        }

        try
        {
            var body = JsonSerializer.Deserialize<SubmitRequestBody>(buffer.ToArray(), JsonOptions);
            return body is null
                ? (null, TypedResults.Problem(title: "Le corps de la requête est vide.", statusCode: StatusCodes.Status400BadRequest))
                : (body, null);
        }
        catch (JsonException exception)
        {
            return (null, InputProblems.Unreadable(exception));
        }
    }
}
