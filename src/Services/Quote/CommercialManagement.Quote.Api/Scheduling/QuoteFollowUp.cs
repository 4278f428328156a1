using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CommercialManagement.Quote.Api.Scheduling;

/// <summary>
/// <c>quote-follow-up</c>, at 9:00 Paris time (issue 17): a sent quote the customer has neither opened in their space nor
/// answered gets a follow-up <c>QuoteFollowUpDaysBeforeExpiry</c> days before its last valid day (J-2 by default; caught up
/// on a later day while it is still valid), unless the organisation turned it off. Once per quote and validity date
/// (ScheduledOnce <c>quote-follow-up</c>). A quote sent less than a day before is left alone. Customer messages are not
/// known to this service: a customer who wrote without opening the quote still gets it.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class QuoteFollowUp(QuoteDbContext db, IServiceScopeFactory scopes, JobClock clock, ILogger<QuoteFollowUp> logger) : IJob
{
    public const string JobName = "quote-follow-up";
    public const string Cron = "0 0 9 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await RunAsync(cancellationToken);

    /// <returns>How many follow-ups were published.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ParisTime.Day(now);
        var sentBefore = now.AddDays(-1);
        var candidates = await QuoteJobStep.AllQuotes(db)
            .Where(q => q.State == QuoteState.Sent && q.ValidUntil >= today && q.CustomerViewedAt == null && q.SentAt <= sentBefore && q.AcceptedLines == null)
            .Select(q => new { q.Id, q.OrganisationId, q.ValidUntil })
            .ToListAsync(cancellationToken);
        var organisationIds = candidates.Select(c => c.OrganisationId).Distinct().ToList();
        var settings = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => organisationIds.Contains(o.OrganisationId))
            .ToDictionaryAsync(o => o.OrganisationId, o => o.Schedule, cancellationToken);
        var sent = 0;
        foreach (var quote in candidates)
        {
            var schedule = settings.GetValueOrDefault(quote.OrganisationId) ?? new Contracts.Identity.ScheduleSettings();
            if (!schedule.QuoteFollowUp || schedule.QuoteFollowUpDaysBeforeExpiry <= 0 || today < quote.ValidUntil!.Value.AddDays(-schedule.QuoteFollowUpDaysBeforeExpiry))
            {
                continue;
            }

            if (await QuoteJobStep.RunAsync(scopes, quote.OrganisationId, quote.Id, (db, q) => FollowUpAsync(db, q, today, sentBefore, now, cancellationToken), cancellationToken))
            {
                sent++;
            }
        }

        if (sent > 0)
        {
            LogFollowedUp(sent);
        }

        return sent;
    }

    private static async Task<bool> FollowUpAsync(
        QuoteDbContext db, Domain.Quotes.Quote quote, DateOnly today, DateTimeOffset sentBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (quote is not { State: QuoteState.Sent, ValidUntil: { } until, CustomerViewedAt: null, IsAmendment: false, SentAt: { } sentAt }
            || until < today || sentAt > sentBefore)
        {
            return false;
        }

        // Answered in the conversation since it was sent: the customer is in touch, no reminder.
        var wrote = await db.Cases.Where(c => c.Id == quote.RequestId).Select(c => c.CustomerWroteAt).SingleOrDefaultAsync(cancellationToken);
        if (wrote >= sentAt || !await db.ClaimOnceAsync(quote.OrganisationId, quote.Id, JobName, until, now, cancellationToken))
        {
            return false;
        }

        db.AddToOutbox(new QuoteFollowUpDue
        {
            OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id, Number = quote.Number, ValidUntil = until,
            CustomerName = quote.Customer.Name, CustomerEmail = quote.Customer.Email, Language = await QuoteJobStep.LanguageAsync(db, quote, cancellationToken),
        });
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} follow-up(s) of sent quotes before their expiry")]
    private partial void LogFollowedUp(int count);
}
