using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>Queues « Remboursement » to the case's customer: the amount refunded and when. One email per event and per refund.</summary>
internal sealed class PaymentRefundedConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<PaymentRefundedConsumer> logger)
    : IConsumer<PaymentRefunded>
{
    public const string Kind = "PaymentRefund";

    public Task Consume(ConsumeContext<PaymentRefunded> context)
    {
        var refund = context.Message;
        return CustomerEmails.QueueAsync(
            db, context, options.Value, timeProvider.GetUtcNow(), logger, (Kind, refund.OrganisationId, refund.RequestId, refund.RefundId),
            options.Value.CustomerSpaceLink,
            (parties, link) => PaymentEmailTemplates.PaymentRefunded(refund, parties, link),
            (customer, _) => customer.Email is null
                ? $"L'adresse e-mail du client n'est pas connue : l'avis de remboursement de {Euros.InText(refund.AmountCents, english: false)} n'a pas pu lui être envoyé."
                : null);
    }
}
