using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Quote.Api.Messaging.Consumers;
using CommercialManagement.Quote.Api.Persistence;
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
        });
        builder.Services.AddHostedService<QuoteDemoStory>();
        return builder;
    }
}
