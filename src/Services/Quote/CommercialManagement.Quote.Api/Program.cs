using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Quote.Api;
#if DEMO_DATA
using CommercialManagement.Quote.Api.Demo;
#endif
using CommercialManagement.Quote.Api.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceAuthentication();
builder.AddDocumentTokenAuthentication();
builder.AddQuoteServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapQuoteApi();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<QuoteDbContext>();
if (app.StartedToMigrateOnly())
{
    // A migration job (Database__MigrateOnly=true): the schema is up to date, nothing is served.
    return;
}

#if DEMO_DATA
// Val Nevé's catalogue, in Development only; compiled out of published builds (ADR 0019).
await app.SeedCatalogueDemoDataAsync();
#endif
await app.RunAsync();

/// <summary>The Quote service's entry point, named for WebApplicationFactory.</summary>
public partial class Program;
