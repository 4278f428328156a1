using CommercialManagement.BuildingBlocks.Locale;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CommercialManagement.BuildingBlocks.Scheduling;

/// <summary>
/// Starts the service's scheduler once the service is up, and stops it (letting running jobs finish) when it stops.
/// Before starting, it puts the service's <see cref="ScheduledJob"/>s in the shared store: a trigger already there with
/// the same schedule is left as it is (its next fire time, in the past after a downtime, is what the misfire policy,
/// fire once now, reads); only a new job or a changed schedule is written, replacing the old one, so that instances
/// starting together agree. A database that does not answer does not stop the service from starting: the scheduler is
/// tried again every few seconds, up to a minute apart, while the service answers 503 on its own.
/// </summary>
internal sealed partial class ScheduleRegistration(
    ISchedulerFactory schedulers, IEnumerable<ScheduledJob> declared, IConfiguration configuration, IHostApplicationLifetime lifetime,
    ILogger<ScheduleRegistration> logger) : BackgroundService
{
    public const string Group = "scheduled";

    private IScheduler? _started;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // As Quartz's own hosted service does by default: no job runs while the service is still starting.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var wait = TimeSpan.FromSeconds(2);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                await RegisterAsync(scheduler, stoppingToken);
                await scheduler.Start(stoppingToken);
                _started = scheduler;
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogStartFailed(exception, wait);
                await Task.Delay(wait, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_started is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    private async Task RegisterAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        foreach (var job in declared.Select(job => configuration[$"Scheduler:Jobs:{job.Name}:Cron"] is { Length: > 0 } cron ? job with { Cron = cron } : job))
        {
            var key = new TriggerKey(job.Name, Group);
            if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger current
                && current.CronExpressionString == job.Cron
                && current.TimeZone.Id == ParisTime.Zone.Id
                && await scheduler.GetJobDetail(current.JobKey, cancellationToken) is { } detail
                && detail.JobType.Type == job.JobType)
            {
                continue;
            }

            var jobDetail = JobBuilder.Create()
                .OfType(job.JobType)
                .WithIdentity(job.Name, Group)
                .WithDescription(job.Description)
                .DisallowConcurrentExecution()
                .StoreDurably()
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(jobDetail)
                .WithCronSchedule(job.Cron, cron => cron.InTimeZone(ParisTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(jobDetail, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
            LogScheduled(job.Name, job.Cron);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} at « {Cron} » (Europe/Paris)")]
    private partial void LogScheduled(string job, string cron);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduler could not start (its database?); trying again in {Wait}")]
    private partial void LogStartFailed(Exception exception, TimeSpan wait);
}
