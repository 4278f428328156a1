using CommercialManagement.Contracts.Payment;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues « Demande de paiement » to the case's customer: the amount, the quote, what is paid already, the expiry, and
/// « Payer », the customer space's link that opens the checkout. One email per event and per payment request. Without
/// the customer's address or the case's token (after the retries), it is logged as failed with the reason: staff copy
/// the link from the dossier.
/// </summary>
internal sealed class PaymentRequestedConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<PaymentRequestedConsumer> logger)
    : IConsumer<PaymentRequested>
{
    public const string Kind = "PaymentRequested";

    public Task Consume(ConsumeContext<PaymentRequested> context)
    {
        var request = context.Message;
        return CustomerEmails.QueueAsync(
            db, context, options.Value, timeProvider.GetUtcNow(), logger, (Kind, request.OrganisationId, request.RequestId, request.PaymentRequestId),
            token => options.Value.CustomerSpacePaymentLink(token, request.PaymentRequestId),
            (parties, link) => PaymentEmailTemplates.PaymentRequested(request, parties, link),
            (customer, link) => (customer.Email, link) switch
            {
                (null, _) => $"L'adresse e-mail du client n'est pas connue : la demande de paiement du devis {request.QuoteNumber} n'a pas pu lui être envoyée.",
                (_, null) => $"Le lien de l'espace client n'est pas connu : la demande de paiement du devis {request.QuoteNumber} n'a pas pu être envoyée (copiez le lien depuis le dossier).",
                _ => null,
            });
    }
}
