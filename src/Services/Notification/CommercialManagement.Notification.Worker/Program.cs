using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Notification.Worker;
using CommercialManagement.Notification.Worker.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceAuthentication();
builder.AddNotificationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapNotificationApi();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<NotificationDbContext>();
if (app.StartedToMigrateOnly())
{
    // A migration job (Database__MigrateOnly=true): the schema is up to date, nothing is served.
    return;
}

await app.RunAsync();

/// <summary>The Notification service's entry point, named for WebApplicationFactory.</summary>
public partial class Program;
