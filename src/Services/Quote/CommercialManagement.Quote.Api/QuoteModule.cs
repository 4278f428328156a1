using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Scheduling;
#if DEMO_DATA
using CommercialManagement.Quote.Api.Demo;
#endif
using CommercialManagement.Quote.Api.Messaging.Consumers;
using CommercialManagement.Quote.Api.Features.Catalogue;
using CommercialManagement.Quote.Api.Persistence;
using CommercialManagement.Quote.Api.Scheduling;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Quote.Api;

/// <summary>Catalogue, quotes and acceptance: the copies it keeps from events, its database and bus.</summary>
internal static class QuoteModule
{
    public static IHostApplicationBuilder AddQuoteServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<QuoteDbContext>(ResourceNames.QuoteDb);
        builder.AddIdempotencyKeys<QuoteDbContext>();
        builder.AddMessaging<QuoteDbContext>("quote", bus =>
        {
            bus.AddConsumer<OrganisationChangedConsumer>();
            bus.AddConsumer<RequestReceivedConsumer>();
            bus.AddConsumer<StayChangedConsumer>();
            bus.AddConsumer<CaseCancelledConsumer>();
            bus.AddConsumer<CustomerMessagePostedConsumer>();
            bus.AddConsumer<DossierArchivedConsumer>();
            bus.AddConsumer<Features.PersonalData.CustomerErasureConsumer>();
        });
        builder.Services.AddScheduledJob<QuoteExpiry>(QuoteExpiry.JobName, QuoteExpiry.Cron,
            "Sent quotes past their validity date become « Expirée » and give back their places (QuoteExpired).");
        builder.Services.AddScheduledJob<QuoteFollowUp>(QuoteFollowUp.JobName, QuoteFollowUp.Cron,
            "Sent quotes neither opened nor answered get a follow-up days before their expiry (QuoteFollowUpDue).");
        builder.Services.AddScheduledJob<DraftHoldRelease>(DraftHoldRelease.JobName, DraftHoldRelease.Cron,
            "Drafts never sent and unchanged for the organisation's days give back their places (QuoteDraftPlacesReleased).");
        builder.Services.AddHostedService<CatalogueAnnouncement>();
#if DEMO_DATA
        // Plays its part in Development only; compiled out of published builds (ADR 0019).
        builder.Services.AddHostedService<QuoteDemoStory>();
#endif
        return builder;
    }
}
