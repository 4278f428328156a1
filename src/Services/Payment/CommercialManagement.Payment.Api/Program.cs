using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Payment.Api;
using CommercialManagement.Payment.Api.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceAuthentication();
builder.AddDocumentTokenAuthentication();
builder.AddPaymentServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapPaymentApi();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<PaymentDbContext>();
if (app.StartedToMigrateOnly())
{
    // A migration job (Database__MigrateOnly=true): the schema is up to date, nothing is served.
    return;
}

await app.RunAsync();

/// <summary>The Payment service's entry point, named for WebApplicationFactory.</summary>
public partial class Program;
