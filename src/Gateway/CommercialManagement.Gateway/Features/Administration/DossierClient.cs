using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Gateway.Features.Administration;

public sealed record BoardCard(
    Guid Id, string Reference, string Status, string CustomerName, string CustomerEmail, string? CustomerPhone,
    DateOnly? Arrival, DateOnly? Departure, int Adults, int Children, long TotalCents, long PaidCents,
    Guid? AssigneeId, string? AssigneeName, DateTimeOffset StatusChangedAt, bool HasUnreadMessages, string? OutcomeLabel = null,
    DateOnly? BalanceOverdueOn = null);

public sealed record BoardColumn(string Status, string Label, int Count, int Page, int PageSize, IReadOnlyList<BoardCard> Cards);

internal sealed record BoardView(IReadOnlyList<BoardColumn> Columns);

public sealed record DossierHistoryLine(DateTimeOffset At, string Actor, string What, string? From, string? To, string? FromColumn, string? ToColumn);

/// <summary>A case as the Dossier service knows it: its column, stay, quote and payment facts, and its history.</summary>
public sealed record DossierDetail(
    Guid Id, string Reference, string Status, string Column, string? StatusBeforeArchive, string CustomerName, string CustomerEmail, string? CustomerPhone,
    DateOnly? Arrival, DateOnly? Departure, int Adults, IReadOnlyList<int> ChildrenAges, DateTimeOffset CreatedAt, DateTimeOffset StatusChangedAt,
    Guid? QuoteId, string? QuoteNumber, int QuoteLineCount, long QuoteTotalCents, long? AcceptedTotalCents, long PaidCents, bool HasQuoteInProgress,
    bool HasUnreadMessages, Guid? AssigneeId, string? AssigneeName, IReadOnlyList<DossierHistoryLine> History,
    string? OutcomeLabel = null, DateTimeOffset? CancelledAt = null, string? CancellationReason = null)
{
    /// <summary>« Annuler le dossier » was confirmed: archived for good, it cannot be restored.</summary>
    public bool IsCancelled => OutcomeLabel is not null;

    /// <summary>Still a request: no service on its quote yet, so not on the board.</summary>
    public bool IsRequest => Status == "Request";
}

/// <summary>The answer to a change of stay: refused with the reasons, or refused until the loss of the quote is confirmed.</summary>
internal sealed record StayChangeResult(IReadOnlyList<string> Problems, bool ConfirmationRequired)
{
    public bool Done => Problems.Count == 0;
}

/// <summary>The board's filters, as the Dossier service reads them from the query string.</summary>
internal sealed record BoardFilter(string? Search, string? Assignee, DateOnly? ArrivalFrom, DateOnly? ArrivalTo, bool UnreadOnly, bool OverdueOnly = false)
{
    public string Query() => AddressQuery.Join(
        ("search", Search?.Trim()), ("assignee", Assignee), ("arrivalFrom", AddressQuery.Of(ArrivalFrom)), ("arrivalTo", AddressQuery.Of(ArrivalTo)),
        ("unread", UnreadOnly ? "true" : null), ("overdue", OverdueOnly ? "true" : null));

    /// <summary>
    /// The filter kept in the board's own address (the same names as the API's query), so a reload or a shared link shows
    /// the same board; what cannot be read is left out.
    /// </summary>
    public static BoardFilter FromQuery(string query)
    {
        var address = AddressQuery.Parse(query);
        var assignee = address.Text("assignee");
        return new BoardFilter(
            address.Text("search"),
            assignee is "none" || Guid.TryParse(assignee, out _) ? assignee : null,
            address.Day("arrivalFrom"),
            address.Day("arrivalTo"),
            address.Text("unread") == "true",
            address.Text("overdue") == "true");
    }
}

/// <summary>The back office's calls to the Dossier service, as the signed-in staff member.</summary>
internal sealed class DossierClient(StaffServiceClient services)
{
    public async Task<BoardView> BoardAsync(BoardFilter filter, CancellationToken cancellationToken = default)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        return await dossiers.GetFromJsonAsync<BoardView>($"/api/dossiers/board?{filter.Query()}", cancellationToken) ?? new BoardView([]);
    }

    /// <summary>One column's page (<paramref name="pageSize"/> cards, the service's 20 when null).</summary>
    public async Task<BoardColumn?> ColumnPageAsync(BoardFilter filter, string status, int page, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        var size = pageSize is { } n ? $"&pageSize={n}" : "";
        var view = await dossiers.GetFromJsonAsync<BoardView>($"/api/dossiers/board?{filter.Query()}&column={status}&page={page}{size}", cancellationToken);
        return view?.Columns.SingleOrDefault();
    }

    /// <summary>« Pilotage » for the filter; the service's refusal (a period it cannot report on) in French.</summary>
    public async Task<(ReportView? Report, string? Problem)> ReportAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        using var response = await dossiers.GetAsync($"/api/dossiers/reporting?{filter.Query()}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            return (null, string.Join(" ", await ProblemMessages.ReadAsync(response)));
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReportView>(cancellationToken), null);
    }

    public async Task<DossierDetail?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        using var response = await dossiers.GetAsync($"/api/dossiers/{id}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<DossierDetail>(cancellationToken);
    }

    /// <summary>Archive, restore, tick or untick « Traité »: the refusal in French, or null when done.</summary>
    public async Task<string?> StaffMoveAsync(Guid id, string move)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        var response = move switch
        {
            "archive" => await dossiers.PostAsync($"/api/dossiers/{id}/archive", null),
            "restore" => await dossiers.PostAsync($"/api/dossiers/{id}/restore", null),
            "processed" => await dossiers.PutAsync($"/api/dossiers/{id}/processed", null),
            "unprocessed" => await dossiers.DeleteAsync($"/api/dossiers/{id}/processed"),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move, "Unknown move."),
        };
        var problems = await ProblemMessages.ReadAsync(response);
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    public async Task<StayChangeResult> ChangeStayAsync(Guid id, DateOnly? arrival, DateOnly? departure, int adults, IReadOnlyList<int> childrenAges, bool confirm)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        using var response = await dossiers.PutAsJsonAsync($"/api/dossiers/{id}/stay", new { arrival, departure, adults, childrenAges, confirm });
        if (response.IsSuccessStatusCode)
        {
            return new StayChangeResult([], false);
        }

        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var confirmation = problem.TryGetProperty("confirmationRequired", out var required) && required.ValueKind == System.Text.Json.JsonValueKind.True;
        return new StayChangeResult(ProblemMessages.From(problem, response.StatusCode), confirmation);
    }

    /// <summary>A card dropped on a column; the refusal in French when the workflow does not allow it.</summary>
    public async Task<string?> MoveAsync(Guid id, string to)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        var problems = await ProblemMessages.ReadAsync(await dossiers.PostAsJsonAsync($"/api/dossiers/{id}/moves", new { to }));
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }
}
