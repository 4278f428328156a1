using System.Diagnostics.Metrics;
using CommercialManagement.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CommercialManagement.BuildingBlocks.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>
/// The scheduler's housekeeping (ADR 0023): deletes the rows of the service's tables that are past their
/// <see cref="RetentionRule"/>, a batch per statement until fewer than a batch are left. At rest a pass is one indexed query
/// per table. Fired hourly on one instance of the service; a pass missed while the service was down runs when it comes back.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RetentionPruner(
    IServiceScopeFactory scopeFactory,
    IEnumerable<RetentionRule> rules,
    TimeProvider timeProvider,
    IOptions<RetentionOptions> options,
    ILogger<RetentionPruner> logger) : IJob
{
    public const string JobName = "housekeeping";

    private static readonly Counter<long> Pruned = MessagingMetrics.Meter.CreateCounter<long>(
        MessagingMetrics.RowsPruned, description: "Rows deleted once past their retention, tagged with the table.");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await PruneAsync(cancellationToken);

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

}

public static class RetentionExtensions
{
    /// <summary>
    /// The housekeeping job on the service's scheduler, at <c>Retention:Cron</c> (every hour by default), with the rules
    /// <see cref="AddRetentionRule"/> declares. <see cref="DatabaseExtensions.AddServiceDatabase{TDbContext}"/> adds it.
    /// </summary>
    internal static IServiceCollection AddHousekeeping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.BatchSize > 0, "Retention:BatchSize must be positive.")
            .ValidateOnStart();
        var cron = configuration[$"{RetentionOptions.Section}:Cron"] ?? RetentionOptions.DefaultCron;
        return services.AddScheduledJob<RetentionPruner>(RetentionPruner.JobName, cron, "Deletes the rows past their retention (outbox, inbox, idempotency keys, provider events).");
    }

    /// <summary>
    /// Prunes a table of the service's database (the <see cref="DbContext"/> that <c>AddMessaging</c> registers), with the
    /// rule built once the options are known.
    /// </summary>
    public static IServiceCollection AddRetentionRule(this IServiceCollection services, Func<IServiceProvider, RetentionRule> rule)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(rule);
        return services;
    }
}
