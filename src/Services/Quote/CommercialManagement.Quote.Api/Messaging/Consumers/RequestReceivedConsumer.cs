using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Messaging.Consumers;

/// <summary>Keeps the case's customer and stay, so the quote is priced for them. The inbox filter makes a redelivery a no-op.</summary>
internal sealed class RequestReceivedConsumer(QuoteDbContext db) : IConsumer<RequestReceived>
{
    public async Task Consume(ConsumeContext<RequestReceived> context)
    {
        if (await db.Cases.AnyAsync(c => c.Id == context.Message.RequestId, context.CancellationToken))
        {
            return;
        }

        db.Cases.Add(CaseCopy.From(context.Message));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
