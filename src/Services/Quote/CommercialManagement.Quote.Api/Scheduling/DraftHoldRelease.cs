using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Features.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CommercialManagement.Quote.Api.Scheduling;

/// <summary>
/// <c>draft-hold-release</c>, at 0:15 Paris time (issue 17): a draft never sent and unchanged for the organisation's
/// <c>DraftHoldDays</c> (7 by default) gives back the places its lines hold. The draft stays, with the note that its places
/// were released; changed or sent later, it holds them again (or says why not). An amendment's draft is left alone (the
/// accepted order's places). Once per draft and last change (ScheduledOnce <c>draft-hold-release</c>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class DraftHoldRelease(QuoteDbContext db, IServiceScopeFactory scopes, JobClock clock, ILogger<DraftHoldRelease> logger) : IJob
{
    public const string JobName = "draft-hold-release";
    public const string Cron = "0 15 0 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await RunAsync(cancellationToken);

    /// <returns>How many drafts gave their places back.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The shortest hold allowed is a day: nothing changed since yesterday can be due.
        var changedBefore = now.AddDays(-1);
        var candidates = await QuoteJobStep.AllQuotes(db)
            .Where(q => q.State == QuoteState.Draft && q.PlacesReleasedAt == null && q.AcceptedLines == null && q.UpdatedAt <= changedBefore)
            .Select(q => new { q.Id, q.OrganisationId, q.UpdatedAt })
            .ToListAsync(cancellationToken);
        var organisationIds = candidates.Select(c => c.OrganisationId).Distinct().ToList();
        var settings = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => organisationIds.Contains(o.OrganisationId))
            .ToDictionaryAsync(o => o.OrganisationId, o => o.Schedule, cancellationToken);
        var released = 0;
        foreach (var draft in candidates)
        {
            var days = (settings.GetValueOrDefault(draft.OrganisationId) ?? new Contracts.Identity.ScheduleSettings()).DraftHoldDays;
            if (days <= 0 || draft.UpdatedAt > now.AddDays(-days))
            {
                continue;
            }

            if (await QuoteJobStep.RunAsync(scopes, draft.OrganisationId, draft.Id, (db, q) => ReleaseAsync(db, q, days, now, cancellationToken), cancellationToken))
            {
                released++;
            }
        }

        if (released > 0)
        {
            LogReleased(released);
        }

        return released;
    }

    private static async Task<bool> ReleaseAsync(QuoteDbContext db, Domain.Quotes.Quote quote, int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (quote is not { State: QuoteState.Draft, PlacesReleasedAt: null, IsAmendment: false } || quote.UpdatedAt > now.AddDays(-days)
            || !await db.ClaimOnceAsync(quote.OrganisationId, quote.Id, JobName, ParisTime.Day(quote.UpdatedAt), now, cancellationToken))
        {
            return false;
        }

        await QuoteWork.ReleaseAllAsync(db, quote, cancellationToken);
        quote.PlacesReleased(now);
        db.AddToOutbox(new QuoteDraftPlacesReleased
        {
            OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id, Number = quote.Number, DraftHoldDays = days,
        });
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unsent draft(s) gave their places back")]
    private partial void LogReleased(int count);
}
