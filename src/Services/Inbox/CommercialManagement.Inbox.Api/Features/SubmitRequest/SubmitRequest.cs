using System.Text.Json;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Accepted<SubmitRequestResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpRequest httpRequest, InboxDbContext db, TenantContext tenant, TimeProvider timeProvider, CancellationToken cancellationToken)
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

        // Anonymous: the site key names the organisation, so this one lookup crosses organisations.
        var website = await db.Websites.IgnoreQueryFilters()
            .SingleOrDefaultAsync(w => w.SiteKey == body.SiteKey && w.Enabled, cancellationToken);
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
        // Two identical submissions at once (a double click) wait for each other here, then find the first.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({website.Id + "|" + customer.Email.ToLowerInvariant() + "|" + message}, 0))",
            cancellationToken);
        var since = now - DuplicateWindow;
        var duplicate = await db.Requests
            .Where(r => r.WebsiteId == website.Id && r.CustomerEmail == customer.Email && r.Message == message && r.ReceivedAt >= since)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
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
            return (null, TypedResults.Problem(
                title: "Le corps de la requête n'est pas un JSON valide.",
                detail: $"Envoyez un objet JSON (Content-Type: application/json). Erreur de lecture : {exception.Message}",
                statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
