using System.Globalization;
using System.Text;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.Board;

/// <summary>« Exporter » of « Dossiers »: the board with its filters as CSV for a French spreadsheet.</summary>
internal static class BoardExport
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The filtered board as CSV (semicolons and decimal commas, for a French spreadsheet), column by column.</summary>
    public static async Task<IResult> ExportAsync([AsParameters] BoardFilter filter, DossierDbContext db, CancellationToken cancellationToken)
    {
        if (BoardEndpoints.Filtered(db, filter) is not { } query)
        {
            return BoardEndpoints.BadAssignee(filter.Assignee);
        }

        var cards = await BoardEndpoints.Cards(query.Where(d => d.Status != DossierStatus.Request)).ToListAsync(cancellationToken);
        var csv = new StringBuilder("Référence;Colonne;Issue;Client;E-mail;Téléphone;Arrivée;Départ;Adultes;Enfants;Total (€);Payé (€);Attribué à;Dans la colonne depuis;Nouveau message\r\n");
        foreach (var card in cards.OrderBy(c => DossierWorkflow.Columns.ToList().IndexOf(c.Status)))
        {
            string[] cells =
            [
                card.Reference, DossierWorkflow.Label(card.Status), card.OutcomeLabel ?? "", card.CustomerName, card.CustomerEmail, card.CustomerPhone ?? "",
                card.Arrival?.ToString("dd/MM/yyyy", French) ?? "", card.Departure?.ToString("dd/MM/yyyy", French) ?? "",
                card.Adults.ToString(French), card.Children.ToString(French),
                (card.TotalCents / 100m).ToString("0.00", French), (card.PaidCents / 100m).ToString("0.00", French),
                card.AssigneeName ?? "", ParisTime.Of(card.StatusChangedAt).ToString("dd/MM/yyyy HH:mm", French),
                card.HasUnreadMessages ? "oui" : "non",
            ];
            csv.AppendJoin(';', cells.Select(Cell)).Append("\r\n");
        }

        return Results.File(
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())],
            "text/csv; charset=utf-8",
            $"dossiers-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }

    /// <summary>A spreadsheet must not run what a customer typed: cells that could start a formula are quoted as text.</summary>
    private static string Cell(string value)
    {
        var phoneLike = value.StartsWith('+') && value.Skip(1).All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')');
        var text = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !phoneLike ? "'" + value : value;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
