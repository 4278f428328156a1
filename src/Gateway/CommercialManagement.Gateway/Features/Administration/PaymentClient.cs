using System.Net;
using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Gateway.Features.Administration;

/// <summary>A payment received: what may still be given back on it, and whether through the provider that took it (paid online).</summary>
public sealed record PaymentEntry(
    Guid Id, Guid QuoteId, long AmountCents, string Kind, string KindLabel, string Method, string MethodLabel, string Reference,
    DateOnly ReceivedOn, string RecordedBy, DateTimeOffset RecordedAt, long RefundableCents = 0, bool RefundsOnline = false);

/// <summary>A refund ordered through the provider: Status ToSend, Sent, Done or Refused (with the provider's Failure), and its French label; Purpose is its French label.</summary>
public sealed record RefundOrderEntry(
    Guid Id, Guid? PaymentId, long AmountCents, string Purpose, string Reason, string Status, string StatusLabel, string OrderedBy, DateTimeOffset OrderedAt,
    string? ProviderRefundId, string? Failure)
{
    /// <summary>Still on its way: the provider has not reported the refund yet.</summary>
    public bool IsOutstanding => Status is "ToSend" or "Sent";
}

/// <summary>« Rembourser » outside a cancellation: purpose Goodwill or Overpayment; method Online or an offline means with its reference and day.</summary>
public sealed record StaffRefund(string Purpose, Guid PaymentId, long AmountCents, string Reason, string Method, string? Reference, DateOnly? RefundedOn);

/// <summary>A payment asked of the customer; Status is Open, Expired, Paid or Cancelled, with its French label.</summary>
public sealed record PaymentRequestView(
    Guid Id, string Kind, string KindLabel, long AmountCents, string Status, string StatusLabel, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset ExpiresAt, string? LastFailure, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => Status == "Open";
}

/// <summary>What « Demander l'acompte / le solde / la totalité » would ask now, or why it cannot (in French).</summary>
public sealed record PaymentRequestOption(string Kind, string KindLabel, long AmountCents, bool Allowed, string? Reason);

/// <summary>Money given back through the provider (the shape is the Payment service's; missing fields stay empty).</summary>
public sealed record RefundView(
    Guid Id, Guid? PaymentId, long AmountCents, DateTimeOffset? RefundedAt, DateTimeOffset? RecordedAt, string? MethodLabel = null, string? Reference = null,
    string? PurposeLabel = null, string? Reason = null);

/// <summary>
/// A provider event that did not match our request (amount, currency, ids): flagged, not applied. A payment the ledger did
/// not count names what to give back (RefundDueReference, RefundAmountCents) and, once ordered, the refund's status.
/// </summary>
public sealed record PaymentAnomalyView(
    string EventId, DateTimeOffset ReceivedAt, string Reason, string? RefundDueReference = null, long? RefundAmountCents = null, string? RefundStatusLabel = null);

/// <summary>An invoice or credit note issued for the case; its PDF at <c>/api/payments/invoices/{Id}/pdf</c>.</summary>
public sealed record InvoiceEntry(Guid Id, string Number, string Kind, string KindLabel, DateOnly IssueDate, long AmountCents, Guid? CorrectsInvoiceId);

/// <summary>What « Annuler le dossier » would do today, as the Payment service computes it from the organisation's terms.</summary>
public sealed record CancellationPreview(
    int DaysBeforeArrival, string Rule, long AcceptedTotalCents, long TermsRetainedCents, long HeldCents, long KeptCents, long RefundCents,
    IReadOnlyList<string>? Terms, bool CanOverride, long OnlineRefundableCents = 0);

/// <summary>How the money goes back: Online (on the cards paid online), or a method as for an offline payment, its reference, the day.</summary>
public sealed record CancellationRefund(string Method, string? Reference, DateOnly? RefundedOn);

/// <summary>« Annuler le dossier » confirmed: requestedBy is Customer or Organisation; retainedCents and overrideReason an Admin's only.</summary>
public sealed record CaseCancellation(string RequestedBy, string Reason, long? RetainedCents, string? OverrideReason, CancellationRefund? Refund);

