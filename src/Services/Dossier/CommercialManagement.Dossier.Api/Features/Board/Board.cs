using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.Board;

internal sealed record BoardCard(
    Guid Id, string Reference, DossierStatus Status, string CustomerName, string CustomerEmail, string? CustomerPhone,
    DateOnly? Arrival, DateOnly? Departure, int Adults, int Children, long TotalCents, long PaidCents,
    Guid? AssigneeId, string? AssigneeName, DateTimeOffset StatusChangedAt, bool HasUnreadMessages, DossierOutcome Outcome, DateOnly? BalanceOverdueOn)
{
    /// <summary>« Annulé » on a cancelled dossier's card (in « Archivé »); none otherwise.</summary>
    public string? OutcomeLabel => Outcome == DossierOutcome.None ? null : DossierWorkflow.Label(Outcome);
}

internal sealed record BoardColumn(DossierStatus Status, string Label, int Count, int Page, int PageSize, IReadOnlyList<BoardCard> Cards);

internal sealed record BoardView(IReadOnlyList<BoardColumn> Columns);

/// <summary>The filters of the board and of its CSV export.</summary>
internal sealed record BoardFilter(string? Search, string? Assignee, DateOnly? ArrivalFrom, DateOnly? ArrivalTo, bool? Unread, bool? Overdue)
{
    /// <summary>No filter that <c>Filtered</c> would apply: the whole board.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && string.IsNullOrEmpty(Assignee) && ArrivalFrom is null && ArrivalTo is null && Unread != true
        && Overdue != true;
}

/// <summary>
/// « Dossiers »: the seven columns with their counts and a page of cards each (or one column's page), filtered in
/// the database; and the same filtered view as CSV for a spreadsheet.
/// </summary>
internal static class BoardEndpoints
{
    public const int MaxPageSize = 100;

    /// <summary>Up to this many matches, a search's pages are cut from its sorted ids (see <see cref="FewMatchesPagesAsync"/>).</summary>
    private const int FewMatches = 2_000;


    public static async Task<Results<Ok<BoardView>, ProblemHttpResult>> GetAsync(
        [AsParameters] BoardFilter filter, DossierStatus? column, int? page, int? pageSize, DossierDbContext db, CancellationToken cancellationToken)
    {
        if (Filtered(db, filter) is not { } query)
        {
            return BadAssignee(filter.Assignee);
        }

        if (column is DossierStatus.Request)
        {
            return TypedResults.Problem(title: "Une demande sans prestation n'est pas une colonne du tableau.", statusCode: StatusCodes.Status400BadRequest);
        }

        var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        // Unfiltered, the counts are the maintained ones (a few rows per column); filtered, one grouped count for the
        // columns shown: one column's page counts that column only.
        var counted = column is { } shown ? query.Where(d => d.Status == shown) : query;
        var counts = filter.IsEmpty
            ? await BoardCounts.ReadAsync(db, column, cancellationToken)
            : await counted.GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var skip = (number - 1) * size;
        var fewMatches = !string.IsNullOrWhiteSpace(filter.Search) && counts.Values.Sum() <= FewMatches
            ? await FewMatchesPagesAsync(db, counted, skip, size, cancellationToken)
            : null;
        IReadOnlyList<DossierStatus> shownColumns = column is { } one ? [one] : DossierWorkflow.Columns;
        // A column whose count is not past the page's start (empty, or past its last page) gets no pass over its rows.
        var pages = fewMatches ?? await PagesAsync(query, [.. shownColumns.Where(s => counts.GetValueOrDefault(s) > skip)], skip, size, cancellationToken);
        var columns = shownColumns
            .Select(status => new BoardColumn(status, DossierWorkflow.Label(status), counts.GetValueOrDefault(status), number, size, pages.GetValueOrDefault(status) ?? []))
            .ToList();
        return TypedResults.Ok(new BoardView(columns));
    }

