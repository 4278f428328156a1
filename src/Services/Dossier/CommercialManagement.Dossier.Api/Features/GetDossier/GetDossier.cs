using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.GetDossier;

/// <summary>One line of history; the columns also by their French names, as the back office shows them.</summary>
internal sealed record HistoryLine(DateTimeOffset At, string Actor, string What, DossierStatus? From, DossierStatus? To)
{
    public string? FromColumn => From is { } from ? DossierWorkflow.Label(from) : null;

    public string? ToColumn => To is { } to ? DossierWorkflow.Label(to) : null;
}

internal sealed record DossierResponse(
    Guid Id,
    string Reference,
    DossierStatus Status,
    string Column,
    DossierStatus? StatusBeforeArchive,
    RequestChannel Channel,
    string CustomerName,
    string CustomerEmail,
    string? CustomerPhone,
    DateOnly? Arrival,
    DateOnly? Departure,
    int Adults,
    IReadOnlyList<int> ChildrenAges,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt,
    Guid? QuoteId,
    string? QuoteNumber,
    int QuoteLineCount,
    long QuoteTotalCents,
    long? AcceptedTotalCents,
    long PaidCents,
    bool HasQuoteInProgress,
    bool HasUnreadMessages,
    Guid? AssigneeId,
    string? AssigneeName,
    IReadOnlyList<HistoryLine> History,
    DossierOutcome Outcome,
    string? OutcomeLabel,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    string? CancellationRequestedBy);

internal static class GetDossierEndpoint
{
    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, DossierDbContext db, CancellationToken cancellationToken)
    {
        // One snapshot for the card and its history: read apart, a move committed in between would show in the
        // history while the card still says the column before it.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(Response(dossier, await HistoryAsync(db, id, cancellationToken)));
    }

    public static Task<List<HistoryLine>> HistoryAsync(DossierDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.History.AsNoTracking().Where(h => h.DossierId == id).OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new HistoryLine(h.At, h.Actor, h.What, h.From, h.To)).ToListAsync(cancellationToken);

    public static DossierResponse Response(Domain.Dossier d, IReadOnlyList<HistoryLine> history) => new(
        d.Id, d.Reference, d.Status, DossierWorkflow.Label(d.Status), d.StatusBeforeArchive, d.Channel, d.CustomerName, d.CustomerEmail, d.CustomerPhone,
        d.Arrival, d.Departure, d.Adults, d.ChildrenAges, d.CreatedAt, d.StatusChangedAt, d.QuoteId, d.QuoteNumber, d.QuoteLineCount,
        d.QuoteTotalCents, d.AcceptedTotalCents, d.PaidCents, d.HasQuoteInProgress, d.HasUnreadMessages, d.AssigneeId, d.AssigneeName, history,
        d.Outcome, d.IsCancelled ? DossierWorkflow.Label(d.Outcome) : null, d.CancelledAt, d.CancellationReason, d.CancellationRequestedBy);

    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(title: "Dossier introuvable.", detail: $"Aucun dossier n'a l'identifiant {id}.", statusCode: StatusCodes.Status404NotFound);
}
