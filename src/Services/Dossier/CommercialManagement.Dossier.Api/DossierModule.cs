using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
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
        });
        builder.Services.AddSingleton<DossierNumbers>();
        builder.Services.AddHostedService<BoardCountCompaction>();
        builder.Services.AddHostedService<DossierDemoStory>();
        return builder;
    }
}
