using CommercialManagement.Contracts.Payment;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues « Votre réservation … est annulée » to the case's customer: at whose request, the organisation's reason, what
/// is kept and what is refunded, the credit note and indemnity invoice to follow. One email per event and per case (a
/// case is cancelled once). It waits for the customer's address as the payment emails do, never for the link.
/// </summary>
internal sealed class CaseCancelledConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<CaseCancelledConsumer> logger)
    : IConsumer<CaseCancelled>
{
    public const string Kind = "CaseCancelled";

    public Task Consume(ConsumeContext<CaseCancelled> context)
    {
        var cancelled = context.Message;
        return CustomerEmails.QueueAsync(
            db, context, options.Value, timeProvider.GetUtcNow(), logger, (Kind, cancelled.OrganisationId, cancelled.RequestId, cancelled.RequestId),
            options.Value.CustomerSpaceLink,
            // The language the accepted quote was written in, else the case's.
            (parties, link) => CancellationEmailTemplates.CaseCancelled(
                cancelled, parties with { English = cancelled.Language switch { "en" => true, "fr" => false, _ => parties.English } }, link),
            (customer, _) => customer.Email is null
                ? $"L'adresse e-mail du client n'est pas connue : l'avis d'annulation de la réservation {cancelled.QuoteNumber} n'a pas pu lui être envoyé."
                : null,
            waitForToken: false);
    }
}
