using CommercialManagement.Contracts.Quote;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues « Votre séjour a changé » to the case's customer when the stay changed after they were sent the quote: it is
/// void and a new one is being prepared. A quote voided otherwise (withdrawn, refused) or never sent tells nobody.
/// One email per event and per quote.
/// </summary>
internal sealed class QuoteVoidedConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<QuoteVoidedConsumer> logger)
    : IConsumer<QuoteVoided>
{
    public const string Kind = "QuoteReplaced";

    public Task Consume(ConsumeContext<QuoteVoided> context)
    {
        var voided = context.Message;
        if (voided is not { SeenByCustomer: true, ReplacedByNewQuote: true })
        {
            return Task.CompletedTask;
        }

        return CustomerEmails.QueueAsync(
            db, context, options.Value, timeProvider.GetUtcNow(), logger, (Kind, voided.OrganisationId, voided.RequestId, voided.QuoteId),
            options.Value.CustomerSpaceLink,
            (parties, link) => QuoteEmailTemplates.QuoteReplaced(voided.Number, parties, link),
            (customer, _) => customer.Email is null
                ? $"L'adresse e-mail du client n'est pas connue : il n'a pas pu être prévenu que le devis {voided.Number} est remplacé après le changement de séjour."
                : null);
    }
}
