using System.Security.Cryptography;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Features.SubmitRequest;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.Websites;

internal sealed record WebsiteResponse(Guid Id, string Name, string SiteKey, IReadOnlyList<string> AllowedOrigins, bool Enabled)
{
    public static WebsiteResponse From(Website website) =>
        new(website.Id, website.Name, website.SiteKey, website.AllowedOrigins, website.Enabled);
}

internal sealed record WebsiteBody(string? Name, string[]? AllowedOrigins, bool? Enabled);

/// <summary>The websites allowed to post requests for the caller's organisation; changes are for its admins.</summary>
internal static class WebsitesEndpoints
{
    public static async Task<Ok<WebsiteResponse[]>> ListAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var websites = await db.Websites.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(websites.Select(WebsiteResponse.From).ToArray());
    }

    public static async Task<Results<Created<WebsiteResponse>, ValidationProblem>> CreateAsync(
        WebsiteBody body, InboxDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Le site web contient des erreurs.");
        }

        var website = new Website(Guid.CreateVersion7(), tenant.RequiredOrganisationId, body.Name!.Trim(), NewSiteKey(), Normalise(body.AllowedOrigins!));
        if (body.Enabled == false)
        {
            website.Disable();
        }

        db.Websites.Add(website);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/websites/{website.Id}", WebsiteResponse.From(website));
    }

    public static async Task<Results<Ok<WebsiteResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, WebsiteBody body, InboxDbContext db, PostingSites sites, CancellationToken cancellationToken)
    {
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Le site web contient des erreurs.");
        }

        var website = await db.Websites.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (website is null)
        {
            return TypedResults.Problem(title: "Site web introuvable.", statusCode: StatusCodes.Status404NotFound);
        }

        website.Rename(body.Name!.Trim());
        website.AllowOrigins(Normalise(body.AllowedOrigins!));
        if (body.Enabled == false)
        {
            website.Disable();
        }
        else
        {
            website.Enable();
        }

        sites.Forget(website.SiteKey);
        await db.SaveChangesAsync(cancellationToken);
        sites.Forget(website.SiteKey);
        return TypedResults.Ok(WebsiteResponse.From(website));
    }

    private static Dictionary<string, string[]> Validate(WebsiteBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 200)
        {
            errors["name"] = ["Le nom du site est obligatoire (200 caractères au plus)."];
        }

        var origins = body.AllowedOrigins ?? [];
        if (origins.Length is 0 or > 20)
        {
            errors["allowedOrigins"] = ["Indiquez de 1 à 20 origines autorisées (exemple : https://www.mon-site.fr)."];
        }
        else if (origins.FirstOrDefault(o => !IsOrigin(o)) is { } wrong)
        {
            errors["allowedOrigins"] = [$"« {wrong} » n'est pas une origine : écrivez le schéma et l'hôte, sans chemin (exemple : https://www.mon-site.fr)."];
        }

        return errors;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && !value.Trim().TrimEnd('/').EndsWith('/');

    private static IEnumerable<string> Normalise(IEnumerable<string> origins) =>
        origins.Select(o => new Uri(o.Trim()).GetLeftPart(UriPartial.Authority).ToLowerInvariant()).Distinct();

    /// <summary>Public (it is in the website's page) but unguessable, so nobody posts for a site by guessing.</summary>
    private static string NewSiteKey() =>
        "site-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
