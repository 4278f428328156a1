using System.Linq.Expressions;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Features.SubmitRequest;
using CommercialManagement.Inbox.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.Requests;

internal sealed record RequestSummary(
    Guid Id, DateTimeOffset ReceivedAt, string CustomerName, string CustomerEmail, string? CustomerPhone,
    DateOnly? Arrival, DateOnly? Departure, int Adults, int Children, RequestChannel Channel, bool Unread,
    Guid? AssigneeId, string? AssigneeName, DateTimeOffset LastActivityAt, string? LastMessagePreview,
    DateTimeOffset? AwaitingReplySince, double? WaitingWorkingHours, string? FailingEmail = null, string? FailingEmailReason = null);

/// <summary>A page of « Demandes »; <see cref="AwaitingTotal"/>: the requests whose customer waits for an answer.</summary>
internal sealed record RequestPage(IReadOnlyList<RequestSummary> Items, int Total, int Page, int PageSize, int UnreadTotal, int AwaitingTotal);

internal sealed record PhoneRequestBody(
    string? Name, string? Email, string? Phone, DateOnly? Arrival, DateOnly? Departure, int? Adults, int[]? ChildrenAges, string? Note);

/// <summary>Whom to assign; a name sent along (older callers) is ignored: the staff copy names them.</summary>
internal sealed record AssigneeBody(Guid? AssigneeId, string? AssigneeName);

/// <summary>« Demandes »: the organisation's requests, the last written in first, searched, filtered and paged in the database.</summary>
internal static class RequestsEndpoints
{
    public const int MaxPageSize = 100;

    /// <summary>« En attente de réponse »: the customer wrote last and no staff member answered yet.</summary>
    public const string Awaiting = "awaiting";

    /// <summary>Up to this many matches, a search's page is cut from its sorted ids (see <see cref="ListAsync"/>).</summary>
    private const int FewMatches = 2_000;

    private static readonly Expression<Func<Request, RequestSummary>> ToSummary = r => new RequestSummary(
        r.Id, r.ReceivedAt, r.CustomerName, r.CustomerEmail, r.CustomerPhone, r.Arrival, r.Departure,
        r.Adults, r.ChildrenAges.Count, r.Channel, r.Unread, r.AssigneeId, r.AssigneeName, r.LastActivityAt, r.LastMessagePreview,
        r.AwaitingReplySince, null, r.FailingEmail, r.FailingEmailReason);

    /// <summary>The same row for a request in hand (the one just created or changed).</summary>
    private static readonly Func<Request, RequestSummary> SummaryOf = ToSummary.Compile();

