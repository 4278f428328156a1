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

    public async Task Consume(ConsumeContext<PaymentRefunded> context)
    {
        var refund = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("PaymentRefunded without a message id.");
        if (await CustomerEmails.AlreadyQueuedAsync(db, Kind, messageId, refund.RefundId, context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, refund.OrganisationId);
        var sender = OrganisationSender.Of(organisation, options.Value);
        var customer = await CaseCustomer.OfAsync(db, context, refund.RequestId);
        var link = customer.CustomerSpaceToken is { } token ? options.Value.CustomerSpaceLink(token) : null;
        var content = PaymentEmailTemplates.PaymentRefunded(
            refund, new PaymentEmailParties(customer.Name, customer.English, sender.Name, sender.ReplyTo, sender.ContactPhone), link);
        var undeliverable = customer.Email is null
            ? $"L'adresse e-mail du client n'est pas connue : l'avis de remboursement de {PaymentWords.Amount(refund.AmountCents, english: false)} n'a pas pu lui être envoyé."
            : null;
        CustomerEmails.Add(
            db, logger, refund.OrganisationId, messageId, Kind, refund.RequestId, refund.RefundId, customer.Email, sender, content,
            timeProvider.GetUtcNow(), undeliverable);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
