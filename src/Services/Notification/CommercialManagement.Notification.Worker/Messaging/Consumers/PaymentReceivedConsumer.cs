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

    public async Task Consume(ConsumeContext<PaymentReceived> context)
    {
        var payment = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("PaymentReceived without a message id.");
        if (await CustomerEmails.AlreadyQueuedAsync(db, Kind, messageId, payment.PaymentId, context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, payment.OrganisationId);
        var sender = OrganisationSender.Of(organisation, options.Value);
        var customer = await CaseCustomer.OfAsync(db, context, payment.RequestId);
        // A receipt without the link still says what was received.
        var link = customer.CustomerSpaceToken is { } token ? options.Value.CustomerSpaceLink(token) : null;
        var content = PaymentEmailTemplates.PaymentReceived(
            payment, new PaymentEmailParties(customer.Name, customer.English, sender.Name, sender.ReplyTo, sender.ContactPhone), link);
        var undeliverable = customer.Email is null
            ? $"L'adresse e-mail du client n'est pas connue : le reçu du paiement de {PaymentWords.Amount(payment.AmountCents, english: false)} n'a pas pu lui être envoyé."
            : null;
        CustomerEmails.Add(
            db, logger, payment.OrganisationId, messageId, Kind, payment.RequestId, payment.PaymentId, customer.Email, sender, content,
            timeProvider.GetUtcNow(), undeliverable);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
