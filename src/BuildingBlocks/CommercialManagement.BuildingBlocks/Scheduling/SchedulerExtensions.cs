using CommercialManagement.BuildingBlocks.Locale;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CommercialManagement.BuildingBlocks.Scheduling;

/// <summary>A job the service's scheduler fires on a cron schedule read in Europe/Paris (ADR 0023).</summary>
/// <param name="Name">The job's and its trigger's key, e.g. <c>housekeeping</c>.</param>
/// <param name="Cron">Quartz's cron (seconds first), e.g. <c>0 0 9 * * ?</c> for 9:00 Paris time every day.</param>
public sealed record ScheduledJob(string Name, Type JobType, string Cron, string Description);

public static class SchedulerExtensions
{
    /// <summary><c>Scheduler:Enabled=false</c> keeps the scheduler stopped (service tests that call their jobs by hand).</summary>
    public const string EnabledSetting = "Scheduler:Enabled";

    /// <summary>
    /// The service's Quartz scheduler, its jobs and triggers kept in its own PostgreSQL database (tables <c>qrtz_*</c>,
    /// created when missing), clustered: every instance of the service shares the store, and each firing runs on one of them.
    /// Jobs are declared with <see cref="AddScheduledJob{TJob}"/>.
    /// </summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<JobClock>();
        if (!builder.Configuration.GetValue(EnabledSetting, true))
        {
            return builder;
        }

        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseDefaultTimeZone(ParisTime.Zone);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(postgres => postgres.ConnectionStringName = connectionName);
                store.UseClustering(cluster =>
                {
                    // A node that stops checking in for 15 + 45 s is taken for dead and its firings are recovered by another.
                    cluster.CheckinInterval = TimeSpan.FromSeconds(15);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(45);
                });
                // Created at the first start, as the services migrate their own schema; safe with several nodes starting at once.
                store.ProvisionSchema();
            });
        });
        // Started by our own hosted service rather than Quartz's: a database down at start must not stop the service.
        builder.Services.AddHostedService<ScheduleRegistration>();
        return builder;
    }

    /// <summary>
    /// A job on the scheduler <see cref="AddScheduler"/> registered: fired at each time of <paramref name="cron"/> (Paris time,
    /// or <c>Scheduler:Jobs:&lt;name&gt;:Cron</c> when set: an operator's choice, or the system tests' few seconds),
    /// never twice at once across the cluster, and once at the scheduler's start when a firing was missed while the service
    /// was down (a day down is one firing, not one per missed time). The job reads what is due from the database, so one
    /// firing catches up all that was missed.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, string cron, string description)
        where TJob : class, IJob
    {
        if (!CronExpression.TryParse(cron, out _))
        {
            throw new ArgumentException($"« {cron} » is not a Quartz cron expression.", nameof(cron));
        }

        services.TryAddScoped<TJob>();
        services.AddSingleton(new ScheduledJob(name, typeof(TJob), cron, description));
        return services;
    }
}
