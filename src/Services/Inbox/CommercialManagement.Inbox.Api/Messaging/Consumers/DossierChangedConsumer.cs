using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Messaging.Consumers;

/// <summary>
/// What Inbox keeps of a dossier's move, on the request it came from, in one transaction:
/// <list type="bullet">
/// <item>archived (lost, cancelled, done): the case is closed, so a customer message waiting stops waiting and raises no
/// unanswered alert (a message the customer writes later starts the clock again), and the request remembers it is archived
/// (an email from the customer's address alone then opens a new request, issue 18) until the dossier moves again;</item>
/// <item>whether the request became a dossier (a quote was started: any column but « Demande » and « Archivé »), for the
/// retention of requests that never did (issue 19). That fact only ever grows (unknown, then still a request, then a
/// dossier, never back), so the events' order does not matter.</item>
/// </list>
/// </summary>
internal sealed class DossierChangedConsumer(InboxDbContext db, TimeProvider time) : IConsumer<DossierChanged>
{
    public const string Archived = "Archived";

    /// <summary>
    /// The queue this consumer had when archiving was its only concern (DossierArchivedConsumer): a broker that has it keeps
    /// feeding it, and the inbox recognises a redelivery by message and queue.
    /// </summary>
    public const string QueueName = "inbox-dossier-archived";

    /// <summary>The columns that say nothing of a quote: the request's own, and the archive (a request lost may be archived).</summary>
    private static readonly string[] NotYetADossier = ["Request", Archived];

    public async Task Consume(ConsumeContext<DossierChanged> context)
    {
        var changed = context.Message;
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == changed.RequestId, context.CancellationToken);
        if (request is null)
        {
            return;
        }

        // Two deliveries of the same request can run at once: the fact is written by conditional statements (the row's lock
        // makes the later one see the earlier's commit), never from the values loaded above, so « a dossier » is never undone.
        var requests = db.Requests.Where(r => r.Id == changed.RequestId);
        if (NotYetADossier.Contains(changed.Status))
        {
            await requests.Where(r => r.BecameDossier == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.BecameDossier, false), context.CancellationToken);
        }
        else
        {
            await requests.Where(r => r.BecameDossier != true)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.BecameDossier, true), context.CancellationToken);
        }

        var archived = changed.Status == Archived;
        request.DossierArchived(archived);
        if (archived && request.AwaitingReplySince is not null)
        {
            request.StopAwaitingReply();
            db.AddToOutbox(new ConversationChanged { OrganisationId = request.OrganisationId, OccurredAt = time.GetUtcNow(), RequestId = request.Id });
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
