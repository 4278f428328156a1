using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.Gateway.Features.ApiDocs;
using CommercialManagement.Gateway.Features.CustomerSpace;
using CommercialManagement.Gateway.Features.Edge;
using CommercialManagement.Gateway.Features.Live;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.Gateway.Proxy;
using MudBlazor.Services;

namespace CommercialManagement.Gateway;

internal static class GatewayModule
{
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.AddTrustedProxies();
        builder.Services.AddExceptionHandler<ApiErrors>();
        builder.AddGatewayIdentity();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<Features.Auth.LoginThrottle>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<StaffServiceClient>();
        builder.Services.AddScoped<CurrentStaff>();
        builder.Services.AddLiveChanges();
        builder.Services.AddScoped<InboxClient>();
        builder.Services.AddScoped<DossierClient>();
        builder.Services.AddScoped<QuoteClient>();
        builder.Services.AddScoped<PaymentClient>();
        builder.Services.AddScoped<CatalogueClient>();
        builder.AddCustomerSpace();
        builder.AddApiDocs();
        builder.Services.AddSingleton<OrganisationAdministration>();
        builder.Services.AddSingleton<StaffAdministration>();
        builder.Services.AddSingleton<Features.PersonalData.Erasures>();
        builder.Services.AddSingleton<Features.PersonalData.PersonalDataSources>();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(ServiceRoutes.Routes, ServiceRoutes.Clusters)
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms<StaffTokenTransform>();
        return builder;
    }
}
