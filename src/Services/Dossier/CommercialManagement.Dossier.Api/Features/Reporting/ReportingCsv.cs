using CommercialManagement.BuildingBlocks.Csv;

namespace CommercialManagement.Dossier.Api.Features.Reporting;

/// <summary>« Exporter (CSV) » under each table of « Pilotage »: the same figures as the page, in the board's French CSV form.</summary>
internal static class ReportingCsv
{
    public static readonly IReadOnlyList<string> Tables = ["funnel", "months", "product-types", "products", "agents", "occupancy"];

    public static IResult File(string table, Report report)
    {
        var (header, rows) = table switch
        {
            "funnel" => Funnel(report),
            "months" => Months(report),
            "product-types" => Groups("Type de prestation", report.ByProductType),
            "products" => Groups("Prestation", report.ByProduct),
            "occupancy" => Occupancy(report),
            _ => Agents(report),
        };
        return Results.File(FrenchCsv.Write(header, rows), FrenchCsv.ContentType, $"pilotage-{table}-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv");
    }

    private static (string[], IEnumerable<IReadOnlyList<CsvCell>>) Funnel(Report report)
    {
        var (now, before) = (report.Funnel, report.PreviousFunnel);
        (string Step, int Count, int Previous, double? Median, double? PreviousMedian)[] steps =
        [
            ("Demandes reçues", now.Requests, before.Requests, null, null),
            ("Répondues", now.Answered, before.Answered, now.MedianHoursToFirstAnswer, before.MedianHoursToFirstAnswer),
            ("Devis envoyés", now.QuotesSent, before.QuotesSent, now.MedianHoursToQuote, before.MedianHoursToQuote),
            ("Acceptés", now.Accepted, before.Accepted, now.MedianHoursQuoteToAcceptance, before.MedianHoursQuoteToAcceptance),
            ("Acompte versé", now.DepositPaid, before.DepositPaid, now.MedianHoursAcceptanceToDeposit, before.MedianHoursAcceptanceToDeposit),
            ("Soldés", now.PaidInFull, before.PaidInFull, now.MedianHoursDepositToPaidInFull, before.MedianHoursDepositToPaidInFull),
        ];
        return (
            ["Étape", "Dossiers", "Délai médian depuis l'étape précédente (heures)", "Dossiers N-1", "Délai médian N-1 (heures)"],
            steps.Select(s => (IReadOnlyList<CsvCell>)[s.Step, FrenchCsv.Number(s.Count), Hours(s.Median), FrenchCsv.Number(s.Previous), Hours(s.PreviousMedian)]));
    }

    private static (string[], IEnumerable<IReadOnlyList<CsvCell>>) Months(Report report) => (
        ["Mois", "Accepté (€)", "Facturé (€)", "Acomptes facturés (€)", "Encaissé (€)", "Accepté N-1 (€)", "Facturé N-1 (€)", "Encaissé N-1 (€)"],
        report.Months.Select(m => (IReadOnlyList<CsvCell>)
        [
            new CsvCell(m.Month, true), FrenchCsv.Money(m.Current.AcceptedCents), FrenchCsv.Money(m.Current.InvoicedCents), FrenchCsv.Money(m.Current.DepositsInvoicedCents),
            FrenchCsv.Money(m.Current.CollectedCents), FrenchCsv.Money(m.Previous.AcceptedCents), FrenchCsv.Money(m.Previous.InvoicedCents), FrenchCsv.Money(m.Previous.CollectedCents),
        ]));

    private static (string[], IEnumerable<IReadOnlyList<CsvCell>>) Groups(string what, IReadOnlyList<GroupTurnover> groups) => (
        [what, "Accepté (€)", "Accepté N-1 (€)"],
        groups.Select(g => (IReadOnlyList<CsvCell>)[g.Label, FrenchCsv.Money(g.AcceptedCents), FrenchCsv.Money(g.PreviousAcceptedCents)]));

    private static (string[], IEnumerable<IReadOnlyList<CsvCell>>) Agents(Report report) => (
        ["Agent", "Accepté (€)", "Facturé (€)", "Acomptes facturés (€)", "Encaissé (€)", "Accepté N-1 (€)", "Encaissé N-1 (€)"],
        report.ByAgent.Select(a => (IReadOnlyList<CsvCell>)
        [
            a.Name, FrenchCsv.Money(a.Current.AcceptedCents), FrenchCsv.Money(a.Current.InvoicedCents), FrenchCsv.Money(a.Current.DepositsInvoicedCents),
            FrenchCsv.Money(a.Current.CollectedCents), FrenchCsv.Money(a.Previous.AcceptedCents), FrenchCsv.Money(a.Previous.CollectedCents),
        ]));

    private static (string[], IEnumerable<IReadOnlyList<CsvCell>>) Occupancy(Report report) => (
        ["Hébergement", "Logements", "Semaine du", "Nuits occupées", "Nuits offertes", "Occupation (%)"],
        report.Occupancy.SelectMany(p => p.Weeks.Select(w => (IReadOnlyList<CsvCell>)
        [
            p.Name, FrenchCsv.Number(p.Capacity), FrenchCsv.Date(w.Monday), FrenchCsv.Number(w.NightsSold), FrenchCsv.Number(w.NightsOffered),
            new CsvCell(w.NightsOffered == 0 ? "" : (100.0 * w.NightsSold / w.NightsOffered).ToString("0.0", FrenchCsv.Culture), true),
        ])));

    private static CsvCell Hours(double? hours) =>
        hours is { } h ? new CsvCell(h.ToString("0.0", FrenchCsv.Culture), true) : new CsvCell("", true);
}
