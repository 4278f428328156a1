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
/// <c>quote-expiry</c>, at 0:05 Paris time (issue 17): every sent quote whose last valid day is past becomes « Expirée »,
/// gives back the places it holds and publishes <c>QuoteExpired</c> (the dossier's history; the customer's email unless the
/// organisation turned it off). An amendment of an accepted order does not expire (the order stays). Once per quote and
/// validity date (ScheduledOnce <c>quote-expiry</c>): a quote extended then expired again is a new date.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class QuoteExpiry(QuoteDbContext db, IServiceScopeFactory scopes, JobClock clock, ILogger<QuoteExpiry> logger) : IJob
{
    public const string JobName = "quote-expiry";
    public const string Cron = "0 5 0 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await RunAsync(cancellationToken);

    /// <returns>How many quotes expired.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ParisTime.Day(now);
        var due = await QuoteJobStep.AllQuotes(db)
            .Where(q => q.State == QuoteState.Sent && q.ValidUntil < today && q.AcceptedLines == null)
            .Select(q => new { q.Id, q.OrganisationId })
            .ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var quote in due)
        {
            if (await QuoteJobStep.RunAsync(scopes, quote.OrganisationId, quote.Id, (db, q) => ExpireAsync(db, q, today, now, cancellationToken), cancellationToken))
            {
                expired++;
            }
        }

        if (expired > 0)
        {
            LogExpired(expired);
        }

        return expired;
    }

    private static async Task<bool> ExpireAsync(QuoteDbContext db, Domain.Quotes.Quote quote, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (quote is not { State: QuoteState.Sent, ValidUntil: { } until, IsAmendment: false } || until >= today
            || !await db.ClaimOnceAsync(quote.OrganisationId, quote.Id, JobName, until, now, cancellationToken))
        {
            return false;
        }

        quote.Expire(today, now);
        await QuoteWork.ReleaseAllAsync(db, quote, cancellationToken);
        var organisation = await QuoteWork.OrganisationAsync(db, quote.OrganisationId, cancellationToken);
        db.AddToOutbox(new QuoteExpired
        {
            OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id, Number = quote.Number,
            ValidUntil = until, EmailCustomer = organisation.Schedule.QuoteExpiredEmail && !string.IsNullOrWhiteSpace(quote.Customer.Email),
            CustomerName = quote.Customer.Name, CustomerEmail = quote.Customer.Email, Language = await QuoteJobStep.LanguageAsync(db, quote, cancellationToken),
        });
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} sent quote(s) expired, their places given back")]
    private partial void LogExpired(int count);
}
