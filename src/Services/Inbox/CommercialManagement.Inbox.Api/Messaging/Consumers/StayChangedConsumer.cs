using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Messaging.Consumers;

/// <summary>
/// Staff changed the stay on the dossier: the requests list, the conversation and the customer space show the new
/// one. A change older than the one kept (redelivered late) changes nothing. The request is locked for the inbox
/// filter's transaction: two changes consumed at once are compared one after the other, never both against the old stay.
/// </summary>
internal sealed class StayChangedConsumer(InboxDbContext db, TimeProvider time) : IConsumer<StayChanged>
{
    public async Task Consume(ConsumeContext<StayChanged> context)
    {
        var change = context.Message;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({change.RequestId.ToString()}, 0))", context.CancellationToken);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == change.RequestId, context.CancellationToken);
        if (request is null)
        {
            // The request is the case's first fact: a stay cannot change on a case this service never received.
            throw new InvalidOperationException($"Stay changed on the unknown request {change.RequestId}.");
        }

        if (request.ChangeStay(new Stay(change.Arrival, change.Departure, change.Adults, change.ChildrenAges), change.OccurredAt))
        {
            db.AddToOutbox(new ConversationChanged { OrganisationId = request.OrganisationId, OccurredAt = time.GetUtcNow(), RequestId = request.Id });
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