/// <summary>
/// A case's ledger as the Payment service shows it to staff. The lists may be missing from older answers: read them
/// through the non-null properties. SurplusCents: what the case holds beyond the accepted total (an amendment lowered it), still to refund.
/// </summary>
public sealed record LedgerView(
    Guid RequestId, Guid AcceptedQuoteId, string QuoteNumber, bool QuoteVoided, long AcceptedTotalCents, DateOnly? Arrival, int DepositPercentage,
    long DepositCents, long PaidCents, long RemainingCents, IReadOnlyList<PaymentEntry>? Payments, IReadOnlyList<PaymentRequestView>? Requests,
    IReadOnlyList<PaymentRequestOption>? Options, long RefundedCents, IReadOnlyList<RefundView>? Refunds, IReadOnlyList<PaymentAnomalyView>? Anomalies,
    IReadOnlyList<InvoiceEntry>? Invoices = null, bool Cancelled = false, DateTimeOffset? CancelledAt = null, string? CancellationReason = null,
    IReadOnlyList<RefundOrderEntry>? RefundOrders = null, long GoodwillCents = 0, long SurplusCents = 0, long CancellationRefundDueCents = 0)
{
    public IReadOnlyList<RefundOrderEntry> RefundOrderList => RefundOrders ?? [];

    public IReadOnlyList<InvoiceEntry> InvoiceList => Invoices ?? [];

    public IReadOnlyList<PaymentEntry> PaymentList => Payments ?? [];

    public IReadOnlyList<PaymentRequestView> RequestList => Requests ?? [];

    public IReadOnlyList<PaymentRequestOption> OptionList => Options ?? [];

    public IReadOnlyList<RefundView> RefundList => Refunds ?? [];

    public IReadOnlyList<PaymentAnomalyView> AnomalyList => Anomalies ?? [];
}

/// <summary>The back office's calls to the Payment service, as the signed-in staff member; refusals come back in French.</summary>
internal sealed class PaymentClient(StaffServiceClient services)
{
    /// <summary>The ledger; null while the case has no accepted quote.</summary>
    public async Task<LedgerView?> GetAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        using var response = await (await Payments()).GetAsync($"/api/payments/by-request/{requestId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<LedgerView>(cancellationToken);
    }

    /// <summary>Asks the customer to pay: kind is Deposit, Balance or Full; the email with the link follows from the event.</summary>
    public async Task<IReadOnlyList<string>> RequestAsync(Guid requestId, string kind, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Payments()).PostAsync($"/api/payments/by-request/{requestId}/requests", new { kind }, idempotencyKey));

    public async Task<IReadOnlyList<string>> CancelRequestAsync(Guid paymentRequestId) =>
        await ProblemMessages.ReadAsync(await (await Payments()).PostAsync($"/api/payments/requests/{paymentRequestId}/cancellation", null));

    public async Task<IReadOnlyList<string>> RecordOfflineAsync(Guid requestId, long amountCents, string method, string? reference, DateOnly? receivedOn, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Payments()).PostAsync($"/api/payments/by-request/{requestId}/offline", new { amountCents, method, reference, receivedOn }, idempotencyKey));

    /// <summary>« Annuler le dossier »'s figures today; null when the case has no accepted quote; the reason when it may not be cancelled.</summary>
    public async Task<(CancellationPreview? Preview, IReadOnlyList<string> Problems)> PreviewCancellationAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        using var response = await (await Payments()).GetAsync($"/api/payments/by-request/{requestId}/cancellation", cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<CancellationPreview>(cancellationToken), []);
        }

        if ((int)response.StatusCode >= 500)
        {
            response.EnsureSuccessStatusCode();
        }

        return (null, await ProblemMessages.ReadAsync(response));
    }

    /// <summary>Cancels the case (who asked, why, an Admin's amount and its reason, how the money goes back); the refusals in French.</summary>
    public async Task<IReadOnlyList<string>> CancelCaseAsync(Guid requestId, CaseCancellation cancellation, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Payments()).PostAsync($"/api/payments/by-request/{requestId}/cancellation", cancellation, idempotencyKey));

    /// <summary>« Rembourser »: a commercial gesture or an overpayment given back, offline at once or online through the provider.</summary>
    public async Task<IReadOnlyList<string>> RefundAsync(Guid requestId, StaffRefund refund, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Payments()).PostAsync($"/api/payments/by-request/{requestId}/refunds", refund, idempotencyKey));

    /// <summary>« Rembourser ce paiement »: a payment the ledger did not count (a flagged event) given back whole through the provider.</summary>
    public async Task<IReadOnlyList<string>> RefundUncountedAsync(Guid requestId, string eventId, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Payments()).PostAsync($"/api/payments/by-request/{requestId}/refunds/uncounted", new { eventId }, idempotencyKey));

    private Task<HttpClient> Payments() => services.ForAsync(ResourceNames.PaymentApi);
}