    public static async Task<Results<Ok<RequestPage>, ProblemHttpResult>> ListAsync(
        string? search, string? filter, int? page, int? pageSize, HttpContext http, InboxDbContext db, JobClock clock, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 25, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var query = db.Requests.AsNoTracking();
        switch (filter)
        {
            case null or "" or "all":
                break;
            case "unread":
                query = query.Where(r => r.Unread);
                break;
            case "mine":
                var me = StaffId(http);
                query = query.Where(r => r.AssigneeId == me);
                break;
            case "unassigned":
                query = query.Where(r => r.AssigneeId == null);
                break;
            case Awaiting:
                query = query.Where(r => r.AwaitingReplySince != null);
                break;
            default:
                return TypedResults.Problem(title: $"Filtre inconnu « {filter} » : utilisez unread, mine, unassigned ou awaiting.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Matching(search);
        }

        var total = await query.CountAsync(cancellationToken);
        var skip = (number - 1) * size;
        // « En attente de réponse »: the longest wait first; otherwise the last written in first.
        var newestFirst = filter == Awaiting
            ? query.OrderBy(r => r.AwaitingReplySince).ThenBy(r => r.Id)
            : query.OrderByDescending(r => r.LastActivityAt).ThenByDescending(r => r.Id);
        List<RequestSummary> items;
        if (skip >= total)
        {
            // Nothing to show (no match, or past the last page): no second pass over the rows.
            items = [];
        }
        else if (!string.IsNullOrWhiteSpace(search) && total <= FewMatches)
        {
            // With ORDER BY ... LIMIT the planner walks the (organisation, received) index from the newest row and
            // filters each one by the ILIKEs, betting that matches are spread evenly; when they are all old (a phone
            // number from last year) it reads nearly every row (~200 ms at 50,000). Without LIMIT it finds them the way
            // the count did (trigram index), and sorts them: their ids in order, then the page's rows by id.
            var ids = await newestFirst.Select(r => r.Id).ToListAsync(cancellationToken);
            var pageIds = ids.Skip(skip).Take(size).ToList();
            var rows = await db.Requests.AsNoTracking().Where(r => pageIds.Contains(r.Id)).Select(ToSummary).ToDictionaryAsync(r => r.Id, cancellationToken);
            items = [.. pageIds.Where(rows.ContainsKey).Select(id => rows[id])];
        }
        else
        {
            items = await newestFirst.Skip(skip).Take(size).Select(ToSummary).ToListAsync(cancellationToken);
        }

        var unread = await db.Requests.CountAsync(r => r.Unread, cancellationToken);
        var awaiting = await db.Requests.CountAsync(r => r.AwaitingReplySince != null, cancellationToken);
        var now = clock.GetUtcNow();
        items = [.. items.Select(i => i with { WaitingWorkingHours = Waited(i.AwaitingReplySince, now) })];
        return TypedResults.Ok(new RequestPage(items, total, number, size, unread, awaiting));
    }

    public static async Task<Results<Created<RequestSummary>, ValidationProblem>> CreatePhoneRequestAsync(
        PhoneRequestBody body, HttpContext http, InboxDbContext db, TenantContext tenant, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var errors = SubmitRequestValidator.ValidatePhoneRequest(body, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "La demande contient des erreurs.");
        }

        var staffName = http.User.FindFirst(StaffClaims.Name)?.Value ?? "";
        var request = Request.FromPhone(
            tenant.RequiredOrganisationId,
            new Customer(body.Name!.Trim(), body.Email!.Trim(), string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim()),
            new Stay(body.Arrival, body.Departure, body.Adults ?? 1, body.ChildrenAges ?? []),
            StaffId(http),
            staffName,
            now);
        db.Requests.Add(request);
        if (!string.IsNullOrWhiteSpace(body.Note))
        {
            // The call's first note opens the conversation, for staff only.
            db.Messages.Add(ConversationMessage.FromStaff(request, body.Note.Trim(), StaffId(http), staffName, internalNote: true, now));
        }

        db.AddToOutbox(request.ToReceivedEvent());
        // Its author follows it: Dossier hears it as any assignment, so the dossier and the board show the same person.
        db.AddToOutbox(request.ToAssignedEvent(now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/requests/{request.Id}", Summary(request));
    }

    /// <summary>Opening a request marks it read; Dossier hears of it for the badge on the card.</summary>
    public static Task<Results<Ok<RequestSummary>, ProblemHttpResult>> MarkReadAsync(
        Guid id, HttpContext http, InboxDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, request =>
        {
            if (request.Unread)
            {
                request.MarkRead();
                db.AddToOutbox(new ConversationRead { OrganisationId = request.OrganisationId, OccurredAt = timeProvider.GetUtcNow(), RequestId = request.Id, StaffId = StaffId(http) });
            }
        }, cancellationToken);

    public static Task<Results<Ok<RequestSummary>, ProblemHttpResult>> MarkUnreadAsync(
        Guid id, HttpContext http, InboxDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, request =>
        {
            if (!request.Unread)
            {
                request.MarkUnread();
                db.AddToOutbox(new ConversationMarkedUnread { OrganisationId = request.OrganisationId, OccurredAt = timeProvider.GetUtcNow(), RequestId = request.Id, StaffId = StaffId(http) });
            }
        }, cancellationToken);

    /// <summary>
    /// Assigns the request to an active member of the organisation, under the name the gateway gave them (a name sent
    /// with the call is not taken), or to nobody; Dossier hears of it for the card.
    /// </summary>
    public static async Task<Results<Ok<RequestSummary>, ProblemHttpResult>> AssignAsync(
        Guid id, AssigneeBody body, InboxDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // The tenant filter keeps both searches inside the caller's organisation: another's request is not found first.
        if (!await db.Requests.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return TypedResults.Problem(title: "Demande introuvable.", statusCode: StatusCodes.Status404NotFound);
        }

        StaffMember? assignee = null;
        if (body.AssigneeId is { } assigneeId)
        {
            assignee = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.StaffId == assigneeId && s.Active, cancellationToken);
            if (assignee is null)
            {
                const string unknown = "Ce membre de l'équipe est introuvable dans votre organisation, ou son compte est désactivé.";
                return TypedResults.Problem(
                    title: "Attribution impossible.", detail: unknown, statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["assigneeId"] = [unknown] } });
            }
        }

        return await ChangeAsync(id, db, request =>
        {
            request.AssignTo(assignee?.StaffId, assignee?.Name);
            db.AddToOutbox(request.ToAssignedEvent(timeProvider.GetUtcNow()));
        }, cancellationToken);
    }

    private static async Task<Results<Ok<RequestSummary>, ProblemHttpResult>> ChangeAsync(
        Guid id, InboxDbContext db, Action<Request> change, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return TypedResults.Problem(title: "Demande introuvable.", statusCode: StatusCodes.Status404NotFound);
        }

        change(request);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Summary(request));
    }

    public static RequestSummary Summary(Request r) => SummaryOf(r);

    /// <summary>The working hours a customer has waited (one decimal), none when nothing waits.</summary>
    private static double? Waited(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } start ? Math.Round(WorkingHours.Between(start, now).TotalHours, 1) : null;

    private static Guid StaffId(HttpContext http) => Guid.Parse(http.User.FindFirst(StaffClaims.UserId)!.Value);
}
