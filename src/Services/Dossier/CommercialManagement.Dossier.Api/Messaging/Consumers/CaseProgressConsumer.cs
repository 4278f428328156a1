using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Dossier.Api.Domain;
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
    IConsumer<PaymentFailed>,
    IConsumer<CaseCancelled>
{
    public Task Consume(ConsumeContext<StaffMessagePosted> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.StaffMessageSent(context.Message.StaffName, context.Message.OccurredAt));

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
        ApplyAsync(context, context.Message.RequestId, d => d.QuoteSent(
            context.Message.QuoteId, context.Message.Number, context.Message.TotalCents, context.Message.OccurredAt, context.Message.PreviousTotalCents));

    public Task Consume(ConsumeContext<QuoteAccepted> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.QuoteAccepted(
            context.Message.QuoteId, context.Message.Number, context.Message.TotalCents, context.Message.AcceptedBy, context.Message.OccurredAt,
            context.Message.Version, context.Message.PreviousTotalCents));

    public Task Consume(ConsumeContext<QuoteVoided> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.QuoteVoided(context.Message.QuoteId, context.Message.Reason, context.Message.OccurredAt));

    public Task Consume(ConsumeContext<PaymentReceived> context) =>
        RecordPaymentAsync(context, context.Message.RequestId, context.Message.PaymentId, context.Message.AmountCents, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<PaymentRefunded> context) =>
        RecordPaymentAsync(context, context.Message.RequestId, context.Message.RefundId, -context.Message.AmountCents, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<PaymentRequested> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.PaymentRequested(context.Message.Kind, context.Message.AmountCents, context.Message.OccurredAt));

    public Task Consume(ConsumeContext<PaymentFailed> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.PaymentFailed(context.Message.Reason, context.Message.OccurredAt));

    /// <summary>« Annuler le dossier » confirmed: archived with the outcome « Annulé », once (a redelivery or a republish changes nothing).</summary>
    public Task Consume(ConsumeContext<CaseCancelled> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.Cancel(context.Message));

    private async Task RecordPaymentAsync(ConsumeContext context, Guid caseId, Guid id, long amountCents, DateTimeOffset at)
    {
        var counted = await db.Payments.AnyAsync(p => p.Id == id, context.CancellationToken);
        await ApplyAsync(context, caseId, dossier =>
        {
            var payment = DossierPayment.Of(dossier, id, amountCents, at);
            if (!counted)
            {
                db.Payments.Add(payment);
            }

            return dossier.PaymentRecorded(payment, counted);
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
