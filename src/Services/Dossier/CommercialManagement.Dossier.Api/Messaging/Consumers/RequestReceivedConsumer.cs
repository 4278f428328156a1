using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Dossier.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Messaging.Consumers;

/// <summary>Opens the case at the request stage. The inbox filter makes a redelivery a no-op.</summary>
internal sealed class RequestReceivedConsumer(DossierDbContext db) : IConsumer<RequestReceived>
{
    public async Task Consume(ConsumeContext<RequestReceived> context)
    {
        var request = context.Message;
        if (await db.Dossiers.AnyAsync(d => d.Id == request.RequestId, context.CancellationToken))
        {
            return;
        }

        db.Dossiers.Add(Domain.Dossier.OpenFrom(request));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
