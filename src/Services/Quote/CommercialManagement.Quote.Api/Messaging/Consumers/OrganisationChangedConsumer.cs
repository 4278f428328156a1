using CommercialManagement.Contracts.Identity;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Messaging.Consumers;

/// <summary>Keeps each organisation's copy (kind, legal details, deposit, validity, numbering, cancellation terms): the latest wins.</summary>
internal sealed class OrganisationChangedConsumer(QuoteDbContext db) : IConsumer<OrganisationChanged>
{
    public async Task Consume(ConsumeContext<OrganisationChanged> context)
    {
        var changed = context.Message;
        var copy = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == changed.OrganisationId, context.CancellationToken);
        if (copy is null)
        {
            db.Organisations.Add(OrganisationCopy.From(changed));
        }
        else
        {
            copy.Apply(changed);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
