using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.GetDossier;

internal sealed record DossierResponse(
    Guid Id,
    DossierStatus Status,
    RequestChannel Channel,
    string CustomerName,
    string CustomerEmail,
    string? CustomerPhone,
    DateOnly? Arrival,
    DateOnly? Departure,
    int Adults,
    IReadOnlyList<int> ChildrenAges,
    DateTimeOffset CreatedAt);

internal static class GetDossierEndpoint
{
    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, DossierDbContext db, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null)
        {
            return TypedResults.Problem(title: "Dossier introuvable.", detail: $"Aucun dossier n'a l'identifiant {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(new DossierResponse(
            dossier.Id, dossier.Status, dossier.Channel, dossier.CustomerName, dossier.CustomerEmail, dossier.CustomerPhone,
            dossier.Arrival, dossier.Departure, dossier.Adults, dossier.ChildrenAges, dossier.CreatedAt));
    }
}
