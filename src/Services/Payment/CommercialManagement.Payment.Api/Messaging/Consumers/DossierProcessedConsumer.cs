using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Payment.Api.Persistence;
using MassTransit;

namespace CommercialManagement.Payment.Api.Messaging.Consumers;

/// <summary>
/// « Commande traitée »: the final invoice, for an organisation whose final invoice waits for it (the ledger decides, and
/// issues it once). Numbered in the inbox filter's transaction, with the event that sends it.
/// </summary>
internal sealed class DossierProcessedConsumer(PaymentDbContext db, TimeProvider time) : IConsumer<DossierProcessed>
{
    public async Task Consume(ConsumeContext<DossierProcessed> context)
    {
        var processed = context.Message;
        if (await db.LockAsync(processed.RequestId, context.CancellationToken) is not { } ledger)
        {
            return;
        }

        if (ledger.IssueFinalOnProcessed(time.GetUtcNow()) is not null)
        {
            await db.StageAsync(ledger, time, context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