    /// <summary>
    /// The columns' pages in one round trip: a UNION ALL of one ORDER BY ... LIMIT per column, each walking its column's
    /// paging index, sorted again outside (a few hundred cards at most) so each column keeps the database's order.
    /// </summary>
    private static async Task<Dictionary<DossierStatus, List<BoardCard>>> PagesAsync(
        IQueryable<Domain.Dossier> query, IReadOnlyList<DossierStatus> columns, int skip, int size, CancellationToken cancellationToken)
    {
        IQueryable<Domain.Dossier>? pages = null;
        foreach (var status in columns)
        {
            var page = Newest(query.Where(d => d.Status == status)).Skip(skip).Take(size);
            pages = pages is null ? page : pages.Concat(page);
        }

        if (pages is null)
        {
            return [];
        }

        var cards = await Project(pages.OrderBy(d => d.Status).ThenByDescending(d => d.StatusChangedAt).ThenByDescending(d => d.Id)).ToListAsync(cancellationToken);
        return cards.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>
    /// A search with few matches: with ORDER BY ... LIMIT the planner walks each column's (status, moved) index from the
    /// newest card and filters every card by the four ILIKEs, betting that matches are spread evenly; a rare name or
    /// an old phone number makes it read the whole column (0.1-0.35 s per column at 100,000 dossiers). Without LIMIT it
    /// finds them the way the count did (trigram index): every match's id sorted, then the pages' cards by id.
    /// </summary>
    private static async Task<Dictionary<DossierStatus, List<BoardCard>>> FewMatchesPagesAsync(
        DossierDbContext db, IQueryable<Domain.Dossier> matches, int skip, int size, CancellationToken cancellationToken)
    {
        var sorted = await matches.OrderByDescending(d => d.StatusChangedAt).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Status }).ToListAsync(cancellationToken);
        var pages = sorted.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Skip(skip).Take(size).Select(m => m.Id).ToList());
        var ids = pages.Values.SelectMany(p => p).ToList();
        var cards = await Cards(db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id))).ToDictionaryAsync(c => c.Id, cancellationToken);
        return pages.ToDictionary(p => p.Key, p => p.Value.Where(cards.ContainsKey).Select(id => cards[id]).ToList());
    }

    internal static IQueryable<Domain.Dossier>? Filtered(DossierDbContext db, BoardFilter filter)
    {
        var query = db.Dossiers.AsNoTracking().Where(d => d.Status != DossierStatus.Request);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = SubstringSearch.Pattern(filter.Search);
            query = query.Where(d => EF.Functions.ILike(d.CustomerName, pattern, SubstringSearch.Escape) || EF.Functions.ILike(d.CustomerEmail, pattern, SubstringSearch.Escape)
                || (d.CustomerPhone != null && EF.Functions.ILike(d.CustomerPhone, pattern, SubstringSearch.Escape)) || EF.Functions.ILike(d.Reference, pattern, SubstringSearch.Escape));
        }

        switch (filter.Assignee)
        {
            case null or "":
                break;
            case "none":
                query = query.Where(d => d.AssigneeId == null);
                break;
            default:
                if (!Guid.TryParse(filter.Assignee, out var assignee))
                {
                    return null;
                }

                query = query.Where(d => d.AssigneeId == assignee);
                break;
        }

        if (filter.ArrivalFrom is { } from)
        {
            query = query.Where(d => d.Arrival >= from);
        }

        if (filter.ArrivalTo is { } to)
        {
            query = query.Where(d => d.Arrival <= to);
        }

        if (filter.Unread == true)
        {
            query = query.Where(d => d.HasUnreadMessages);
        }

        if (filter.Overdue == true)
        {
            // « Solde en retard »: the balance past its due date and unpaid (the payment schedule's mark).
            query = query.Where(d => d.BalanceOverdueOn != null);
        }

        return query;
    }

    internal static IQueryable<BoardCard> Cards(IQueryable<Domain.Dossier> query) => Project(Newest(query));

    private static IOrderedQueryable<Domain.Dossier> Newest(IQueryable<Domain.Dossier> query) =>
        query.OrderByDescending(d => d.StatusChangedAt).ThenByDescending(d => d.Id);

    private static IQueryable<BoardCard> Project(IQueryable<Domain.Dossier> query) => query
        .Select(d => new BoardCard(
            d.Id, d.Reference, d.Status, d.CustomerName, d.CustomerEmail, d.CustomerPhone, d.Arrival, d.Departure, d.Adults, d.ChildrenAges.Count,
            d.AcceptedTotalCents ?? d.QuoteTotalCents, d.PaidCents, d.AssigneeId, d.AssigneeName, d.StatusChangedAt, d.HasUnreadMessages, d.Outcome,
            d.BalanceOverdueOn));

    internal static ProblemHttpResult BadAssignee(string? assignee) => TypedResults.Problem(
        title: $"Filtre « assignee » inconnu : « {assignee} ». Utilisez l'identifiant d'un membre de l'équipe, ou « none » pour les dossiers non attribués.",
        statusCode: StatusCodes.Status400BadRequest);
}
