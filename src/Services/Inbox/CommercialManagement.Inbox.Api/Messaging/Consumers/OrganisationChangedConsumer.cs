using CommercialManagement.Contracts.Identity;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Messaging.Consumers;

/// <summary>Keeps the organisation's schedule settings (the gateway owns them) for the unanswered-requests job.</summary>
internal sealed class OrganisationChangedConsumer(InboxDbContext db) : IConsumer<OrganisationChanged>
{
    public async Task Consume(ConsumeContext<OrganisationChanged> context)
    {
        var changed = context.Message;
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == changed.OrganisationId, context.CancellationToken);
        if (organisation is null)
        {
            db.Organisations.Add(InboxOrganisation.From(changed));
        }
        else
        {
            organisation.Apply(changed);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
