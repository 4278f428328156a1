using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Notification.Worker.Persistence;
using MassTransit;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>Keeps the renewed token of a case's customer space: the next quote email links to the space that works.</summary>
internal sealed class CustomerSpaceLinkRenewedConsumer(NotificationDbContext db) : IConsumer<CustomerSpaceLinkRenewed>
{
    public Task Consume(ConsumeContext<CustomerSpaceLinkRenewed> context)
    {
        var renewed = context.Message;
        return CaseCopies.KeepTokenAsync(
            db, renewed.OrganisationId, renewed.RequestId, renewed.CustomerSpaceToken, renewed.OccurredAt, context.CancellationToken);
    }
}
