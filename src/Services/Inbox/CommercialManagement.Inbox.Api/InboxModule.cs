using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.Inbox.Api.Features.MailIn;
using CommercialManagement.Inbox.Api.Features.SubmitRequest;
using CommercialManagement.Inbox.Api.Features.Unanswered;
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
            bus.AddConsumer<OrganisationChangedConsumer>();
            bus.AddConsumer<DossierArchivedConsumer>();
            bus.AddConsumer<Features.PersonalData.CustomerErasureConsumer>();
        });
        builder.Services.AddScheduledJob<UnansweredRequestsJob>(
            UnansweredRequestsJob.JobName, UnansweredRequestsJob.DefaultCron,
            "Alerts the assignee (or the admins) of a customer message unanswered for the organisation's working hours.");
        builder.AddIntakeOriginAndRateLimits();
        builder.AddMailIn();
        return builder;
    }
}
