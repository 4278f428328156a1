using CommercialManagement.Contracts.Payment;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Messaging.Consumers;

/// <summary>
/// The payment schedule's events (issue 17): each reminder a history line, the overdue balance marked on the dossier and
/// cleared, in the inbox filter's transaction. An event for a case not opened yet is retried.
/// </summary>
internal sealed class PaymentScheduleConsumer(DossierDbContext db) :
    IConsumer<PaymentReminderDue>,
    IConsumer<PaymentOverdue>,
    IConsumer<PaymentOverdueCleared>
{
    public Task Consume(ConsumeContext<PaymentReminderDue> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.PaymentReminderSent(
            context.Message.Step, context.Message.Label, context.Message.Kind, context.Message.AmountCents, context.Message.DueOn, context.Message.OccurredAt));

    public Task Consume(ConsumeContext<PaymentOverdue> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.BalanceOverdue(context.Message.DueOn, context.Message.RemainingCents, context.Message.OccurredAt));

    public Task Consume(ConsumeContext<PaymentOverdueCleared> context) =>
        ApplyAsync(context, context.Message.RequestId, d => d.BalanceOverdueCleared(context.Message.OccurredAt));

    private async Task ApplyAsync(ConsumeContext context, Guid caseId, Func<Domain.Dossier, List<DossierHistoryEntry>> change)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == caseId, context.CancellationToken)
            ?? throw new CaseNotOpenedYetException(caseId);
        db.History.AddRange(change(dossier));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
