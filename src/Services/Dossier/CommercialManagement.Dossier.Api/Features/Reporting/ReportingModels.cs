namespace CommercialManagement.Dossier.Api.Features.Reporting;

/// <summary>« Pilotage »: the period, its figures, and the same figures a year earlier where a comparison means something.</summary>
internal sealed record Report(
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    Funnel Funnel,
    Funnel PreviousFunnel,
    Turnover Totals,
    Turnover PreviousTotals,
    IReadOnlyList<MonthTurnover> Months,
    IReadOnlyList<GroupTurnover> ByProductType,
    IReadOnlyList<GroupTurnover> ByProduct,
    IReadOnlyList<AgentTurnover> ByAgent,
    Balances Balances,
    IReadOnlyList<ProductOccupancy> Occupancy);

/// <summary>
/// The cases received in the period and how far each went (a step counts when it or a later one was reached), with the
/// median time between steps in hours (null when no case made that step).
/// </summary>
internal sealed record Funnel(
    int Requests,
    int Answered,
    int QuotesSent,
    int Accepted,
    int DepositPaid,
    int PaidInFull,
    double? MedianHoursToFirstAnswer,
    double? MedianHoursToQuote,
    double? MedianHoursQuoteToAcceptance,
    double? MedianHoursAcceptanceToDeposit,
    double? MedianHoursDepositToPaidInFull);

/// <summary>
/// Turnover, TTC and tourist tax included like the board's totals: accepted (quotes accepted, less what amendments, voids and
/// cancellations took back), invoiced (final invoices less the credit notes on them; deposit invoices apart, as advances),
/// collected (payments less refunds).
/// </summary>
internal sealed record Turnover(long AcceptedCents, long InvoicedCents, long DepositsInvoicedCents, long CollectedCents)
{
    public static readonly Turnover Zero = new(0, 0, 0, 0);

    public Turnover Plus(Turnover other) => new(
        AcceptedCents + other.AcceptedCents, InvoicedCents + other.InvoicedCents, DepositsInvoicedCents + other.DepositsInvoicedCents,
        CollectedCents + other.CollectedCents);
}

/// <summary>One month of the period (Paris time, "2026-12") and the same month a year earlier.</summary>
internal sealed record MonthTurnover(string Month, Turnover Current, Turnover Previous);

/// <summary>Accepted turnover of a product type or a product, this period and a year earlier.</summary>
internal sealed record GroupTurnover(string Key, string Label, string? ProductType, long AcceptedCents, long PreviousAcceptedCents);

/// <summary>The turnover of the cases an agent is assigned to (null: nobody).</summary>
internal sealed record AgentTurnover(Guid? AssigneeId, string Name, Turnover Current, Turnover Previous);

/// <summary>
/// Where the money stands today (not by period): what accepted cases still owe, what of it is past its due date, what was
/// paid beyond the accepted total (to refund), and the refunds made in the period; the payment requests still open that
/// the customer can pay, and those expired without payment (see <see cref="OpenPaymentRequests"/>, added by <see cref="With"/>).
/// </summary>
internal sealed record Balances(
    int DueCount,
    long DueCents,
    int OverdueCount,
    long OverdueCents,
    int OverpaidCount,
    long OverpaidCents,
    int RefundCount,
    long RefundedCents,
    int OpenRequestCount = 0,
    long OpenRequestCents = 0,
    int ExpiredRequestCount = 0,
    long ExpiredRequestCents = 0)
{
    public Balances With(OpenPaymentRequests requests) => this with
    {
        OpenRequestCount = requests.OpenCount, OpenRequestCents = requests.OpenCents,
        ExpiredRequestCount = requests.ExpiredCount, ExpiredRequestCents = requests.ExpiredCents,
    };
}

/// <summary>An accommodation's occupancy week by week over the period: nights its accepted stays occupy, nights it offered.</summary>
internal sealed record ProductOccupancy(Guid ProductId, string Name, int Capacity, IReadOnlyList<WeekOccupancy> Weeks);

/// <summary>The week starting <see cref="Monday"/> (only its days within the period count).</summary>
internal sealed record WeekOccupancy(DateOnly Monday, int NightsSold, int NightsOffered);
