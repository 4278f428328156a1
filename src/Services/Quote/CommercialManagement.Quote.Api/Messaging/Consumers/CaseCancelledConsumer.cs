using CommercialManagement.Contracts.Payment;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Features.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Messaging.Consumers;

/// <summary>
/// « Annuler le dossier » confirmed (issue 16): the case's accepted quote is voided (« Dossier annulé : … »), its places
/// are given back and <c>QuoteVoided</c> is published, as when a quote is withdrawn. A quote already voided or refused
/// changes nothing: a redelivery (the inbox filter) or a republish voids once and releases once.
/// </summary>
internal sealed partial class CaseCancelledConsumer(QuoteDbContext db, TimeProvider time, ILogger<CaseCancelledConsumer> logger) : IConsumer<CaseCancelled>
{
    public async Task Consume(ConsumeContext<CaseCancelled> context)
    {
        var cancelled = context.Message;
        var cancellationToken = context.CancellationToken;
        await db.LockCaseAsync(cancelled.RequestId, cancellationToken);
        var quote = await db.Quotes.Include(q => q.Lines)
            .SingleOrDefaultAsync(q => q.Id == cancelled.QuoteId && q.RequestId == cancelled.RequestId, cancellationToken);
        if (quote is null)
        {
            // This service made the quote before its acceptance could be cancelled: an unknown one will not come later.
            LogUnknownQuote(cancelled.QuoteId, cancelled.RequestId);
            return;
        }

        if (quote.State is QuoteState.Voided or QuoteState.Refused or QuoteState.Expired)
        {
            return;
        }

        await QuoteWork.VoidWithCaseAsync(db, quote, $"Dossier annulé : {cancelled.Reason}", time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CaseCancelled names quote {QuoteId} of case {RequestId}, which this service does not have: nothing voided")]
    private partial void LogUnknownQuote(Guid quoteId, Guid requestId);
}
