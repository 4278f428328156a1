using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Gateway.Features.Administration;

public sealed record BoardCard(
    Guid Id, string Reference, string Status, string CustomerName, string CustomerEmail, string? CustomerPhone,
    DateOnly? Arrival, DateOnly? Departure, int Adults, int Children, long TotalCents, long PaidCents,
    Guid? AssigneeId, string? AssigneeName, DateTimeOffset StatusChangedAt, bool HasUnreadMessages);

public sealed record BoardColumn(string Status, string Label, int Count, int Page, int PageSize, IReadOnlyList<BoardCard> Cards);

internal sealed record BoardView(IReadOnlyList<BoardColumn> Columns);

/// <summary>The board's filters, as the Dossier service reads them from the query string.</summary>
internal sealed record BoardFilter(string? Search, string? Assignee, DateOnly? ArrivalFrom, DateOnly? ArrivalTo, bool UnreadOnly)
{
    public string Query()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            parts.Add("search=" + Uri.EscapeDataString(Search.Trim()));
        }

        if (!string.IsNullOrEmpty(Assignee))
        {
            parts.Add("assignee=" + Uri.EscapeDataString(Assignee));
        }

        if (ArrivalFrom is { } from)
        {
            parts.Add($"arrivalFrom={from:yyyy-MM-dd}");
        }

        if (ArrivalTo is { } to)
        {
            parts.Add($"arrivalTo={to:yyyy-MM-dd}");
        }

        if (UnreadOnly)
        {
            parts.Add("unread=true");
        }

        return string.Join('&', parts);
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

    public async Task<BoardColumn?> ColumnPageAsync(BoardFilter filter, string status, int page, CancellationToken cancellationToken = default)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        var view = await dossiers.GetFromJsonAsync<BoardView>($"/api/dossiers/board?{filter.Query()}&column={status}&page={page}", cancellationToken);
        return view?.Columns.SingleOrDefault();
    }

    /// <summary>A card dropped on a column; the refusal in French when the workflow does not allow it.</summary>
    public async Task<string?> MoveAsync(Guid id, string to)
    {
        var dossiers = await services.ForAsync(ResourceNames.DossierApi);
        var problems = await ProblemMessages.ReadAsync(await dossiers.PostAsJsonAsync($"/api/dossiers/{id}/moves", new { to }));
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }
}
