using CommercialManagement.Gateway.Proxy;
using MudBlazor.Services;

namespace CommercialManagement.Gateway;

internal static class GatewayModule
{
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(ServiceRoutes.Routes, ServiceRoutes.Clusters)
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }
}
