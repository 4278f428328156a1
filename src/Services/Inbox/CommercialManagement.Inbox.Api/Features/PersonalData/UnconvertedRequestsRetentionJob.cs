using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace CommercialManagement.Inbox.Api.Features.PersonalData;

/// <summary>How long a request that never became a dossier is kept (issue 19), from its last activity.</summary>
internal sealed class UnconvertedRequestOptions
{
    public const string Section = "Retention";

    /// <summary><c>Retention:UnconvertedRequestMonths</c>: 24 by default; the same age empties the mailbox's log of senders.</summary>
    public int UnconvertedRequestMonths { get; set; } = 24;

    /// <summary>
    /// <see cref="UnconvertedRequestMonths"/> as the span the housekeeping's rule on the mailbox's log needs: months of
    /// 365.25 / 12 days, rounded up to a whole day (731 days for 24 months).
    /// </summary>
    public TimeSpan MailboxLogRetention => TimeSpan.FromDays(Math.Ceiling(UnconvertedRequestMonths * 365.25 / 12));
}

/// <summary>
/// « unconverted-requests-retention », every night: the requests whose dossier never went past « Demande » (Dossier said
/// so: a request Inbox has heard nothing about, older than this rule, is kept) and whose last activity is older than
/// <see cref="UnconvertedRequestOptions.UnconvertedRequestMonths"/> are deleted with their messages, attachments, reply
/// threads and original emails, and <see cref="CustomerErasureRequested"/> (those cases only) is published in the same
/// transaction so every other service drops its copies (the dossier card, the email log). Runs on one instance
/// (clustered scheduler). The mailbox's log of emails that opened no request loses its lines past the same age through
/// the service's housekeeping (a <see cref="CommercialManagement.BuildingBlocks.Persistence.RetentionRule"/>, see InboxModule).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class UnconvertedRequestsRetentionJob(
    IServiceScopeFactory scopes, JobClock clock, IOptions<UnconvertedRequestOptions> options, ILogger<UnconvertedRequestsRetentionJob> logger) : IJob
{
    public const string JobName = "unconverted-requests-retention";

    public const string DefaultCron = "0 43 3 * * ?";

    public const string RequestedBy = "Conservation automatique";

    private const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>One pass: how many requests it erased.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var threshold = now.AddMonths(-options.Value.UnconvertedRequestMonths);
        var erased = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            var batch = await db.Requests.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.BecameDossier == false && r.LastActivityAt < threshold)
                .OrderBy(r => r.LastActivityAt)
                .Select(r => new { r.Id, r.OrganisationId })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var organisationId = batch[0].OrganisationId;
            var ids = batch.Where(r => r.OrganisationId == organisationId).Select(r => r.Id).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The requests first, checked again as they go: one that became a dossier since it was read stays, with its
            // conversation. Their messages, attachments and reply threads go with them (foreign keys, on delete cascade);
            // only the requests really deleted lose their original emails and are erased in the other services.
            var deleted = await db.Requests.IgnoreQueryFilters()
                .Where(r => r.OrganisationId == organisationId && ids.Contains(r.Id) && r.BecameDossier == false && r.LastActivityAt < threshold)
                .ExecuteDeleteAsync(cancellationToken);
            var kept = await db.Requests.IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
            var gone = ids.Except(kept).ToList();
            if (gone.Count > 0)
            {
                await db.InboundEmails.IgnoreQueryFilters()
                    .Where(e => e.OrganisationId == organisationId && e.RequestId != null && gone.Contains(e.RequestId.Value)).ExecuteDeleteAsync(cancellationToken);
                db.AddToOutbox(new CustomerErasureRequested
                {
                    OrganisationId = organisationId, OccurredAt = now, ErasureId = Guid.CreateVersion7(), CustomerEmail = "", RequestIds = gone,
                    RequestedBy = RequestedBy, CasesOnly = true,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            erased += deleted;
            LogErased(deleted, organisationId, threshold);
        }

        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Count} requests of organisation {OrganisationId} that never became dossiers, last active before {Threshold}")]
    private partial void LogErased(int count, Guid organisationId, DateTimeOffset threshold);
}
