using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Inbox.Api.Features.SubmitRequest;
using CommercialManagement.Inbox.Api.Messaging.Consumers;
using CommercialManagement.Inbox.Api.Persistence;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Inbox.Api;

internal static class InboxModule
{
    public static IHostApplicationBuilder AddInboxServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<InboxDbContext>(ResourceNames.InboxDb);
        builder.AddIdempotencyKeys<InboxDbContext>();
        builder.AddMessaging<InboxDbContext>("inbox", bus =>
        {
            bus.AddConsumer<EmailDeliveryConsumer>();
            bus.AddConsumer<StayChangedConsumer>();
            bus.AddConsumer<StaffMemberChangedConsumer>();
        });
        builder.AddIntakeOriginAndRateLimits();
        return builder;
    }
}
