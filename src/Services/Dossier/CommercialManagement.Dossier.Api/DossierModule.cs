using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
#if DEMO_DATA
using CommercialManagement.Dossier.Api.Demo;
#endif
using CommercialManagement.Dossier.Api.Messaging.Consumers;
using CommercialManagement.Dossier.Api.Persistence;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Dossier.Api;

internal static class DossierModule
{
    public static IHostApplicationBuilder AddDossierServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DossierDbContext>(ResourceNames.DossierDb);
        builder.AddMessaging<DossierDbContext>("dossier", bus =>
        {
            bus.AddConsumer<RequestReceivedConsumer>();
            // The queue keeps the name it had before the class was renamed: a broker that has it keeps feeding it, and the
            // inbox recognises a redelivery by message and queue.
            bus.AddConsumer<CaseProgressConsumer>().Endpoint(endpoint => endpoint.Name = "dossier-case-event-consumers");
            bus.AddConsumer<PaymentScheduleConsumer>();
            bus.AddConsumer<QuoteValidityConsumer>();
            bus.AddConsumer<CatalogueProductChangedConsumer>();
            bus.AddConsumer<Features.PersonalData.CustomerErasureConsumer>();
        });
        builder.Services.AddSingleton<DossierNumbers>();
        builder.Services.AddHostedService<BoardCountCompaction>();
#if DEMO_DATA
        // Plays its part in Development only; compiled out of published builds (ADR 0019).
        builder.Services.AddHostedService<DossierDemoStory>();
#endif
        return builder;
    }
}
