using System.ComponentModel;
using CommercialManagement.BuildingBlocks.Csv;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Exports;

/// <summary>
/// « Exports » (Admins): the sales and bank journals as CSV, the FEC, and the tourist-tax statement as CSV and PDF, for a
/// period of Paris days. Every query runs in the caller's organisation (query filters).
/// </summary>
internal static class ExportEndpoints
{
    public static readonly string[] TouristTaxHeader =
    [
        "Devis", "Client", "Arrivée", "Départ", "Nuits dans la période", "Personnes", "Assujettis (adultes)", "Exonérés (mineurs)", "Nuitées taxées",
        "Tarif par adulte et par nuit (€)", "Montant (€)",
    ];

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SalesJournalAsync([Description(ExportPeriod.FromHelp)] string? from, [Description(ExportPeriod.ToHelp)] string? to, PaymentDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!ExportPeriod.TryRead(from, to, out var period, out var problem))
        {
            return problem!;
        }

        var entries = await AccountingEntries.SalesAsync(db, (await SettingsAsync(db, tenant, cancellationToken)).Accounting, period, cancellationToken);
        return TypedResults.File(AccountingFiles.Journal(entries), FrenchCsv.ContentType, $"journal-ventes-{period.FileSuffix}.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BankJournalAsync([Description(ExportPeriod.FromHelp)] string? from, [Description(ExportPeriod.ToHelp)] string? to, PaymentDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!ExportPeriod.TryRead(from, to, out var period, out var problem))
        {
            return problem!;
        }

        var entries = await AccountingEntries.BankAsync(db, (await SettingsAsync(db, tenant, cancellationToken)).Accounting, period, cancellationToken);
        return TypedResults.File(AccountingFiles.Journal(entries), FrenchCsv.ContentType, $"journal-banque-{period.FileSuffix}.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FecAsync([Description(ExportPeriod.FromHelp)] string? from, [Description(ExportPeriod.ToHelp)] string? to, PaymentDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!ExportPeriod.TryRead(from, to, out var period, out var problem))
        {
            return problem!;
        }

        var settings = await SettingsAsync(db, tenant, cancellationToken);
        var siret = new string((settings.Siret ?? "").Where(char.IsAsciiDigit).ToArray());
        if (siret.Length < 9)
        {
            return TypedResults.Problem(
                title: "SIREN manquant.", detail: "Le FEC est nommé par le SIREN de l'organisation : renseignez son SIRET dans Paramètres › Organisation, puis exportez à nouveau.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var sales = await AccountingEntries.SalesAsync(db, settings.Accounting, period, cancellationToken);
        var bank = await AccountingEntries.BankAsync(db, settings.Accounting, period, cancellationToken);
        return TypedResults.File(AccountingFiles.Fec([.. sales, .. bank]), "text/plain; charset=iso-8859-15", AccountingFiles.FecFileName(siret[..9], period));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TouristTaxCsvAsync([Description(ExportPeriod.FromHelp)] string? from, [Description(ExportPeriod.ToHelp)] string? to, PaymentDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!ExportPeriod.TryRead(from, to, out var period, out var problem))
        {
            return problem!;
        }

        var stays = await TouristTax.StaysAsync(db, period, cancellationToken);
        var rows = stays.Select(s => (IReadOnlyList<CsvCell>)
        [
            s.QuoteNumber, s.CustomerName, FrenchCsv.Date(s.Arrival), FrenchCsv.Date(s.Departure), FrenchCsv.Number(s.Nights), FrenchCsv.Number(s.Persons),
            FrenchCsv.Number(s.Liable), FrenchCsv.Number(s.Exempt), FrenchCsv.Number(s.TaxedNights), FrenchCsv.Money(s.CentsPerAdultNight), FrenchCsv.Money(s.AmountCents),
        ]).ToList();
        var totals = TouristTaxTotals.Of(stays);
        rows.Add(
        [
            "Total", $"{totals.Stays} séjour{(totals.Stays > 1 ? "s" : "")}", "", "", FrenchCsv.Number(totals.Nights), FrenchCsv.Number(totals.Persons),
            FrenchCsv.Number(totals.Liable), FrenchCsv.Number(totals.Exempt), FrenchCsv.Number(totals.TaxedNights), "", FrenchCsv.Money(totals.AmountCents),
        ]);
        return TypedResults.File(FrenchCsv.Write(TouristTaxHeader, rows), FrenchCsv.ContentType, $"taxe-de-sejour-{period.FileSuffix}.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TouristTaxPdfAsync(
        [Description(ExportPeriod.FromHelp)] string? from, [Description(ExportPeriod.ToHelp)] string? to, PaymentDbContext db, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ExportPeriod.TryRead(from, to, out var period, out var problem))
        {
            return problem!;
        }

        var stays = await TouristTax.StaysAsync(db, period, cancellationToken);
        var pdf = TouristTaxDocument.Render(await SettingsAsync(db, tenant, cancellationToken), period, stays, ParisTime.Today(time));
        return TypedResults.File(pdf, "application/pdf", $"taxe-de-sejour-{period.FileSuffix}.pdf");
    }

    /// <summary>The organisation's copy; the defaults when <c>OrganisationChanged</c> has not arrived yet.</summary>
    private static Task<OrganisationSettings> SettingsAsync(PaymentDbContext db, TenantContext tenant, CancellationToken cancellationToken) =>
        Ledger.LedgerWork.SettingsAsync(db, tenant.RequiredOrganisationId, cancellationToken);
}
