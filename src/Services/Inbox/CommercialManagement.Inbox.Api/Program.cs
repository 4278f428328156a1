using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Inbox.Api;
#if DEMO_DATA
using CommercialManagement.Inbox.Api.Demo;
#endif
using CommercialManagement.Inbox.Api.Features.SubmitRequest;
using CommercialManagement.Inbox.Api.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceAuthentication();
builder.AddInboxServices();

var app = builder.Build();

app.UseIntakeOriginAndRateLimits();
// The embeddable form (/public/form.js): public, cached briefly so a fix reaches every website within minutes.
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=300",
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapInboxApi();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<InboxDbContext>();
if (app.StartedToMigrateOnly())
{
    // A migration job (Database__MigrateOnly=true): the schema is up to date, nothing is served.
    return;
}

#if DEMO_DATA
// Val Nevé's websites and requests, in Development only; compiled out of published builds (ADR 0019).
await app.SeedInboxDemoDataAsync();
#endif
await app.RunAsync();

/// <summary>The Inbox service's entry point, named for WebApplicationFactory.</summary>
public partial class Program;
