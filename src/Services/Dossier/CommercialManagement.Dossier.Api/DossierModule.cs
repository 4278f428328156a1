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
            bus.AddConsumer<CaseProgressConsumer>();
        });
        builder.Services.AddSingleton<DossierNumbers>();
        builder.Services.AddHostedService<BoardCountCompaction>();
        builder.Services.AddHostedService<DossierDemoStory>();
        return builder;
    }
}
