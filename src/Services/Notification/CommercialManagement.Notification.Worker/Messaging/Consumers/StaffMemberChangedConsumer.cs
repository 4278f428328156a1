using CommercialManagement.Contracts.Identity;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>Keeps the name, address and state of each staff member, for the alerts on the cases assigned to them.</summary>
internal sealed class StaffMemberChangedConsumer(NotificationDbContext db) : IConsumer<StaffMemberChanged>
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
