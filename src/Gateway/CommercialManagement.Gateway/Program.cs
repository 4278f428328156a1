using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Gateway;
using CommercialManagement.Gateway.Components;
#if DEMO_DATA
using CommercialManagement.Gateway.Demo;
#endif
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.Gateway.Features.ApiDocs;
using CommercialManagement.Gateway.Features.Auth;
using CommercialManagement.Gateway.Features.CustomerSpace;
using CommercialManagement.Gateway.Features.Edge;
using CommercialManagement.Gateway.Features.PersonalData;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

// First: the client's address and scheme as the trusted proxies saw them (rate limits, the forwarded X-Forwarded-For).
app.UseForwardedHeaders();
app.UseGatewayExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAuthApi();
// Before the proxied routes: /api/docs is the gateway's own, no service's.
app.MapApiDocs();
app.MapCustomerSpaceFiles();
app.MapCustomerSpacePayment();
app.MapServiceRoutes();
app.MapPersonalDataApi();
app.MapDefaultEndpoints(facesTheInternet: true);

await app.MigrateDatabaseAsync<GatewayDbContext>();
if (app.StartedToMigrateOnly())
{
    // A migration job (Database__MigrateOnly=true): the schema is up to date, nothing is served.
    return;
}

#if DEMO_DATA
// Val Nevé's organisations and staff, in Development only; compiled out of published builds (ADR 0019).
await app.SeedIdentityDemoDataAsync();
#endif
await app.AnnounceStaffDirectoryAsync();
await app.RunAsync();

/// <summary>The gateway's entry point, named for WebApplicationFactory.</summary>
public partial class Program;
