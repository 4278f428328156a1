using CommercialManagement.BuildingBlocks.Csv;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.Board;

/// <summary>« Exporter » of « Dossiers »: the board with its filters as CSV for a French spreadsheet.</summary>
internal static class BoardExport
{
    private static readonly string[] Header =
        ["Référence", "Colonne", "Issue", "Client", "E-mail", "Téléphone", "Arrivée", "Départ", "Adultes", "Enfants", "Total (€)", "Payé (€)", "Attribué à", "Dans la colonne depuis", "Nouveau message"];

    /// <summary>The filtered board as CSV (semicolons and decimal commas, for a French spreadsheet), column by column.</summary>
    public static async Task<IResult> ExportAsync([AsParameters] BoardFilter filter, DossierDbContext db, CancellationToken cancellationToken)
    {
        if (BoardEndpoints.Filtered(db, filter) is not { } query)
        {
            return BoardEndpoints.BadAssignee(filter.Assignee);
        }

        var cards = await BoardEndpoints.Cards(query.Where(d => d.Status != DossierStatus.Request)).ToListAsync(cancellationToken);
        var rows = cards.OrderBy(c => DossierWorkflow.Columns.ToList().IndexOf(c.Status)).Select(card => (IReadOnlyList<CsvCell>)
        [
            card.Reference, DossierWorkflow.Label(card.Status), card.OutcomeLabel, card.CustomerName, card.CustomerEmail, card.CustomerPhone,
            FrenchCsv.Date(card.Arrival), FrenchCsv.Date(card.Departure), FrenchCsv.Number(card.Adults), FrenchCsv.Number(card.Children),
            FrenchCsv.Money(card.TotalCents), FrenchCsv.Money(card.PaidCents), card.AssigneeName, FrenchCsv.DateTime(ParisTime.Of(card.StatusChangedAt)),
            card.HasUnreadMessages ? "oui" : "non",
        ]);

        return Results.File(FrenchCsv.Write(Header, rows), FrenchCsv.ContentType, $"dossiers-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }
}
