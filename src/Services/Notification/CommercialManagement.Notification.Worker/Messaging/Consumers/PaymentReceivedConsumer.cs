using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues « Reçu de paiement » to the case's customer, for every payment (online or recorded by staff): the amount, the
/// method, the date, what is paid so far and what remains, the link to the space. One email per event and per payment.
/// </summary>
internal sealed class PaymentReceivedConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<PaymentReceivedConsumer> logger)
    : IConsumer<PaymentReceived>
{
    public const string Kind = "PaymentReceipt";

    public Task Consume(ConsumeContext<PaymentReceived> context)
    {
        var payment = context.Message;
        return CustomerEmails.QueueAsync(
            db, context, options.Value, timeProvider.GetUtcNow(), logger, (Kind, payment.OrganisationId, payment.RequestId, payment.PaymentId),
            options.Value.CustomerSpaceLink,
            (parties, link) => PaymentEmailTemplates.PaymentReceived(payment, parties, link),
            // A receipt without the link still says what was received.
            (customer, _) => customer.Email is null
                ? $"L'adresse e-mail du client n'est pas connue : le reçu du paiement de {Euros.InText(payment.AmountCents, english: false)} n'a pas pu lui être envoyé."
                : null);
    }
}
