using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Dossier.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Messaging.Consumers;

/// <summary>
/// Opens the case at the request stage. The inbox filter makes a redelivery a no-op; the number is taken outside
/// the filter's transaction (<see cref="DossierNumbers"/>), so a retry after a failure skips one.
/// </summary>
internal sealed class RequestReceivedConsumer(DossierDbContext db, DossierNumbers numbers) : IConsumer<RequestReceived>
{
    public async Task Consume(ConsumeContext<RequestReceived> context)
    {
        var request = context.Message;
        if (await db.Dossiers.AnyAsync(d => d.Id == request.RequestId, context.CancellationToken))
        {
            return;
        }

        var dossier = Domain.Dossier.OpenFrom(request, await numbers.NextAsync(request.OrganisationId, context.CancellationToken));
        db.Dossiers.Add(dossier);
        db.History.Add(Domain.DossierHistoryEntry.For(
            dossier, request.OccurredAt, request.Channel == RequestChannel.Phone ? "Équipe" : "Client",
            request.Channel switch
            {
                RequestChannel.Phone => "Demande saisie après un appel téléphonique",
                RequestChannel.Email => "Demande reçue par e-mail",
                _ => "Demande reçue par le formulaire du site",
            },
            to: Domain.DossierStatus.Request));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
