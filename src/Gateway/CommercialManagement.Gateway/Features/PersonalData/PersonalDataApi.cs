using System.Security.Claims;
using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommercialManagement.Gateway.Features.PersonalData;

/// <summary>What each service holds about an address, in counts (the Settings page shows the same).</summary>
internal sealed record PersonalDataSummary(string Email, IReadOnlyList<ServiceSummary> Services, int CaseCount, IReadOnlyList<ErasureView> Erasures);

/// <summary>One service's counts by table; <see cref="Answered"/> false when it could not be asked.</summary>
internal sealed record ServiceSummary(string Service, string Label, bool Answered, IReadOnlyDictionary<string, int> Rows);

/// <summary>An erasure to start: the customer's email.</summary>
internal sealed record ErasureRequest(string? Email);

/// <summary>
/// The gateway's own personal-data routes (Admins only, in their organisation): search an address across the services,
/// download the one archive of an access request, start an erasure and follow it service by service. The erasure is
/// started by a bearer token's POST or from the Settings page (the cookie cannot write to /api: ADR 0006).
/// </summary>
internal static class PersonalDataApi
{
    public static WebApplication MapPersonalDataApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/personal-data").WithTags("Personal data").RequireAuthorization(IdentityModule.AdminPolicy);
        api.MapGet("/", SearchAsync)
            .WithName("SearchPersonalData")
            .WithSummary("What every service holds about an email address (rows per table), the cases found, and the address's past erasures.");
        api.MapGet("/archive", ArchiveAsync)
            .WithName("ExportPersonalData")
            .WithSummary("The access request's archive (.zip): one JSON file per service, the original emails, attachments and PDFs; 503 when a service does not answer.");
        api.MapPost("/erasures", EraseAsync)
            .WithName("EraseCustomer")
            .WithSummary("Erases the customer of an email address {email} in every service (issued invoices keep the name and address); 202 with the erasure to follow.");
        api.MapGet("/erasures/{id:guid}", GetErasureAsync)
            .WithName("GetErasure")
            .WithSummary("An erasure: who asked it, when, which services have answered and how many rows each changed, when it was complete.");
        return app;
    }

    private static async Task<Results<Ok<PersonalDataSummary>, ProblemHttpResult>> SearchAsync(
        string? email, ClaimsPrincipal user, PersonalDataSources sources, Erasures erasures, CancellationToken cancellationToken)
    {
        if (!PersonalDataRows.TryReadEmail(email, out var address, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await SummaryAsync(user, address, sources, erasures, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ArchiveAsync(
        string? email, ClaimsPrincipal user, PersonalDataSources sources, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!PersonalDataRows.TryReadEmail(email, out var address, out var problem))
        {
            return problem!;
        }

        var archive = await sources.ArchiveAsync(user, address, cancellationToken);
        return archive is null
            ? Unavailable()
            : TypedResults.File(archive, "application/zip", $"donnees-personnelles-{BuildingBlocks.Locale.ParisTime.Today(timeProvider):yyyy-MM-dd}.zip");
    }

    private static async Task<Results<Accepted<ErasureView>, ProblemHttpResult>> EraseAsync(
        ErasureRequest body, ClaimsPrincipal user, PersonalDataSources sources, Erasures erasures, CancellationToken cancellationToken)
    {
        var (id, refusal) = await StartErasureAsync(user, body.Email, sources, erasures, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var view = await erasures.GetAsync(OrganisationOf(user), id!.Value, cancellationToken);
        return TypedResults.Accepted($"/api/personal-data/erasures/{id}", view);
    }

    private static async Task<Results<Ok<ErasureView>, ProblemHttpResult>> GetErasureAsync(
        Guid id, ClaimsPrincipal user, Erasures erasures, CancellationToken cancellationToken) =>
        await erasures.GetAsync(OrganisationOf(user), id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(title: "Effacement introuvable.", detail: $"Aucun effacement n'a l'identifiant {id} dans votre organisation.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>What each service holds about the address, and its past erasures.</summary>
    internal static async Task<PersonalDataSummary> SummaryAsync(
        ClaimsPrincipal user, string address, PersonalDataSources sources, Erasures erasures, CancellationToken cancellationToken)
    {
        var holdings = await sources.SearchAsync(user, address, cancellationToken);
        var past = await erasures.ListAsync(OrganisationOf(user), address, 10, cancellationToken);
        return new PersonalDataSummary(
            address,
            [.. holdings.Select(h => new ServiceSummary(h.Service, h.Label, h.Answered, h.Export?.Tables.ToDictionary(t => t.Key, t => t.Value.Count) ?? []))],
            PersonalDataSources.CasesOf(holdings).Count,
            past);
    }

    /// <summary>
    /// Starts an erasure once every service that finds cases by email has answered (the cases go in the event: Payment
    /// knows a customer by them), and when something is held; otherwise the reason, in French.
    /// </summary>
    internal static async Task<(Guid? Id, ProblemHttpResult? Refusal)> StartErasureAsync(
        ClaimsPrincipal user, string? email, PersonalDataSources sources, Erasures erasures, CancellationToken cancellationToken)
    {
        if (!PersonalDataRows.TryReadEmail(email, out var address, out var problem))
        {
            return (null, problem);
        }

        var holdings = await sources.SearchAsync(user, address, cancellationToken);
        if (holdings.Any(h => !h.Answered && h.Service != "notification"))
        {
            return (null, Unavailable());
        }

        if (holdings.Sum(h => h.RowCount) == 0)
        {
            return (null, TypedResults.Problem(
                title: "Rien à effacer.",
                detail: $"Aucun service ne détient de données pour {address} dans votre organisation.",
                statusCode: StatusCodes.Status404NotFound));
        }

        var name = user.FindFirst(StaffClaims.Name)?.Value ?? "";
        return (await erasures.StartAsync(OrganisationOf(user), address, PersonalDataSources.CasesOf(holdings), name, cancellationToken), null);
    }

    private static ProblemHttpResult Unavailable() => TypedResults.Problem(
        title: "Un service ne répond pas.",
        detail: "Un des services n'a pas répondu : rien n'a été fait. Réessayez dans un instant.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private static Guid OrganisationOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirst(StaffClaims.OrganisationId)!.Value);
}
