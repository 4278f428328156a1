using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Dossier.Api;
using CommercialManagement.Dossier.Api.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceAuthentication();
builder.AddDossierServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDossierApi();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<DossierDbContext>();
if (app.StartedToMigrateOnly())
{
    // A migration job (Database__MigrateOnly=true): the schema is up to date, nothing is served.
    return;
}

await app.RunAsync();

/// <summary>The Dossier service's entry point, named for WebApplicationFactory.</summary>
public partial class Program;
