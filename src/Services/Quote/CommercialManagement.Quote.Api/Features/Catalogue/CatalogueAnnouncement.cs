using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Catalogue;

/// <summary>
/// At start, every product of every organisation announced once more (<c>CatalogueProductChanged</c>, dated when it last
/// changed): a consumer added since (« Pilotage ») learns the catalogue, one that knows it ignores the repeat. A few rows per
/// product and start, written through the outbox like any change.
/// </summary>
internal sealed class CatalogueAnnouncement(IServiceScopeFactory scopes, ILogger<CatalogueAnnouncement> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QuoteDbContext>();
            var products = await db.Products.IgnoreQueryFilters().AsNoTracking().ToListAsync(stoppingToken);
            foreach (var product in products)
            {
                db.AddToOutbox(QuoteDbContext.Announcement(product));
            }

            await db.SaveChangesAsync(stoppingToken);
            logger.LogInformation("Announced {Count} catalogue products.", products.Count);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next start announces them again; a product changed meanwhile is announced by its change.
            logger.LogWarning(exception, "The catalogue could not be announced at start.");
        }
    }
}
