using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Ledger;

/// <summary>Money given back on one of the case's payments: through the provider (its refund id), or offline (means and reference).</summary>
internal sealed record RefundView(
    Guid Id, Guid PaymentId, long AmountCents, string? ProviderRefundId, DateTimeOffset RefundedAt, string? MethodLabel = null, string? Reference = null,
    string? PurposeLabel = null, string? Reason = null);

/// <summary>A provider event about this case that did not match our request (amount, currency, ids): kept, never applied.</summary>
internal sealed record PaymentAnomalyView(string EventId, DateTimeOffset ReceivedAt, string Reason);

internal static class LedgerRefunds
{
    /// <summary>The flagged events matched to this case of this organisation (the events table has no query filter: both are explicit).</summary>
    public static async Task<List<PaymentAnomalyView>> AnomaliesAsync(PaymentDbContext db, PaymentCase account, CancellationToken cancellationToken) =>
        await db.StripeEvents
            .Where(e => e.CaseId == account.Id && e.OwnerOrganisationId == account.OrganisationId && e.Outcome == StripeEventOutcome.Flagged)
            .OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id)
            .Select(e => new PaymentAnomalyView(e.Id, e.ReceivedAt, e.Note ?? "")).ToListAsync(cancellationToken);
}
