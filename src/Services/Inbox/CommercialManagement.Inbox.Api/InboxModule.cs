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
using Microsoft.Extensions.Options;

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
            bus.AddConsumer<DossierChangedConsumer>().Endpoint(endpoint => endpoint.Name = DossierChangedConsumer.QueueName);
            bus.AddConsumer<Features.PersonalData.CustomerErasureConsumer>();
        });
        builder.Services.AddScheduledJob<UnansweredRequestsJob>(
            UnansweredRequestsJob.JobName, UnansweredRequestsJob.DefaultCron,
            "Alerts the assignee (or the admins) of a customer message unanswered for the organisation's working hours.");
        builder.Services.AddOptions<Features.PersonalData.UnconvertedRequestOptions>().BindConfiguration(Features.PersonalData.UnconvertedRequestOptions.Section)
            .Validate(o => o.UnconvertedRequestMonths > 0, "Retention:UnconvertedRequestMonths must be positive.").ValidateOnStart();
        builder.Services.AddScheduledJob<Features.PersonalData.UnconvertedRequestsRetentionJob>(
            Features.PersonalData.UnconvertedRequestsRetentionJob.JobName, Features.PersonalData.UnconvertedRequestsRetentionJob.DefaultCron,
            "Erases the requests that never became dossiers after Retention:UnconvertedRequestMonths (24).");
        // The mailbox's log of emails that opened no request, past the same age (a line that opened one goes with its request).
        builder.Services.AddRetentionRule(provider => new RetentionRule(
            InboxDbContext.InboundEmailsTable, "\"ReceivedAt\"",
            provider.GetRequiredService<IOptions<Features.PersonalData.UnconvertedRequestOptions>>().Value.MailboxLogRetention,
            keep: "\"RequestId\" IS NOT NULL"));
        builder.AddIntakeOriginAndRateLimits();
        builder.AddMailIn();
        return builder;
    }
}
