using System.Net.Mail;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.SubmitRequest;

/// <summary>The body a website's contact form posts.</summary>
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
    string? Language);

internal sealed record SubmitRequestResponse(Guid Id);

internal static class SubmitRequestEndpoint
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Accepted<SubmitRequestResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpRequest httpRequest, InboxDbContext db, TenantContext tenant, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        SubmitRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SubmitRequestBody>(httpRequest.Body, JsonOptions, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.Problem(
                title: "Le corps de la requête n'est pas un JSON valide.",
                detail: $"Envoyez un objet JSON (Content-Type: application/json). Erreur de lecture : {exception.Message}",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (body is null)
        {
            return TypedResults.Problem(title: "Le corps de la requête est vide.", statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = Validate(body);
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

        tenant.Use(website.OrganisationId);
        var request = Request.FromWebsite(
            website,
            new Customer(body.Name!.Trim(), body.Email!.Trim(), string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim()),
            new Stay(body.Arrival, body.Departure, body.Adults ?? 1, body.ChildrenAges ?? []),
            string.IsNullOrWhiteSpace(body.Message) ? null : body.Message.Trim(),
            body.Consent ?? false,
            body.Language == "en" ? "en" : "fr",
            timeProvider.GetUtcNow());

        db.Requests.Add(request);
        db.AddToOutbox(request.ToReceivedEvent());
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Accepted((string?)null, new SubmitRequestResponse(request.Id));
    }

    private static Dictionary<string, string[]> Validate(SubmitRequestBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.SiteKey))
        {
            errors["siteKey"] = ["La clé de site (siteKey) est obligatoire."];
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = ["Le nom est obligatoire."];
        }
        else if (body.Name.Trim().Length > 200)
        {
            errors["name"] = ["Le nom ne doit pas dépasser 200 caractères."];
        }

        if (string.IsNullOrWhiteSpace(body.Email))
        {
            errors["email"] = ["L'adresse e-mail est obligatoire."];
        }
        else if (!IsEmail(body.Email.Trim()))
        {
            errors["email"] = ["L'adresse e-mail n'est pas valide (exemple : nom@domaine.fr)."];
        }

        return errors;
    }

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
