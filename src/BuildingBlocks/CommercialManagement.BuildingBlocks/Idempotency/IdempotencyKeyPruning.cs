using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.BuildingBlocks.Idempotency;

/// <summary>
/// Forgets the keys older than a day, every hour: a retry comes within minutes, and a key is no proof of anything
/// once the effect's own rows tell the story.
/// </summary>
internal sealed class IdempotencyKeyPruning<TDbContext>(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyKeyPruning<TDbContext>> logger)
    : BackgroundService
    where TDbContext : DbContext
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Pruning the idempotency keys of {Context} failed; trying again in an hour", typeof(TDbContext).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var before = time.GetUtcNow() - Retention;
        return await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
