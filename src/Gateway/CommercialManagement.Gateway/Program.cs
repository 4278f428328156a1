using CommercialManagement.Gateway;
using CommercialManagement.Gateway.Components;
using CommercialManagement.Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseExceptionHandler("/erreur", createScopeForErrors: true);
app.UseStatusCodePages();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapServiceRoutes();
app.MapDefaultEndpoints();

await app.RunAsync();

/// <summary>The gateway's entry point, named for WebApplicationFactory.</summary>
public partial class Program;
