using CommercialManagement.Contracts.Identity;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Messaging.Consumers;

/// <summary>Keeps the staff a request may be assigned to (the gateway owns them).</summary>
internal sealed class StaffMemberChangedConsumer(InboxDbContext db) : IConsumer<StaffMemberChanged>
{
    public async Task Consume(ConsumeContext<StaffMemberChanged> context)
    {
        var changed = context.Message;
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.StaffId == changed.StaffId, context.CancellationToken);
        if (member is null)
        {
            db.StaffMembers.Add(StaffMember.From(changed));
        }
        else
        {
            member.Apply(changed);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
