using System.Diagnostics.Metrics;
using CommercialManagement.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>
/// Deletes, about once an interval, the rows of the service's tables that are past their <see cref="RetentionRule"/>, a
/// batch per statement until fewer than a batch are left. At rest a pass is one indexed query per table. Instances of a
/// service prune side by side: what one deletes, the other finds gone.
/// </summary>
internal sealed partial class RetentionPruner(
    IServiceScopeFactory scopeFactory,
    IEnumerable<RetentionRule> rules,
    TimeProvider timeProvider,
    IOptions<RetentionOptions> options,
    ILogger<RetentionPruner> logger) : BackgroundService
{
    private static readonly Counter<long> Pruned = MessagingMetrics.Meter.CreateCounter<long>(
        MessagingMetrics.RowsPruned, description: "Rows deleted once past their retention, tagged with the table.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        // Processes started together do not prune together, and one restarted more often than hourly still prunes.
        var wait = interval * Random.Shared.NextDouble();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, timeProvider, stoppingToken);
                await PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
            }

            wait = interval * (0.9 + (0.2 * Random.Shared.NextDouble()));
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        foreach (var rule in rules)
        {
            var threshold = timeProvider.GetUtcNow() - rule.Retention;
            var total = 0;
            int deleted;
            do
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DbContext>();
                deleted = await db.Database.ExecuteSqlRawAsync(rule.DeleteBatchSql, [threshold, batchSize], cancellationToken);
                total += deleted;
            }
            while (deleted >= batchSize);

            if (total > 0)
            {
                Pruned.Add(total, new KeyValuePair<string, object?>(MessagingMetrics.TableTag, rule.Table));
                LogPruned(total, rule.Table, threshold);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} rows of {Table} older than {Threshold}")]
    private partial void LogPruned(int count, string table, DateTimeOffset threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning pass failed; the rows stay until the next pass")]
    private partial void LogPassFailed(Exception exception);
}

public static class RetentionExtensions
{
    /// <summary>
    /// Prunes a table of the service's database (the <see cref="DbContext"/> that <c>AddMessaging</c> registers), with the
    /// rule built once the options are known.
    /// </summary>
    public static IServiceCollection AddRetentionRule(this IServiceCollection services, Func<IServiceProvider, RetentionRule> rule)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0, "Retention:Interval and Retention:BatchSize must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(rule);
        services.AddHostedService<RetentionPruner>();
        return services;
    }
}
