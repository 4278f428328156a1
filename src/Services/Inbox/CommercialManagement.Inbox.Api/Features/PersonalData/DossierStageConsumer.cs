using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Inbox.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.PersonalData;

/// <summary>
/// Inbox learns from Dossier whether a request became a dossier (a quote was started: any column but « Demande » and
/// « Archivé »), for the retention of requests that never did. The fact only ever grows (unknown, then still a request,
/// then a dossier, never back), so the events' order does not matter.
/// </summary>
internal sealed class DossierStageConsumer(InboxDbContext db) : IConsumer<DossierChanged>
{
    /// <summary>The columns that say nothing of a quote: the request's own, and the archive (a request lost may be archived).</summary>
    private static readonly string[] NotYetADossier = ["Request", Messaging.Consumers.DossierArchivedConsumer.Archived];

    public async Task Consume(ConsumeContext<DossierChanged> context)
    {
        var changed = context.Message;
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
    }
}

