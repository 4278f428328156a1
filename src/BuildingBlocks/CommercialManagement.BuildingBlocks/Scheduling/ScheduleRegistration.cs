using CommercialManagement.BuildingBlocks.Locale;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CommercialManagement.BuildingBlocks.Scheduling;

/// <summary>
/// Puts the service's <see cref="ScheduledJob"/>s in the shared store before the scheduler starts. A trigger already there
/// with the same schedule is left as it is: its next fire time, in the past after a downtime, is what the misfire policy
/// (fire once now, then on schedule) reads. Only a new job or a changed schedule is written, replacing the old one, so
/// that instances starting together agree.
/// </summary>
internal sealed partial class ScheduleRegistration(
    ISchedulerFactory schedulers, IEnumerable<ScheduledJob> declared, IConfiguration configuration, ILogger<ScheduleRegistration> logger)
    : IHostedService
{
    public const string Group = "scheduled";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} at « {Cron} » (Europe/Paris)")]
    private partial void LogScheduled(string job, string cron);
}
