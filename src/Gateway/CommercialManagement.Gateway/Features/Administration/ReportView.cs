using System.Globalization;

namespace CommercialManagement.Gateway.Features.Administration;

/// <summary>« Pilotage » as the Dossier service computes it (see its ReportingModels): a period and the same days a year earlier.</summary>
public sealed record ReportView(
    DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, ReportFunnel Funnel, ReportFunnel PreviousFunnel,
    ReportTurnover Totals, ReportTurnover PreviousTotals, IReadOnlyList<ReportMonth> Months, IReadOnlyList<ReportGroup> ByProductType,
    IReadOnlyList<ReportGroup> ByProduct, IReadOnlyList<ReportAgent> ByAgent, ReportBalances Balances, IReadOnlyList<ReportOccupancy> Occupancy);

public sealed record ReportFunnel(
    int Requests, int Answered, int QuotesSent, int Accepted, int DepositPaid, int PaidInFull, double? MedianHoursToFirstAnswer, double? MedianHoursToQuote,
    double? MedianHoursQuoteToAcceptance, double? MedianHoursAcceptanceToDeposit, double? MedianHoursDepositToPaidInFull);

public sealed record ReportTurnover(long AcceptedCents, long InvoicedCents, long DepositsInvoicedCents, long CollectedCents);

public sealed record ReportMonth(string Month, ReportTurnover Current, ReportTurnover Previous)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« déc. 2026 ».</summary>
    public string Label => DateOnly.ParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yyyy", French);
}

public sealed record ReportGroup(string Key, string Label, string? ProductType, long AcceptedCents, long PreviousAcceptedCents);

public sealed record ReportAgent(Guid? AssigneeId, string Name, ReportTurnover Current, ReportTurnover Previous);

/// <summary>An accommodation's weeks: nights occupied by accepted stays against the nights it offered.</summary>
public sealed record ReportOccupancy(Guid ProductId, string Name, int Capacity, IReadOnlyList<ReportWeek> Weeks);

public sealed record ReportWeek(DateOnly Monday, int NightsSold, int NightsOffered)
{
    /// <summary>0 to 1; 0 when nothing was offered.</summary>
    public double Rate => NightsOffered == 0 ? 0 : (double)NightsSold / NightsOffered;
}

/// <summary>As of today: what is owed and overdue, overpaid, refunded in the period; the payment requests open (payable) and expired without payment.</summary>
public sealed record ReportBalances(
    int DueCount, long DueCents, int OverdueCount, long OverdueCents, int OverpaidCount, long OverpaidCents, int RefundCount, long RefundedCents,
    int OpenRequestCount = 0, long OpenRequestCents = 0, int ExpiredRequestCount = 0, long ExpiredRequestCents = 0);

/// <summary>« Pilotage »'s filters as the address and the Dossier service read them: the same names in both.</summary>
public sealed record ReportFilter(DateOnly? From, DateOnly? To, string? Assignee)
{
    public string Query() => AddressQuery.Join(("from", AddressQuery.Of(From)), ("to", AddressQuery.Of(To)), ("assignee", Assignee));

    /// <summary>The filter kept in the page's address; what cannot be read is left out.</summary>
    public static ReportFilter FromQuery(string query)
    {
        var address = AddressQuery.Parse(query);
        var assignee = address.Text("assignee");
        return new ReportFilter(address.Day("from"), address.Day("to"), Guid.TryParse(assignee, out _) ? assignee : null);
    }
}
