using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Quote.Api.Features.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using MassTransit;

namespace CommercialManagement.Quote.Api.Messaging.Consumers;

/// <summary>
/// A dossier archived by staff (issue 17): its quote still in progress (draft or sent) is voided (« Dossier archivé par … »),
/// its places given back and <c>QuoteVoided</c> published. An accepted order stays (« Annuler le dossier » cancels it); a
/// quote already closed, or a redelivery, changes nothing.
/// </summary>
internal sealed class DossierArchivedConsumer(QuoteDbContext db, TimeProvider time) : IConsumer<DossierArchived>
{
    public async Task Consume(ConsumeContext<DossierArchived> context)
    {
        var archived = context.Message;
        var cancellationToken = context.CancellationToken;
        await db.LockCaseAsync(archived.RequestId, cancellationToken);
        var quote = await QuoteWork.CurrentAsync(db, archived.RequestId, cancellationToken);
        if (quote is not { InProgress: true, IsAmendment: false })
        {
            return;
        }

        await QuoteWork.VoidAsync(db, quote, $"Dossier archivé par {archived.StaffName}", time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
