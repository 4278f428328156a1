using CommercialManagement.Contracts.Payment;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues « Rappel de paiement » to the case's customer with the « Payer » link: one email per payment request and step
/// (its kind is the step's: « PaymentReminderBeforeDue », « PaymentReminderFirstOverdue »…, so a J+1 never hides a J-3, and
/// the same event delivered twice never sends twice). The organisation's settings turned off are never published to here.
/// </summary>
internal sealed class PaymentReminderDueConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<PaymentReminderDueConsumer> logger)
    : IConsumer<PaymentReminderDue>
{
    public const string KindPrefix = "PaymentReminder";

    public Task Consume(ConsumeContext<PaymentReminderDue> context)
    {
        var reminder = context.Message;
        return CustomerEmails.QueueAsync(
            db, context, options.Value, timeProvider.GetUtcNow(), logger, (KindPrefix + reminder.Step, reminder.OrganisationId, reminder.RequestId, reminder.PaymentRequestId),
            token => options.Value.CustomerSpacePaymentLink(token, reminder.PaymentRequestId),
            (parties, link) => PaymentReminderTemplates.PaymentReminder(reminder, parties, link),
            (customer, link) => (customer.Email, link) switch
            {
                (null, _) => $"L'adresse e-mail du client n'est pas connue : le rappel de paiement du devis {reminder.QuoteNumber} n'a pas pu lui être envoyé.",
                (_, null) => $"Le lien de l'espace client n'est pas connu : le rappel de paiement du devis {reminder.QuoteNumber} n'a pas pu être envoyé.",
                _ => null,
            });
    }
}
