using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CommercialManagement.Inbox.Api.Features.Unanswered;

/// <summary>
/// « unanswered-requests » (issue 17), every 15 minutes: a request whose customer's oldest unanswered message (the
/// request itself included) has waited <see cref="ScheduleSettings.UnansweredAlertWorkingHours"/> working hours
/// (<see cref="WorkingHours"/>; 0 turns it off) publishes <see cref="Contracts.Inbox.RequestUnanswered"/>, once per
/// message waiting: the claim (the message, « unanswered », the day it was written) and the event are committed
/// together, on the request locked, so two instances, two firings or a retry raise one alert. The gateway rings the
/// assignee's bell, or the admins' when nobody is assigned. A staff answer or the dossier archived stops the clock.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class UnansweredRequestsJob(IServiceScopeFactory scopes, JobClock clock, ILogger<UnansweredRequestsJob> logger) : IJob
{
    public const string JobName = "unanswered-requests";

    public const string DefaultCron = "0 0/15 * * * ?";

    /// <summary>The claim's kind in <c>scheduled_once</c>.</summary>
    public const string ClaimKind = "unanswered";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>One pass: how many alerts it raised.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Waiting> waiting;
        Dictionary<Guid, ScheduleSettings> settings;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            // A working hour is at least an hour: what waited less cannot be due (ix_requests_unanswered_not_alerted).
            var atMost = now - TimeSpan.FromHours(1);
            waiting = await db.Requests.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.AwaitingReplySince != null && r.UnansweredAlertedAt == null && r.AwaitingReplySince <= atMost)
                .OrderBy(r => r.AwaitingReplySince)
                .Select(r => new Waiting(r.Id, r.OrganisationId, r.AwaitingReplySince!.Value))
                .ToListAsync(cancellationToken);
            var organisations = waiting.Select(w => w.OrganisationId).Distinct().ToList();
            settings = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => organisations.Contains(o.OrganisationId))
                .ToDictionaryAsync(o => o.OrganisationId, o => o.Schedule, cancellationToken);
        }

        var raised = 0;
        foreach (var request in waiting)
        {
            var hours = (settings.GetValueOrDefault(request.OrganisationId) ?? new ScheduleSettings()).UnansweredAlertWorkingHours;
            try
            {
                if (Due(request.Since, hours, now) && await AlertAsync(request, hours, now, cancellationToken))
                {
                    raised++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One request that fails (a deadlock, a timeout) waits for the next pass; the others are not held behind it.
                LogAlertFailed(exception, request.RequestId);
            }
        }

        if (raised > 0)
        {
            LogRaised(raised);
        }

        return raised;
    }

    private static bool Due(DateTimeOffset since, int workingHours, DateTimeOffset now) =>
        workingHours > 0 && WorkingHours.Between(since, now) >= TimeSpan.FromHours(workingHours);

    /// <summary>In the request's organisation, on the request locked: checks it still waits, claims, publishes.</summary>
    private async Task<bool> AlertAsync(Waiting waiting, int workingHours, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(waiting.OrganisationId);
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM requests WHERE "Id" = {waiting.RequestId} FOR UPDATE""", cancellationToken);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == waiting.RequestId, cancellationToken);
        if (request?.AwaitingReplySince is not { } since || request.UnansweredAlertedAt is not null || !Due(since, workingHours, now))
        {
            // Answered, archived or alerted by the other instance meanwhile.
            return false;
        }

        var claimed = await db.ClaimOnceAsync(
            request.OrganisationId, request.AwaitingMessageId ?? request.Id, ClaimKind, ParisTime.Day(since), now, cancellationToken);
        request.UnansweredAlerted(now);
        if (claimed)
        {
            db.AddToOutbox(request.ToUnansweredEvent(workingHours, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Count} unanswered-request alerts")]
    private partial void LogRaised(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The unanswered alert of request {RequestId} failed; the next pass tries it again")]
    private partial void LogAlertFailed(Exception exception, Guid requestId);

    private sealed record Waiting(Guid RequestId, Guid OrganisationId, DateTimeOffset Since);
}
