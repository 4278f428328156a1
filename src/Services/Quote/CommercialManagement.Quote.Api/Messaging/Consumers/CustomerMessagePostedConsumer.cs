using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Quote.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Messaging.Consumers;

/// <summary>
/// Keeps when the customer last wrote, so that a quote they answered in the conversation gets no follow-up before it
/// expires (<c>quote-follow-up</c>, issue 17). The inbox filter makes a redelivery a no-op.
/// </summary>
internal sealed class CustomerMessagePostedConsumer(QuoteDbContext db) : IConsumer<CustomerMessagePosted>
{
    public async Task Consume(ConsumeContext<CustomerMessagePosted> context)
    {
        var copy = await db.Cases.SingleOrDefaultAsync(c => c.Id == context.Message.RequestId, context.CancellationToken);
        if (copy is null)
        {
            // A case Quote never heard of: no quote of it to follow up.
            return;
        }

        copy.CustomerWrote(context.Message.OccurredAt);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
