using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Scheduling;

using Quote = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

/// <summary>
/// One quote's step of a nightly job, in its own scope (its organisation's) and transaction, its case locked as a person's
/// change locks it: the step reads the quote again under the lock, claims itself once (ScheduledOnce) and makes its change
/// and its event in the same transaction, so two instances, two firings or a retry make it once.
/// </summary>
internal static class QuoteJobStep
{
    /// <summary>The quotes due, across organisations (the job acts for each in turn).</summary>
    public static IQueryable<Quote> AllQuotes(QuoteDbContext db) => db.Quotes.IgnoreQueryFilters().AsNoTracking();

    /// <returns>
    /// True when <paramref name="step"/> made its change (and it was committed). A quote whose step fails (a deadlock, a
    /// timeout) is logged and left for the next firing: the job goes on with the others.
    /// </returns>
    public static async Task<bool> RunAsync(
        IServiceScopeFactory scopes, Guid organisationId, Guid quoteId, Func<QuoteDbContext, Quote, Task<bool>> step, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await RunInScopeAsync(scope.ServiceProvider, organisationId, quoteId, step, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QuoteJobStep))
                .LogWarning(exception, "A scheduled step of quote {QuoteId} failed; the next firing tries it again", quoteId);
            return false;
        }
    }

    private static async Task<bool> RunInScopeAsync(
        IServiceProvider services, Guid organisationId, Guid quoteId, Func<QuoteDbContext, Quote, Task<bool>> step, CancellationToken cancellationToken)
    {
        services.GetRequiredService<TenantContext>().Use(organisationId);
        var db = services.GetRequiredService<QuoteDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requestId = await db.Quotes.Where(q => q.Id == quoteId).Select(q => (Guid?)q.RequestId).SingleOrDefaultAsync(cancellationToken);
        if (requestId is null)
        {
            return false;
        }

        await db.LockCaseAsync(requestId.Value, cancellationToken);
        var quote = await db.Quotes.Include(q => q.Lines).SingleAsync(q => q.Id == quoteId, cancellationToken);
        bool done;
        try
        {
            done = await step(db, quote);
        }
        catch (QuoteRuleException)
        {
            // Changed meanwhile by a person (sent, accepted, extended): nothing to do any more.
            return false;
        }

        if (!done)
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task<string> LanguageAsync(QuoteDbContext db, Quote quote, CancellationToken cancellationToken) =>
        await db.Cases.Where(c => c.Id == quote.RequestId).Select(c => c.Language).SingleOrDefaultAsync(cancellationToken) ?? "fr";
}
