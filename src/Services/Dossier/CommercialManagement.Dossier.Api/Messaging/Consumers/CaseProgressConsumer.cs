using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Domain.Reporting;
using CommercialManagement.Dossier.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Messaging.Consumers;

/// <summary>
/// Keeps each dossier up to date with its case's progress elsewhere (messages, assignment, quotes, payments, its
/// cancellation): each event is applied through the workflow (column, counts, totals) and the history lines it produces
/// are stored in the same transaction (the inbox filter's). An event for a case not opened yet is retried: its <c>RequestReceived</c> is on its way.
/// </summary>
internal sealed class CaseProgressConsumer(DossierDbContext db) :
    IConsumer<StaffMessagePosted>,
    IConsumer<CustomerMessagePosted>,
    IConsumer<ConversationRead>,
    IConsumer<ConversationMarkedUnread>,
    IConsumer<RequestAssigned>,
    IConsumer<QuoteChanged>,
    IConsumer<QuoteSent>,
    IConsumer<QuoteAccepted>,
    IConsumer<QuoteVoided>,
    IConsumer<PaymentReceived>,
    IConsumer<PaymentRefunded>,
    IConsumer<PaymentRequested>,
    IConsumer<PaymentRequestWithdrawn>,
    IConsumer<PaymentFailed>,
    IConsumer<CaseCancelled>,
    IConsumer<InvoiceIssued>
{
    public Task Consume(ConsumeContext<StaffMessagePosted> context) =>
        ApplyAsync(context, context.Message.RequestId, d =>
        {
            d.Answered(context.Message.OccurredAt);
            return d.StaffMessageSent(context.Message.StaffName, context.Message.OccurredAt);
        });

    public Task Consume(ConsumeContext<CustomerMessagePosted> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.CustomerMessageReceived(context.Message.OccurredAt));

    public Task Consume(ConsumeContext<ConversationRead> context) =>
        ApplyAsync(context, context.Message.RequestId, d =>
        {
            d.ConversationRead(context.Message.OccurredAt);
            return [];
        });

    public Task Consume(ConsumeContext<ConversationMarkedUnread> context) =>
        ApplyAsync(context, context.Message.RequestId, d =>
        {
            d.ConversationMarkedUnread(context.Message.OccurredAt);
            return [];
        });

    public Task Consume(ConsumeContext<RequestAssigned> context) =>
        ApplyAsync(context, context.Message.RequestId, d =>
        {
            d.AssignedTo(context.Message.AssigneeId, context.Message.AssigneeName, context.Message.OccurredAt);
            return [];
        });

    public Task Consume(ConsumeContext<QuoteChanged> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.QuoteChanged(context.Message.QuoteId, context.Message.LineCount, context.Message.TotalCents, context.Message.OccurredAt));

    public Task Consume(ConsumeContext<QuoteSent> context) =>
        ApplyAsync(context, context.Message.RequestId, d =>
        {
            d.QuoteSentOnce(context.Message.OccurredAt);
            return d.QuoteSent(context.Message.QuoteId, context.Message.Number, context.Message.TotalCents, context.Message.OccurredAt, context.Message.PreviousTotalCents);
        });

    /// <summary>An acceptance applied (not one older than the acceptance in force) replaces what the case had accepted in « Pilotage ».</summary>
    public async Task Consume(ConsumeContext<QuoteAccepted> context)
    {
        var accepted = context.Message;
        var payments = await db.Payments.Where(p => p.DossierId == accepted.RequestId).ToListAsync(context.CancellationToken);
        await ApplySalesAsync(context, accepted.RequestId, accepted.OccurredAt, d =>
        {
            var before = d.AcceptedAt;
            var history = d.QuoteAccepted(accepted.QuoteId, accepted.Number, accepted.TotalCents, accepted.AcceptedBy, accepted.OccurredAt, accepted.Version, accepted.PreviousTotalCents);
            var applied = d.AcceptedAt != before && d.AcceptedAt == accepted.OccurredAt;
            if (applied)
            {
                d.AcceptedOnce(accepted.OccurredAt);
                d.PaymentStepsReached(payments);
            }

            // Voided at once (its void came first): it counts for nothing accepted.
            var sales = applied && !d.IsCancelled && d.AcceptedQuoteId == accepted.QuoteId ? SaleEntry.Accepted(d, accepted.Content, accepted.TotalCents, accepted.OccurredAt) : null;
            return (history, applied, sales);
        });
    }

    public Task Consume(ConsumeContext<QuoteVoided> context) =>
        ApplySalesAsync(context, context.Message.RequestId, context.Message.OccurredAt, d =>
        {
            var before = d.AcceptedQuoteId;
            var history = d.QuoteVoided(context.Message.QuoteId, context.Message.Reason, context.Message.OccurredAt);
            return (history, before is not null && d.AcceptedQuoteId is null, null);
        });

    /// <summary>A payment counted once; the request it paid, if any, is no longer open in « Pilotage ».</summary>
    public Task Consume(ConsumeContext<PaymentReceived> context) =>
        RecordPaymentAsync(
            context, context.Message.RequestId, context.Message.PaymentId, context.Message.AmountCents, context.Message.OccurredAt, context.Message.PaymentRequestId);

    public Task Consume(ConsumeContext<PaymentRefunded> context) =>
        RecordPaymentAsync(context, context.Message.RequestId, context.Message.RefundId, -context.Message.AmountCents, context.Message.OccurredAt);

    /// <summary>A history line, and the request open in « Pilotage » (once by its id; closed already if its withdrawal or payment came first).</summary>
    public async Task Consume(ConsumeContext<PaymentRequested> context)
    {
        var requested = context.Message;
        var known = await db.PaymentRequests.SingleOrDefaultAsync(r => r.Id == requested.PaymentRequestId, context.CancellationToken);
        await ApplyAsync(context, requested.RequestId, d =>
        {
            if (known is null)
            {
                db.PaymentRequests.Add(DossierPaymentRequest.Requested(d, requested.PaymentRequestId, requested.Kind, requested.AmountCents, requested.OccurredAt, requested.ExpiresAt));
            }
            else
            {
                known.RequestedLate(requested.Kind, requested.AmountCents, requested.OccurredAt, requested.ExpiresAt);
            }

            return d.PaymentRequested(requested.Kind, requested.AmountCents, requested.OccurredAt);
        });
    }

    /// <summary>Staff or the Payment service withdrew a request: no longer open in « Pilotage ».</summary>
    public async Task Consume(ConsumeContext<PaymentRequestWithdrawn> context)
    {
        var withdrawn = context.Message;
        var known = await db.PaymentRequests.SingleOrDefaultAsync(r => r.Id == withdrawn.PaymentRequestId, context.CancellationToken);
        await ApplyAsync(context, withdrawn.RequestId, d =>
        {
            CloseRequest(d, known, withdrawn.PaymentRequestId, withdrawn.OccurredAt);
            return [];
        });
    }

    public Task Consume(ConsumeContext<PaymentFailed> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.PaymentFailed(context.Message.Reason, context.Message.OccurredAt));

    /// <summary>« Annuler le dossier » confirmed: archived with the outcome « Annulé », once (a redelivery or a republish changes nothing).</summary>
    public Task Consume(ConsumeContext<CaseCancelled> context) =>
        ApplySalesAsync(context, context.Message.RequestId, context.Message.OccurredAt, d =>
        {
            var before = d.IsCancelled;
            return (d.Cancel(context.Message), !before && d.IsCancelled, null);
        });

    /// <summary>An invoice or credit note of the case, counted once by its id for « Pilotage »'s invoiced turnover.</summary>
    public async Task Consume(ConsumeContext<InvoiceIssued> context)
    {
        var issued = context.Message;
        var known = await db.Invoices.AnyAsync(i => i.Id == issued.InvoiceId, context.CancellationToken);
        await ApplyAsync(context, issued.RequestId, dossier =>
        {
            if (!known)
            {
                db.Invoices.Add(DossierInvoice.Of(dossier, issued.InvoiceId, issued.Number, issued.Kind, issued.OccurredAt, issued.AmountCents, issued.CorrectsNumber));
            }

            return [];
        });
    }

    private async Task RecordPaymentAsync(ConsumeContext context, Guid caseId, Guid id, long amountCents, DateTimeOffset at, Guid? paymentRequestId = null)
    {
        var payments = await db.Payments.Where(p => p.DossierId == caseId).ToListAsync(context.CancellationToken);
        var counted = payments.Any(p => p.Id == id);
        var request = paymentRequestId is null ? null : await db.PaymentRequests.SingleOrDefaultAsync(r => r.Id == paymentRequestId, context.CancellationToken);
        await ApplyAsync(context, caseId, dossier =>
        {
            if (paymentRequestId is { } paid)
            {
                CloseRequest(dossier, request, paid, at);
            }

            var payment = DossierPayment.Of(dossier, id, amountCents, at);
            if (!counted)
            {
                db.Payments.Add(payment);
                payments.Add(payment);
            }

            var history = dossier.PaymentRecorded(payment, counted);
            dossier.PaymentStepsReached(payments);
            return history;
        });
    }

    /// <summary>Closes the request, or keeps it closed from the start when its asking has not arrived yet (or never will: asked before Dossier kept them).</summary>
    private void CloseRequest(Domain.Dossier dossier, DossierPaymentRequest? known, Guid paymentRequestId, DateTimeOffset at)
    {
        if (known is null)
        {
            db.PaymentRequests.Add(DossierPaymentRequest.ClosedFirst(dossier, paymentRequestId, at));
        }
        else
        {
            known.Close(at);
        }
    }

    /// <summary>
    /// A change that may replace what the case had accepted: when <c>Reverse</c>, its rows so far are reversed at
    /// <paramref name="at"/>, then the new accepted lines (if any) are added, in the same transaction as the change.
    /// </summary>
    private async Task ApplySalesAsync(
        ConsumeContext context, Guid caseId, DateTimeOffset at, Func<Domain.Dossier, (List<DossierHistoryEntry> History, bool Reverse, List<SaleEntry>? Accepted)> change)
    {
        var existing = await db.SaleEntries.Where(e => e.DossierId == caseId).ToListAsync(context.CancellationToken);
        await ApplyAsync(context, caseId, dossier =>
        {
            var (history, reverse, accepted) = change(dossier);
            if (reverse)
            {
                db.SaleEntries.AddRange(SaleEntry.Reversal(dossier, existing, at));
            }

            db.SaleEntries.AddRange(accepted ?? []);
            return history;
        });
    }

    private async Task ApplyAsync(ConsumeContext context, Guid caseId, Func<Domain.Dossier, List<DossierHistoryEntry>> change)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == caseId, context.CancellationToken)
            ?? throw new CaseNotOpenedYetException(caseId);
        db.History.AddRange(change(dossier));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>An event overtook its case's <c>RequestReceived</c>: retried until the case exists.</summary>
internal sealed class CaseNotOpenedYetException(Guid caseId) : Exception($"Case {caseId} is not opened yet.");
