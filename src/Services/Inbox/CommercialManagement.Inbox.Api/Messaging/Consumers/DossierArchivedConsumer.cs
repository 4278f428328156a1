using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Messaging.Consumers;

/// <summary>
/// The dossier was archived (lost, cancelled, done): the case is closed, so a customer message waiting stops waiting and
/// raises no unanswered alert. A message the customer writes later starts the clock again. The request remembers it is
/// archived (an email from the customer's address alone then opens a new request, issue 18) until the dossier moves again.
/// </summary>
internal sealed class DossierArchivedConsumer(InboxDbContext db, TimeProvider time) : IConsumer<DossierChanged>
{
    public const string Archived = "Archived";

    public async Task Consume(ConsumeContext<DossierChanged> context)
    {
        var changed = context.Message;
        var archived = changed.Status == Archived;
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == changed.RequestId, context.CancellationToken);
        if (request is null || (request.Archived == archived && (!archived || request.AwaitingReplySince is null)))
        {
            return;
        }

        request.DossierArchived(archived);
        if (!archived || request.AwaitingReplySince is null)
        {
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        request.StopAwaitingReply();
        db.AddToOutbox(new ConversationChanged { OrganisationId = request.OrganisationId, OccurredAt = time.GetUtcNow(), RequestId = request.Id });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
