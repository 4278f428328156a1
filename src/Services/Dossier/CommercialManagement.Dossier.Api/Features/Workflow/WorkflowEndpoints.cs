using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Stays;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Features.GetDossier;
using CommercialManagement.Dossier.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.Workflow;

internal sealed record MoveBody(DossierStatus? To);

internal sealed record StayBody(DateOnly? Arrival, DateOnly? Departure, int? Adults, int[]? ChildrenAges, bool Confirm);

/// <summary>
/// The moves staff make: archive, restore, « Saisie dans le logiciel (Traité) », a drop on the board's column, and
/// the change of stay with its rule. A move the workflow does not allow gets 409 with the reason in French.
/// </summary>
internal static class WorkflowEndpoints
{
    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> ArchiveAsync(Guid id, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StaffMoveAsync(id, DossierTrigger.Archive, http, db, time, cancellationToken);

    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> RestoreAsync(Guid id, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StaffMoveAsync(id, DossierTrigger.Restore, http, db, time, cancellationToken);

    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> MarkProcessedAsync(Guid id, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StaffMoveAsync(id, DossierTrigger.MarkProcessed, http, db, time, cancellationToken);

    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> UnmarkProcessedAsync(Guid id, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        StaffMoveAsync(id, DossierTrigger.UnmarkProcessed, http, db, time, cancellationToken);

    /// <summary>A card dropped on a column: the staff move that leads there, or a refusal that says why not.</summary>
    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> MoveAsync(
        Guid id, MoveBody body, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.To is not { } to)
        {
            return TypedResults.Problem(title: "Indiquez la colonne de destination (« to »).", statusCode: StatusCodes.Status400BadRequest);
        }

        var current = await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Status, d.StatusBeforeArchive, d.Outcome }).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return GetDossierEndpoint.NotFound(id);
        }

        if (to == current.Status)
        {
            return await StaffMoveAsync(id, null, http, db, time, cancellationToken);
        }

        DossierTrigger? trigger = (current.Status, to) switch
        {
            (_, DossierStatus.Archived) => DossierTrigger.Archive,
            // A cancelled dossier is refused whichever column it is dropped on: the restore says why.
            (DossierStatus.Archived, _) when current.Outcome == DossierOutcome.Cancelled => DossierTrigger.Restore,
            (DossierStatus.Archived, _) when to == current.StatusBeforeArchive => DossierTrigger.Restore,
            (_, DossierStatus.Processed) => DossierTrigger.MarkProcessed,
            (DossierStatus.Processed, DossierStatus.PaidInFull) => DossierTrigger.UnmarkProcessed,
            _ => null,
        };
        if (trigger is null)
        {
            var reason = current.Status == DossierStatus.Archived && current.StatusBeforeArchive is { } back
                ? $"Un dossier archivé revient là où il était : « {DossierWorkflow.Label(back)} »."
                : DossierWorkflow.NotByHand(to);
            return Conflict(reason);
        }

        return await StaffMoveAsync(id, trigger, http, db, time, cancellationToken);
    }

    public static async Task<Results<Ok<DossierResponse>, ValidationProblem, ProblemHttpResult>> ChangeStayAsync(
        Guid id, StayBody body, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = ValidateStay(body, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Le séjour contient des erreurs.");
        }

        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null)
        {
            return GetDossierEndpoint.NotFound(id);
        }

        var (staffId, staffName) = Staff(http);
        var change = dossier.ChangeStay(body.Arrival, body.Departure, body.Adults ?? 1, body.ChildrenAges ?? [], body.Confirm, staffName, now);
        if (change.Refusal is { } refusal)
        {
            var problem = Conflict(refusal);
            problem.ProblemDetails.Extensions["confirmationRequired"] = change.ConfirmationRequired;
            return problem;
        }

        db.History.AddRange(change.History);
        db.AddToOutbox(new StayChanged
        {
            OrganisationId = dossier.OrganisationId,
            OccurredAt = now,
            RequestId = dossier.Id,
            Arrival = dossier.Arrival,
            Departure = dossier.Departure,
            Adults = dossier.Adults,
            ChildrenAges = dossier.ChildrenAges,
            LostQuoteId = change.LostQuoteId,
            StaffId = staffId,
            StaffName = staffName,
        });
        await db.SaveChangesAsync(cancellationToken);
        return await ReloadAsync(dossier, db, cancellationToken);
    }

    private static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> StaffMoveAsync(
        Guid id, DossierTrigger? trigger, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null)
        {
            return GetDossierEndpoint.NotFound(id);
        }

        if (trigger is { } move)
        {
            var (history, refusal) = dossier.StaffMove(move, Staff(http).Name, time.GetUtcNow());
            if (refusal is not null)
            {
                return Conflict(refusal);
            }

            db.History.AddRange(history);
            if (move == DossierTrigger.MarkProcessed)
            {
                db.AddToOutbox(new DossierProcessed { OrganisationId = dossier.OrganisationId, OccurredAt = time.GetUtcNow(), RequestId = dossier.Id });
            }

            if (move == DossierTrigger.Archive)
            {
                // The quote still in progress gives back its places (issue 17).
                db.AddToOutbox(new DossierArchived { OrganisationId = dossier.OrganisationId, OccurredAt = time.GetUtcNow(), RequestId = dossier.Id, StaffName = Staff(http).Name });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await ReloadAsync(dossier, db, cancellationToken);
    }

    private static async Task<Ok<DossierResponse>> ReloadAsync(Domain.Dossier dossier, DossierDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(GetDossierEndpoint.Response(dossier, await GetDossierEndpoint.HistoryAsync(db, dossier.Id, cancellationToken)));

    private static ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(title: reason, statusCode: StatusCodes.Status409Conflict);

    private static (Guid Id, string Name) Staff(HttpContext http) =>
        (Guid.Parse(http.User.FindFirst(StaffClaims.UserId)!.Value), http.User.FindFirst(StaffClaims.Name)?.Value ?? "Équipe");

    private static Dictionary<string, string[]> ValidateStay(StayBody body, DateTimeOffset now) =>
        StayRules.Check(body.Arrival, body.Departure, body.Adults, body.ChildrenAges, ParisTime.Day(now));
}
